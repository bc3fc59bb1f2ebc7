"""Monitors' part of the demo: two of Northshire's measures with six years of values,
comparators and breakdowns."""

from __future__ import annotations

from decimal import Decimal

from django_scopes import scope

from framework.selectors import current_edition
from monitoring.models import LOCAL, Monitor, MonitorValue

PERIODS = ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]

MONITORS = [
    {
        "name": "Re-referrals to children's social care within 12 months",
        "description": "Referrals within 12 months of a previous referral, as a percentage of all referrals.",
        "unit": "%",
        "direction": Monitor.Direction.LOWER,
        "target": Decimal("20"),
        "outcomes": ["1.2"],
        "indicators": ["1.2.1"],
        "series": {
            LOCAL: [24.8, 23.1, 25.6, 22.4, 21.9, 20.7],
            "England": [22.6, 22.7, 21.5, 21.6, 22.4, 22.1],
            "Statistical neighbours": [23.9, 23.0, 22.8, 22.9, 23.4, 22.6],
        },
        "breakdowns": {
            "Age band": [
                ("Under 1", 14.2),
                ("1 to 4", 19.8),
                ("5 to 9", 20.3),
                ("10 to 15", 22.9),
                ("16 and over", 24.1),
            ],
        },
    },
    {
        "name": "Children subject to a child protection plan",
        "description": "Rate per 10,000 children aged under 18 at 31 March.",
        "unit": "per 10,000 children",
        "direction": Monitor.Direction.NEITHER,
        "target": None,
        "outcomes": ["1.1"],
        "indicators": [],
        "series": {
            LOCAL: [48.2, 45.9, 47.5, 49.8, 46.1, 44.3],
            "England": [42.8, 41.4, 42.1, 43.2, 41.6, 40.9],
            "North West": [49.1, 47.6, 48.3, 50.4, 48.8, 47.2],
        },
        "breakdowns": {
            "Ethnicity": [
                ("White", 41.7),
                ("Mixed", 72.5),
                ("Asian", 31.2),
                ("Black", 58.9),
                ("Other", 39.4),
            ],
            "Disability": [("Disabled", 96.3), ("Not disabled", 41.8)],
        },
    },
]


def demo_monitors(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    outcomes = {o.code: o for o in edition.outcomes.all()}
    from framework.models import Indicator

    indicators = {i.code: i for i in Indicator.objects.filter(outcome__edition=edition)}
    with scope(partnership=northshire):
        for spec in MONITORS:
            monitor = Monitor.objects.create(
                partnership=northshire,
                name=spec["name"],
                description=spec["description"],
                unit=spec["unit"],
                direction=spec["direction"],
                target=spec["target"],
            )
            monitor.outcomes.set([outcomes[c] for c in spec["outcomes"]])
            monitor.indicators.set([indicators[c] for c in spec["indicators"]])
            values = [
                MonitorValue(
                    partnership=northshire,
                    monitor=monitor,
                    period=period,
                    series=series,
                    value=Decimal(str(value)),
                )
                for series, numbers in spec["series"].items()
                for period, value in zip(PERIODS, numbers, strict=True)
            ]
            values += [
                MonitorValue(
                    partnership=northshire,
                    monitor=monitor,
                    period=PERIODS[-1],
                    breakdown=breakdown,
                    group=group,
                    value=Decimal(str(value)),
                )
                for breakdown, groups in spec["breakdowns"].items()
                for group, value in groups
            ]
            MonitorValue.objects.bulk_create(values)

"""Yearly report sections built from other apps' records: monitors with their trend and
breakdowns (indicator 2.3.5 asks that local trends by need and type of harm are analysed and
shared through the yearly report), and the good practice shared in the year (indicator
5.1.5). Split from assemble.py, which calls them in the report's order."""

from __future__ import annotations

from actions.models import LearningSource
from meetings.selectors import representation
from monitoring.models import LOCAL, Monitor, MonitorValue
from monitoring.selectors import monitor_data
from training.outcomes import reach_lines
from training.selectors import training_year
from ui.charts import BOTH, Series, line_chart

from .document import Chart, Document, Heading, Paragraph, Table
from .periods import ReportYear


def _number(value, unit: str = "") -> str:
    if value is None:
        return "No value"
    return f"{value.normalize():f} {unit}".strip()


def monitors(document: Document, year: ReportYear) -> None:
    """Each monitor's values up to the year (a period that starts no later than it; later
    values never count), as a trend chart with its data table, and its breakdowns for the
    latest period (2 queries, whatever the number of monitors)."""
    document.add(Heading("Monitoring", 1, "monitoring"))
    found = list(Monitor.objects.order_by("name"))
    by_monitor: dict[int, list] = {}
    for value in MonitorValue.objects.filter(monitor__in=found):
        if year.not_after(value.period):
            by_monitor.setdefault(value.monitor_id, []).append(value)
    shown = [(m, monitor_data(m, by_monitor[m.pk])) for m in found if m.pk in by_monitor]
    if not shown:
        document.add(Paragraph(f"No monitors have values for {year.label} or earlier."))
        return
    latest = []
    for monitor, data in shown:
        local = data.series.get(LOCAL, [])
        found = [(p, v) for p, v in zip(data.periods, local, strict=False) if v is not None]
        if found:
            latest.append([monitor.name, found[-1][0], _number(found[-1][1], monitor.unit)])
    if latest:
        document.add(Table("Monitors: latest local value", ["Monitor", "Period", "Value"], latest))
    document.add(
        Paragraph(
            "Each monitor's trend up to the end of the year, with the comparators the "
            "partnership records, then its breakdowns for the latest period."
        )
    )
    for monitor, data in shown:
        _monitor(document, monitor, data)


def _monitor(document: Document, monitor: Monitor, data) -> None:
    document.add(Heading(monitor.name, 2))
    if monitor.description:
        document.add(Paragraph(monitor.description))
    if data.periods:
        series = [
            Series(name, [float(v) if v is not None else None for v in values])
            for name, values in data.series.items()
        ]
        target = float(monitor.target) if monitor.target is not None else None
        svg, png = line_chart(
            title=monitor.name,
            x_labels=data.periods,
            series=series,
            unit=monitor.unit,
            target=target,
            fmt=BOTH,
        )
        document.add(
            Chart(
                f"Line chart of {monitor.name} by period; the table below gives the figures.",
                svg,
                png,
            ),
            Table(
                f"{monitor.name} ({monitor.unit})" if monitor.unit else monitor.name,
                ["Period", *data.series],
                [
                    [period, *(_number(values[i]) for values in data.series.values())]
                    for i, period in enumerate(data.periods)
                ],
                numeric=frozenset(range(1, len(data.series) + 1)),
            ),
        )
        if target is not None:
            document.add(Paragraph(f"Target: {_number(monitor.target, monitor.unit)}.", note=True))
    for name, (period, rows) in data.breakdowns.items():
        document.add(
            Table(
                f"{monitor.name} by {name.lower()}, {period}",
                [name, "Value", "Overall"],
                [[group, _number(value), _number(overall)] for group, value, overall in rows],
                numeric=frozenset({1, 2}),
            )
        )


def good_practice(document: Document, year: ReportYear) -> None:
    """Good practice recorded in the year, and how it was shared and celebrated."""
    document.add(Heading("Good practice", 1, "good-practice"))
    found = list(
        LearningSource.objects.filter(
            kind=LearningSource.Kind.GOOD_PRACTICE, date__gte=year.start, date__lte=year.end
        ).order_by("date", "title")
    )
    if not found:
        document.add(Paragraph(f"No good practice was recorded in {year.label}."))
        return
    for source in found:
        document.add(Heading(f"{source.title} ({source.date:%B %Y})", 2))
        if source.summary:
            document.add(Paragraph(source.summary))
        if source.shared_how:
            document.add(Paragraph(f"How it was shared and celebrated: {source.shared_how}"))


def meetings(document: Document, year: ReportYear, partnership) -> None:
    """Who attended the year's meetings, by sector (education named), and by agency."""
    document.add(Heading("Meetings and representation", 1, "meetings"))
    data = representation(partnership, year.label)
    if not data.meetings:
        document.add(
            Paragraph(f"No meetings of the boards or subgroups were recorded in {year.label}.")
        )
        return
    education = data.education
    document.add(
        Paragraph(
            f"The partnership's boards and subgroups met {data.meetings} times in {year.label}."
            + (
                f" Education attended {education.meetings} of those meetings ({education.share}%)."
                if education
                else ""
            )
        )
    )
    document.add(
        Table(
            f"Meetings attended by each sector, {year.label}",
            ["Sector", "Meetings attended", "Of all meetings"],
            [[r.sector, str(r.meetings), f"{r.share}%"] for r in data.sectors if r.meetings],
        ),
        Table(
            f"Attendance by agency, {year.label}",
            ["Agency", "Attended", "Sent apologies", "Most senior level"],
            [[r.agency, str(r.attended), str(r.apologies), r.most_senior] for r in data.agencies],
        ),
    )


def training(document: Document, year: ReportYear, partnership) -> None:
    """The year's multi-agency training: reach by session and sector, and the evaluations that
    may be shown (groups of at least the minimum; small sessions combined)."""
    document.add(Heading("Training and its evaluation", 1, "training"))
    data = training_year(partnership, year.label)
    if not data.sessions:
        document.add(Paragraph(f"No multi-agency training was recorded in {year.label}."))
        return
    document.add(
        Paragraph(" ".join(reach_lines(data))),
        Table(
            f"Training sessions, {year.label}",
            ["Session", "Serves", "Attended", "Agencies"],
            [
                [
                    str(s),
                    "; ".join(
                        x
                        for x in (
                            str(s.learning_source or ""),
                            f"Priority: {s.priority}" if s.priority else "",
                            "Co-delivered" if s.co_delivered else "",
                            "EEDI" if s.eedi else "",
                        )
                        if x
                    ),
                    str(s.people),
                    str(s.agencies),
                ]
                for s in data.sessions
            ],
            numeric=frozenset({2, 3}),
        ),
        Table(
            f"People attending training by sector, {year.label}",
            ["Sector", "People attending", "Sessions reached"],
            [[r.sector, str(r.people), str(r.sessions)] for r in data.sectors],
            numeric=frozenset({1, 2}),
        ),
    )
    if not data.groups:
        document.add(Paragraph("No evaluations can be shown for the year."))
        return
    statements = [r.statement.rstrip(".") for r in data.overall]
    rows = [
        [g.label, str(g.evaluations), *(f"{r.agree_percent}%" for r in g.results)]
        for g in data.groups
    ]
    rows.append(
        ["All shown", str(data.shown_evaluations), *(f"{r.agree_percent}%" for r in data.overall)]
    )
    document.add(
        Table(
            f"Participants agreeing with each statement, {year.label}",
            ["Session", "Evaluations", *statements],
            rows,
            numeric=frozenset(range(1, 2 + len(statements))),
        ),
        Paragraph(
            "Evaluations are anonymous and shown only in groups of at least "
            f"{data.minimum} people: sessions with fewer are combined, in the order their "
            "evaluations closed."
            + (
                f" {data.held_evaluations} evaluations from {len(data.held)} "
                f"session{'s' if len(data.held) != 1 else ''} were too few to show."
                if data.held
                else ""
            )
        ),
    )

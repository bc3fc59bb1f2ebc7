"""Reads of monitors: the list with latest values, and one monitor's chart and tables."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .models import LOCAL, Monitor, MonitorValue


def period_key(period: str):
    """Sort periods as people write them (2019-20 before 2024-25; Q1 before Q2)."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", period)]


@dataclass
class MonitorSummary:
    monitor: Monitor
    latest_period: str | None
    latest: object | None
    previous: object | None

    @property
    def trend(self) -> str:
        if self.latest is None or self.previous is None:
            return ""
        if self.latest == self.previous:
            return "same"
        up = self.latest > self.previous
        direction = self.monitor.direction
        if direction == Monitor.Direction.NEITHER:
            return "up" if up else "down"
        better = up if direction == Monitor.Direction.HIGHER else not up
        return "better" if better else "worse"


def monitor_list() -> list[MonitorSummary]:
    """Every monitor with its latest two overall local values (2 queries)."""
    monitors = list(Monitor.objects.all())
    local = defaultdict(dict)
    for monitor_id, period, value in MonitorValue.objects.filter(
        series=LOCAL, breakdown=""
    ).values_list("monitor_id", "period", "value"):
        local[monitor_id][period] = value
    summaries = []
    for monitor in monitors:
        periods = sorted(local[monitor.pk], key=period_key)
        latest = periods[-1] if periods else None
        summaries.append(
            MonitorSummary(
                monitor=monitor,
                latest_period=latest,
                latest=local[monitor.pk].get(latest) if latest else None,
                previous=local[monitor.pk].get(periods[-2]) if len(periods) > 1 else None,
            )
        )
    return summaries


@dataclass
class MonitorData:
    periods: list[str]
    series: dict[str, list]  # series name -> values by period (overall)
    breakdowns: dict[
        str, tuple[str, list[tuple[str, object, object]]]
    ]  # name -> (period, [(group, value, overall)])


def monitor_data(monitor: Monitor, values: list | None = None) -> MonitorData:
    """Overall values by series and period, and the latest breakdowns (1 query, or none when
    the monitor's `values` are given, e.g. prefetched and cut to a year)."""
    if values is None:
        values = list(MonitorValue.objects.filter(monitor=monitor))
    periods = sorted({v.period for v in values if not v.breakdown}, key=period_key)
    names = sorted({v.series for v in values if not v.breakdown}, key=lambda s: (s != LOCAL, s))
    overall = {(v.series, v.period): v.value for v in values if not v.breakdown}
    series = {name: [overall.get((name, p)) for p in periods] for name in names}
    breakdowns: dict[str, tuple[str, list]] = {}
    by_breakdown = defaultdict(list)
    for v in values:
        if v.breakdown and v.series == LOCAL:
            by_breakdown[v.breakdown].append(v)
    for name, rows in sorted(by_breakdown.items()):
        latest = max({r.period for r in rows}, key=period_key)
        breakdowns[name] = (
            latest,
            [(r.group, r.value, overall.get((LOCAL, latest))) for r in rows if r.period == latest],
        )
    return MonitorData(periods=periods, series=series, breakdowns=breakdowns)

"""The national picture (for national viewers) and a partnership's sharing page."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from framework.models import Outcome
from reports.models import YearlyReport
from ui.charts import Series, bar_chart, inline_svg

from . import selectors, services
from .models import SharedSummary


def _period(request) -> tuple[str, list]:
    periods = selectors.periods()
    wanted = request.GET.get("period", "")
    known = [p for p, _ in periods]
    return (wanted if wanted in known else (known[0] if known else "")), periods


def _picture(period: str) -> dict:
    """Everything the picture shows for `period`, worked out once per state of the shared data
    (how many partnerships shared it, and when the last did): it changes only when a partnership
    shares or withdraws, and the chart alone (matplotlib) took 160 ms of a 170 ms page at
    national scale."""
    latest = SharedSummary.objects.filter(period=period).aggregate(
        n=Count("pk"), at=Max("shared_at")
    )
    key = (
        f"national:picture:{period}:{latest['n']}:{latest['at'].timestamp() if latest['at'] else 0}"
    )

    def work_out() -> dict:
        edition = selectors.edition_for(period) if period else None
        if edition is None:
            return {"levels": [], "outcomes": [], "statements": [], "chart": ""}
        levels = selectors.levels(edition)
        outcomes = selectors.outcome_distributions(period, edition)
        shown = [d for d in outcomes if not d.hidden]
        chart = (
            inline_svg(
                bar_chart(
                    title=f"Outcome judgements across sharing partnerships, {period}",
                    labels=[d.code for d in shown],
                    series=[
                        Series(lv.label, [float(d.counts[i]) for d in shown])
                        for i, lv in enumerate(levels)
                    ],
                    unit="Partnerships",
                )
            )
            if shown
            else ""
        )
        return {
            "levels": levels,
            "outcomes": outcomes,
            "statements": selectors.statement_spreads(period, edition),
            "chart": chart,
        }

    return cache.get_or_set(key, work_out, 24 * 60 * 60)


def picture(request: HttpRequest) -> HttpResponse:
    period, periods = _period(request)
    return render(
        request,
        "national/picture.html",
        {
            "period": period,
            "periods": periods,
            **_picture(period),
            "bands": [f"{low}–{high}%" for low, high in selectors.BANDS],
            "minimum": selectors.MINIMUM_PARTNERSHIPS,
        },
    )


def outcome(request: HttpRequest, code: str) -> HttpResponse:
    period, periods = _period(request)
    edition = selectors.edition_for(period) if period else None
    if edition is None:
        raise Http404("Nothing has been shared yet.")
    chosen = Outcome.objects.filter(edition=edition, code=code).first()
    if chosen is None:
        raise Http404("No such outcome.")
    return render(
        request,
        "national/outcome.html",
        {
            "period": period,
            "periods": periods,
            "outcome": chosen,
            "levels": selectors.levels(edition),
            "indicators": selectors.indicator_distributions(period, edition, chosen),
            "years": selectors.outcome_over_years(chosen, edition),
            "minimum": selectors.MINIMUM_PARTNERSHIPS,
        },
    )


def share(request: HttpRequest, partnership: str) -> HttpResponse:
    """Published reports and whether each one's summary is shared; share or withdraw."""
    reports = YearlyReport.objects.filter(status=YearlyReport.Status.PUBLISHED).select_related(
        "review", "wave"
    )
    shared = dict(
        SharedSummary.objects.filter(partnership=request.partnership).values_list(
            "period", "shared_at"
        )
    )
    if request.method == "POST":
        chosen = request.POST.get("report", "")
        report = reports.filter(pk=chosen).first() if chosen.isdigit() else None
        if report is None:
            messages.error(request, "Choose a published report to share.")
            return redirect("national:share", partnership=partnership)
        try:
            if request.POST.get("action") == "withdraw":
                services.summary_withdraw(report=report, actor=request.user)
                messages.success(request, f"The {report.period} summary is no longer shared.")
            else:
                services.summary_share(report=report, actor=request.user)
                messages.success(
                    request, f"The {report.period} summary is shared with the national picture."
                )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        return redirect("national:share", partnership=partnership)
    rows = [(report, shared.get(report.period)) for report in reports]
    latest = (
        SharedSummary.objects.filter(partnership=request.partnership).order_by("-period").first()
    )
    edition = selectors.edition_for(latest.period) if latest else None
    return render(
        request,
        "national/share.html",
        {
            "rows": rows,
            "latest": latest,
            "standing": selectors.standings(latest, edition) if edition else None,
            "minimum": selectors.MINIMUM_PARTNERSHIPS,
        },
    )

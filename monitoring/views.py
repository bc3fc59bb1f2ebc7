"""Monitor pages: list, add/edit, one monitor's trend chart with its data, values import."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from framework.selectors import current_edition
from trust.imports import ImportForm
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.charts import Series, inline_svg, line_chart
from ui.pages import form_page

from . import services
from .imports import VALUE_COLUMNS
from .models import Monitor
from .selectors import monitor_data, monitor_list


def monitors(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "monitoring/list.html",
        {"summaries": monitor_list(), "can_edit": request.can("monitoring:add")},
    )


def _edit(request: HttpRequest, partnership: str, monitor: Monitor | None) -> HttpResponse:
    from .forms import MonitorForm

    form = MonitorForm(
        request.POST or None,
        instance=monitor,
        partnership=request.partnership,
        edition=current_edition(),
    )
    title = "Add a monitor" if monitor is None else f"Edit {monitor.name}"
    cancel = reverse("monitoring:list", args=[partnership])
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.monitor_save(
                partnership=request.partnership,
                monitor=monitor,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=cancel)
        messages.success(request, f"{saved.name} has been saved.")
        return redirect("monitoring:detail", partnership=partnership, monitor_id=saved.pk)
    return form_page(
        request,
        form,
        title=title,
        cancel=cancel,
        lead="A measure the partnership tracks over time, such as re-referrals or the "
        "timeliness of strategy meetings. Link it to the indicators it tells you about.",
    )


def add(request: HttpRequest, partnership: str) -> HttpResponse:
    return _edit(request, partnership, None)


def edit(request: HttpRequest, partnership: str, monitor_id: int) -> HttpResponse:
    return _edit(request, partnership, get_object_or_404(Monitor, pk=monitor_id))


def detail(request: HttpRequest, partnership: str, monitor_id: int) -> HttpResponse:
    monitor = get_object_or_404(
        Monitor.objects.prefetch_related("indicators", "outcomes"), pk=monitor_id
    )
    data = monitor_data(monitor)
    chart = None
    if data.periods:
        chart = inline_svg(
            line_chart(
                title=monitor.name,
                x_labels=data.periods,
                series=[
                    Series(name, [float(v) if v is not None else None for v in values])
                    for name, values in data.series.items()
                ],
                unit=monitor.unit,
                target=float(monitor.target) if monitor.target is not None else None,
            )
        )
    return render(
        request,
        "monitoring/detail.html",
        {
            "monitor": monitor,
            "data": data,
            "chart": chart,
            "rows": [
                (p, [values[i] for values in data.series.values()])
                for i, p in enumerate(data.periods)
            ],
            "can_edit": request.can("monitoring:edit"),
        },
    )


def values_import(request: HttpRequest, partnership: str, monitor_id: int) -> HttpResponse:
    monitor = get_object_or_404(Monitor, pk=monitor_id)
    form = ImportForm(request.POST or None, request.FILES or None, required_columns=VALUE_COLUMNS)
    form.set_submit_label("Import values")
    problems = []
    if request.method == "POST" and form.is_valid():
        result = services.values_import(
            monitor=monitor,
            rows=form.rows,
            file_name=form.cleaned_data["file"].name,
            actor=request.user,
        )
        if result.ok:
            messages.success(request, f"{len(result.rows)} values imported.")
            return redirect("monitoring:detail", partnership=partnership, monitor_id=monitor.pk)
        problems = result.problems
    return render(
        request,
        "monitoring/import.html",
        {"form": form, "problems": problems, "monitor": monitor},
    )

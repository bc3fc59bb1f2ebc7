"""Survey pages for the partnership: waves, their statements and invitations, results (the
report's tables and charts), breakdowns, the profile table, coded comments, import, export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from framework.provenance import STATEMENT_OUTCOMES, platform_words
from framework.selectors import current_edition
from trust.imports import ImportForm
from trust.signals import data_exported
from trust.tabular import table_download
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import form_page
from ui.qr import qr_svg

from . import selectors, services
from .exporters import TABLES
from .forms import (
    InvitationsForm,
    LocalStatementForm,
    MappingForm,
    StatementsForm,
    WaveEditForm,
    WaveForm,
)
from .imports import QUESTIONS
from .models import Wave, WaveStatement
from .results import (
    response_rates,
)
from .view_helpers import is_managing, wave_or_404


def _link(request, name: str, token: str) -> str:
    return request.build_absolute_uri(reverse(name, args=[token]))


def wave_list(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "surveys/list.html",
        {"waves": selectors.wave_list(), "can_edit": is_managing(request)},
    )


def wave_add(request: HttpRequest, partnership: str) -> HttpResponse:
    form = WaveForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        wave = services.wave_create(
            partnership=request.partnership,
            edition=current_edition(),
            actor=request.user,
            **form.cleaned_data,
        )
        messages.success(request, f"{wave.title} has been created with all 34 statements.")
        return redirect("surveys:wave", partnership=partnership, wave_id=wave.pk)
    return form_page(
        request,
        form,
        title="Start a survey wave",
        lead="A wave asks the report's 34 statements, each three ways, with the "
        "respondent profile of Table A6. You can leave statements out or add your own "
        "before anyone answers.",
        cancel=reverse("surveys:list", args=[partnership]),
    )


def wave_detail(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = wave_or_404(wave_id)
    statements = (
        wave.statements.select_related("category")
        .prefetch_related("outcomes")
        .order_by("category__number", "number")
    )
    return render(
        request,
        "surveys/wave.html",
        {
            "wave": wave,
            "counts": selectors.response_counts(wave),
            "statements": statements,
            "rates": response_rates(wave) if wave.mode == Wave.Mode.INVITATIONS else [],
            "link": _link(request, "survey_respond:start", wave.link_token),
            "link_qr": qr_svg(_link(request, "survey_respond:start", wave.link_token)),
            "can_edit": is_managing(request),
            "has_responses": wave.responses.exists(),
        },
    )


def wave_edit(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = wave_or_404(wave_id)
    form = WaveEditForm(request.POST or None, instance=wave)
    title = f"Edit {wave.title}"
    cancel = reverse("surveys:wave", args=[partnership, wave.pk])
    if request.method == "POST" and form.is_valid():
        lowered = form.cleaned_data["min_group_size"] < form.previous_minimum
        try:
            services.wave_save(
                wave=wave,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=cancel)
        except ValidationError as error:
            form.add_error(None, error)
            return form_page(request, form, title=title, cancel=cancel)
        if lowered:
            # The audit trail keeps the reason beside the change (tracked fields).
            messages.info(request, "The smallest group shown is lower; the reason is recorded.")
        messages.success(request, "The wave has been saved.")
        return redirect(cancel)
    return form_page(request, form, title=title, cancel=cancel)


def statements(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = wave_or_404(wave_id)
    form = StatementsForm(request.POST or None, wave=wave)
    cancel = reverse("surveys:wave", args=[partnership, wave.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.statements_choose(
                wave=wave,
                included={s.pk for s in form.cleaned_data["included"]},
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error("included", error)
        else:
            messages.success(request, "The statements asked have been saved.")
            return redirect(cancel)
    return form_page(
        request,
        form,
        title="Choose the statements to ask",
        caption=wave.title,
        lead="All 34 are asked by default. Once anyone has answered, the statements are fixed.",
        cancel=cancel,
    )


def statement_add(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = wave_or_404(wave_id)
    form = LocalStatementForm(request.POST or None, wave=wave)
    cancel = reverse("surveys:wave", args=[partnership, wave.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.local_statement_add(wave=wave, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, "Your statement has been added.")
            return redirect(cancel)
    return form_page(
        request, form, title="Add a local statement", caption=wave.title, cancel=cancel
    )


def mapping(
    request: HttpRequest, partnership: str, wave_id: int, statement_id: int
) -> HttpResponse:
    wave = wave_or_404(wave_id)
    statement = get_object_or_404(WaveStatement, pk=statement_id, wave=wave)
    form = MappingForm(request.POST or None, statement=statement)
    cancel = reverse("surveys:wave", args=[partnership, wave.pk])
    if request.method == "POST" and form.is_valid():
        services.statement_outcomes_set(
            statement=statement, outcomes=form.cleaned_data["outcomes"], actor=request.user
        )
        messages.success(request, "The outcomes have been saved.")
        return redirect(cancel)
    return form_page(
        request,
        form,
        title="Which outcomes does this statement speak to?",
        caption=statement.text,
        lead="Results for this statement appear under these outcomes in reviews. The report's "
        "survey categories are not the framework's outcome categories, so the mapping is yours "
        "to adjust.",
        platform_note=platform_words(STATEMENT_OUTCOMES),
        cancel=cancel,
    )


def invitations(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = wave_or_404(wave_id)
    form = InvitationsForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST":
        link_for = lambda token: _link(request, "survey_respond:invitation", token)  # noqa: E731
        if "remind" in request.POST:
            count = services.invitations_remind(wave=wave, link_for=link_for, actor=request.user)
            messages.success(request, f"{count} reminder{'s' if count != 1 else ''} sent.")
            return redirect("surveys:invitations", partnership=partnership, wave_id=wave.pk)
        if form.is_valid():
            sent = services.invitations_add(
                wave=wave,
                agency=form.cleaned_data["agency"],
                emails=form.cleaned_data["emails"],
                link_for=link_for,
                actor=request.user,
            )
            messages.success(request, f"{sent} invitation{'s' if sent != 1 else ''} sent.")
            return redirect("surveys:invitations", partnership=partnership, wave_id=wave.pk)
    totals = wave.invitations.aggregate(
        invited=Count("id"), answered=Count("id", filter=Q(completed=True))
    )
    return render(
        request,
        "surveys/invitations.html",
        {"wave": wave, "form": form, "rates": response_rates(wave), "totals": totals},
    )


def export(
    request: HttpRequest, partnership: str, wave_id: int, table: str, fmt: str
) -> HttpResponse:
    if fmt not in ("csv", "xlsx") or table not in TABLES:
        raise Http404("Unknown table or format.")
    wave = wave_or_404(wave_id)
    if not wave.is_closed:
        raise Http404("Results are published when the wave closes.")
    services.results_shown_mark(wave)
    headers, rows = TABLES[table](wave)
    data_exported.send(
        sender=Wave,
        actor=request.user,
        partnership=request.partnership,
        what=f"{wave.title}: {table}",
        format=fmt,
        rows=len(rows),
    )
    return table_download(
        fmt,
        name=f"{partnership}-survey-{wave.period}-{table}",
        title=table.title(),
        headers=headers,
        rows=rows,
    )


def responses_import(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = wave_or_404(wave_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    form.set_submit_label("Import responses")
    problems = []
    if wave.results_shown:
        if request.method == "POST":
            form.add_error(None, services.RESULTS_SHOWN_IMPORT)
    elif request.method == "POST" and form.is_valid():
        result = services.responses_import(
            wave=wave, rows=form.rows, file_name=form.cleaned_data["file"].name, actor=request.user
        )
        if result.ok:
            messages.success(request, f"{len(result.rows)} responses imported.")
            return redirect("surveys:wave", partnership=partnership, wave_id=wave.pk)
        problems = result.problems
    return render(
        request,
        "surveys/import.html",
        {"wave": wave, "form": form, "problems": problems, "questions": QUESTIONS},
    )

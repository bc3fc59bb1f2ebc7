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
from ui.charts import Segment, diverging_bars, inline_svg
from ui.pages import form_page
from ui.qr import qr_svg

from . import selectors, services
from .exporters import TABLES
from .forms import (
    CodeForm,
    CodingForm,
    InvitationsForm,
    LocalStatementForm,
    MappingForm,
    StatementsForm,
    WaveEditForm,
    WaveForm,
)
from .groups import NOT_GIVEN
from .imports import QUESTIONS
from .models import Comment, Wave, WaveStatement
from .results import (
    bands,
    breakdown_results,
    comparable,
    options,
    plan,
    profile_questions,
    profile_results,
    ranked,
    response_rates,
    statement_results,
)
from .statistics import compare, gaps


def _wave(wave_id: int) -> Wave:
    return get_object_or_404(Wave.objects.select_related("edition"), pk=wave_id)


def _managing(request) -> bool:
    return request.can("surveys:edit")


def _link(request, name: str, token: str) -> str:
    return request.build_absolute_uri(reverse(name, args=[token]))


def wave_list(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "surveys/list.html",
        {"waves": selectors.wave_list(), "can_edit": _managing(request)},
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
    wave = _wave(wave_id)
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
            "can_edit": _managing(request),
            "has_responses": wave.responses.exists(),
        },
    )


def wave_edit(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = _wave(wave_id)
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
    wave = _wave(wave_id)
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
    wave = _wave(wave_id)
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
    wave = _wave(wave_id)
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
    wave = _wave(wave_id)
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


def _closed_or_message(request, wave: Wave) -> HttpResponse | None:
    if wave.is_closed:
        services.results_shown_mark(wave)
        return None
    return render(request, "surveys/not_yet.html", {"wave": wave})


VIEWS = {
    "truth": "How true",
    "change": "Change",
    "importance": "Importance",
    "ranked": "Most and least true",
    "gap": "Where to work",
    "compare": "Compared with the last wave",
}


def results(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = _wave(wave_id)
    waiting = _closed_or_message(request, wave)
    if waiting:
        return waiting
    view = request.GET.get("view", "truth")
    if view not in VIEWS:
        view = "truth"
    include_dk = request.GET.get("dont_know") != "leave-out"
    found = statement_results(wave, include_dont_know=include_dk)
    context = {
        "wave": wave,
        "view": view,
        "views": VIEWS,
        "include_dk": include_dk,
        "labels": options(wave),
        "results": found,
    }
    if view in ("truth", "change", "importance"):
        categories: dict = {}
        for r in found:
            categories.setdefault(r.statement.category, []).append(r)
        context["categories"] = [
            (category, rows, _chart(category.name, rows, view, options(wave)))
            for category, rows in categories.items()
        ]
    elif view == "ranked":
        strong, weak = bands(found)
        by_true, withheld_true = ranked(found, "truth", "true")
        by_importance, withheld_importance = ranked(found, "importance", "very_important")
        context |= {
            "strong": strong,
            "weak": weak,
            "by_true": by_true,
            "withheld_true": withheld_true,
            "by_importance": by_importance,
            "withheld_importance": withheld_importance,
        }
    elif view == "gap":
        by_key = {r.statement.pk: r for r in found}
        rows = gaps(
            {k: r.importance.groups["very_important"] for k, r in by_key.items()},
            {k: r.truth.groups["true"] for k, r in by_key.items()},
        )
        context["gaps"] = [(by_key[k], points) for k, points in rows]
        context["withheld_gap"] = [r for r in found if r.truth.withheld or r.importance.withheld]
    else:
        previous = selectors.previous_wave(wave)
        context["previous"] = previous
        if previous is not None:
            now = comparable(found)
            before = comparable(statement_results(previous, include_dont_know=include_dk))
            changes = compare(
                {k: r.truth.groups["true"] for k, r in now.items()},
                {k: r.truth.groups["true"] for k, r in before.items()},
            )
            context["changes"] = [(now[k], changes[k]) for k in now]
    return render(request, "surveys/results.html", context)


def _chart(title: str, rows, field: str, labels: dict) -> str:
    names = labels[field]
    if field == "truth":
        sides = [1, 1, 0, -1, -1, None]
    elif field == "change":
        sides = [1, 0, -1, None, None]
    else:
        sides = [1, 1, -1, -1, None]

    def value(result, i: int) -> float | None:
        if result.n.count == 0:
            return 0.0  # nobody answered: an empty bar, not a hidden one
        return None if result.n.hidden else result.options[i].percent

    segments = [
        Segment(name, [value(getattr(r, field), i) for r in rows], side)
        for i, (name, side) in enumerate(zip(names, sides, strict=True))
        if side is not None
    ]
    svg = diverging_bars(
        title=title,
        labels=[f"{r.statement.number}. {r.statement.text}" for r in rows],
        segments=segments,
    )
    return inline_svg(svg)


def breakdown(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = _wave(wave_id)
    waiting = _closed_or_message(request, wave)
    if waiting:
        return waiting
    questions = {q["key"]: q["question"] for q in profile_questions(wave)}
    chosen = plan(wave)
    offered = [(k, questions[k]) for k in chosen.offered]
    attribute = request.GET.get("by", "")
    if attribute not in chosen.offered:
        attribute = chosen.offered[0] if chosen.offered else ""
    asked = selectors.asked_statements(wave)
    categories = sorted({s.category for s in asked}, key=lambda c: c.number)
    try:
        number = int(request.GET.get("category", categories[0].number if categories else 1))
    except ValueError:
        number = categories[0].number if categories else 1
    chosen_category = next(
        (c for c in categories if c.number == number), categories[0] if categories else None
    )
    shown = [s for s in asked if chosen_category and s.category_id == chosen_category.pk]
    return render(
        request,
        "surveys/breakdown.html",
        {
            "wave": wave,
            "questions": offered,
            "withheld": [(questions[k], why) for k, why in chosen.withheld.items()],
            "attribute": attribute,
            "attribute_name": questions.get(attribute, ""),
            "categories": categories,
            "category": chosen_category,
            "tables": breakdown_results(wave, attribute, shown) if attribute else [],
        },
    )


def profile(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = _wave(wave_id)
    waiting = _closed_or_message(request, wave)
    if waiting:
        return waiting
    return render(request, "surveys/profile.html", {"wave": wave, "table": profile_results(wave)})


def comment_list(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = _wave(wave_id)
    waiting = _closed_or_message(request, wave)
    if waiting:
        return waiting
    form = CodeForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        services.comment_code_add(
            partnership=request.partnership, name=form.cleaned_data["name"], actor=request.user
        )
        messages.success(request, "The code has been added.")
        return redirect("surveys:comments", partnership=partnership, wave_id=wave.pk)
    category = request.GET.get("category")
    code = request.GET.get("code")
    found = list(
        selectors.comments(
            wave,
            category=int(category) if category and category.isdigit() else None,
            code=int(code) if code and code.isdigit() else None,
        )
    )
    # A quote is attributed to a group only where the wave offers breakdowns by position,
    # and then to the same (merged) group a breakdown shows.
    chosen = plan(wave)
    groups = chosen.groups["position"] if "position" in chosen.offered else []
    label = {m: g.label for g in groups for m in g.members}
    quotes = [(c, label.get(c.response.position or NOT_GIVEN)) for c in found]
    return render(
        request,
        "surveys/comments.html",
        {
            "wave": wave,
            "quotes": quotes,
            "codes": selectors.code_counts(wave),
            "categories": wave.edition.survey_categories.order_by("number"),
            "category": category,
            "code": code,
            "form": form,
            "can_edit": _managing(request),
        },
    )


def comment_code(request: HttpRequest, partnership: str, wave_id: int, comment_key) -> HttpResponse:
    wave = _wave(wave_id)
    waiting = _closed_or_message(request, wave)
    if waiting:
        return waiting
    comment = get_object_or_404(
        Comment, key=comment_key, response__wave=wave, response__submitted=True
    )
    form = CodingForm(
        request.POST or None,
        partnership=request.partnership,
        initial={"codes": list(comment.codes.values_list("pk", flat=True))},
    )
    back = reverse("surveys:comments", args=[partnership, wave.pk])
    if request.method == "POST" and form.is_valid():
        services.comment_codes_set(
            comment=comment, codes=form.cleaned_data["codes"], actor=request.user
        )
        messages.success(request, "The codes have been saved.")
        return redirect(back)
    return render(
        request,
        "surveys/comment_code.html",
        {"wave": wave, "comment": comment, "form": form, "back": back},
    )


def export(
    request: HttpRequest, partnership: str, wave_id: int, table: str, fmt: str
) -> HttpResponse:
    if fmt not in ("csv", "xlsx") or table not in TABLES:
        raise Http404("Unknown table or format.")
    wave = _wave(wave_id)
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
    wave = _wave(wave_id)
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

"""Survey results pages: the statements (how true, changed, important), breakdowns by the
respondent profile, the profile itself, and the comments with their coding. Each is shown only
once the wave has closed and only as the small-group rule allows."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from ui.charts import Segment, diverging_bars, inline_svg

from . import selectors, services
from .adequacy import adequacy_answers
from .forms import (
    CodeForm,
    CodingForm,
)
from .groups import NOT_GIVEN
from .models import Comment, Wave
from .results import (
    bands,
    breakdown_results,
    comparable,
    options,
    plan,
    profile_questions,
    profile_results,
    ranked,
    statement_results,
)
from .statistics import compare, gaps
from .view_helpers import is_managing, wave_or_404


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
    wave = wave_or_404(wave_id)
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
        "adequacy": adequacy_answers(wave),
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
    wave = wave_or_404(wave_id)
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
    wave = wave_or_404(wave_id)
    waiting = _closed_or_message(request, wave)
    if waiting:
        return waiting
    return render(request, "surveys/profile.html", {"wave": wave, "table": profile_results(wave)})


def comment_list(request: HttpRequest, partnership: str, wave_id: int) -> HttpResponse:
    wave = wave_or_404(wave_id)
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
            "can_edit": is_managing(request),
        },
    )


def comment_code(request: HttpRequest, partnership: str, wave_id: int, comment_key) -> HttpResponse:
    wave = wave_or_404(wave_id)
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

"""Framework pages: the tree, the outcome categories, principles, impacts, activities,
resources, sources of evidence, glossary and a printable whole. Readable by every member."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from .easy_read import INTRODUCTION as EASY_INTRODUCTION
from .easy_read import easy_read_outcomes
from .models import (
    EvidenceSource,
    Impact,
    IndicativeActivity,
    IndicativeResource,
    Principle,
)
from .selectors import categories_with_outcomes, current_edition, survey_categories
from .trees import cached_tree


@dataclass(frozen=True)
class Part:
    model: type
    title: str
    singular: str
    tree_part: str
    intro: str


PARTS: dict[str, Part] = {
    "principles": Part(
        Principle,
        "Principles",
        "Principle",
        "the roots",
        "The six principles underpin the work of partnerships. They are the roots of the MACS "
        "tree (report section 2.1.8).",
    ),
    "impacts": Part(
        Impact,
        "Impacts for children, young people, families and communities",
        "Impact",
        "the birds",
        "The five longer-term impacts the work contributes to. They are the birds of the MACS "
        "tree (report section 2.1.4).",
    ),
    "activities": Part(
        IndicativeActivity,
        "Indicative activities",
        "Activity",
        "the branches",
        "Activities link resources to outcomes. These are indicative only: each partnership "
        "maps its own (report section 2.1.6).",
    ),
    "resources": Part(
        IndicativeResource,
        "Indicative resources",
        "Resource",
        "the trunk",
        "The resources partnerships need to function effectively, identified by case study "
        "sites. They are the trunk of the MACS tree (report section 2.1.7).",
    ),
    "evidence-sources": Part(
        EvidenceSource,
        "Possible sources of evidence",
        "Source of evidence",
        "",
        "Some possible sources of evidence to monitor progress towards the outcomes. "
        "Partnerships may have equally valid, other sources (report section 2.3.3).",
    ),
}


def _part(name: str) -> Part:
    if name not in PARTS:
        raise Http404("No such part of the framework.")
    return PARTS[name]


def tree(request, partnership: str):
    edition = current_edition()
    svg = cached_tree(edition, partnership, "svg").decode("utf-8")
    return render(
        request,
        "framework/tree.html",
        {
            "edition": edition,
            "svg": mark_safe(svg),  # noqa: S308 - drawn by framework.tree from our own data, escaped there
            "categories": categories_with_outcomes(edition),
            "impacts": edition.impact_set.order_by("number"),
            "principles": edition.principle_set.order_by("number"),
            "activities": edition.indicativeactivity_set.order_by("number"),
            "resources": edition.indicativeresource_set.order_by("number"),
        },
    )


def tree_png(request, partnership: str):
    edition = current_edition()
    response = HttpResponse(cached_tree(edition, partnership, "png"), content_type="image/png")
    response["Content-Disposition"] = 'attachment; filename="macs-toc-tree.png"'
    return response


def category(request, partnership: str, number: int):
    edition = current_edition()
    categories = categories_with_outcomes(edition)
    selected = next((c for c in categories if c.number == number), None)
    if selected is None:
        raise Http404("No such outcome category.")
    return render(
        request,
        "framework/category.html",
        {"edition": edition, "category": selected, "categories": categories},
    )


def part_list(request, partnership: str, part: str):
    info = _part(part)
    edition = current_edition()
    items = info.model.objects.filter(edition=edition).order_by("number")
    return render(
        request, "framework/part_list.html", {"part": info, "part_slug": part, "items": items}
    )


def part_detail(request, partnership: str, part: str, number: int):
    info = _part(part)
    edition = current_edition()
    item = get_object_or_404(info.model, edition=edition, number=number)
    count = info.model.objects.filter(edition=edition).count()
    return render(
        request,
        "framework/part_detail.html",
        {
            "part": info,
            "part_slug": part,
            "item": item,
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if number < count else None,
        },
    )


def glossary(request, partnership: str):
    edition = current_edition()
    entries = edition.glossary.order_by("kind", "term")
    return render(
        request,
        "framework/glossary.html",
        {
            "abbreviations": [e for e in entries if e.kind == "abbreviation"],
            "terms": [e for e in entries if e.kind == "term"],
        },
    )


def print_view(request, partnership: str):
    edition = current_edition()
    return render(
        request,
        "framework/print.html",
        {
            "edition": edition,
            "categories": categories_with_outcomes(edition),
            "impacts": edition.impact_set.order_by("number"),
            "principles": edition.principle_set.order_by("number"),
            "activities": edition.indicativeactivity_set.order_by("number"),
            "resources": edition.indicativeresource_set.order_by("number"),
            "sources": edition.evidencesource_set.order_by("number"),
            "levels": edition.rating_levels.order_by("value"),
            "steps": edition.planning_steps.order_by("number"),
            "survey_categories": survey_categories(edition),
        },
    )


def easy_read(request):
    """The outcomes in easy read, for children, young people and families: public, and the
    same for every partnership (the outcomes are the framework's)."""
    categories = easy_read_outcomes(current_edition())
    if not categories:
        raise Http404("There is no easy-read version of this edition yet.")
    return render(
        request,
        "framework/easy_read.html",
        {"categories": categories, "introduction": EASY_INTRODUCTION},
    )

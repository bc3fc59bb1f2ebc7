"""The one page for a part of a signable record (an activity, a resource, an outcome of a plan):
its form, and for an activity the pathways it leads by, each added with its own form. Every
form posts to the page with an "action". Nothing is offered once the record is locked for
sign-off, or to someone the access policy does not let change it. Used by a priority's plan
and by the theory of change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from trust.versioning import model_values
from ui.pages import apply_errors

LOCKED = "{name} is awaiting or past sign-off. Reopen it to change it."


@dataclass(frozen=True)
class PartPage:
    noun: str  # "activity", in sentences
    back: str  # where saving or removing the part returns to
    record_name: str  # the locked record, at the start of a sentence ("This priority")
    save: Callable[[dict], object]  # the form's values -> the saved part
    delete: Callable[[object], None]  # the part, or one of its pathways -> removed
    link: Callable[[dict], object] | None = None  # a pathway form's cleaned data -> added
    pathway: Callable[[str], object] | None = None  # a posted pathway id -> that pathway, or 404


def part_page(
    request: HttpRequest,
    *,
    page: PartPage,
    part,
    locked: bool,
    may_edit: bool,
    form_for: Callable,
    pathway_form_for: Callable | None = None,
    template: str,
    context: dict,
) -> HttpResponse:
    """`form_for(data)` and `pathway_form_for(data)` build the forms, bound to `data` or not."""
    action = request.POST.get("action") if request.method == "POST" and not locked else None
    form = form_for(request.POST if action == "save" else None)
    pathway_form = (
        pathway_form_for(request.POST if action == "pathway" else None)
        if pathway_form_for
        else None
    )
    try:
        if action == "delete":
            page.delete(part)
            messages.success(request, f"The {page.noun} has been removed.")
            return redirect(page.back)
        if action == "save" and form.is_valid():
            page.save(model_values(form))
            messages.success(request, f"The {page.noun} has been saved.")
            return redirect(page.back)
        if action == "pathway" and pathway_form is not None and pathway_form.is_valid():
            page.link(pathway_form.cleaned_data)
            messages.success(request, "The pathway has been added.")
            return redirect(request.path)
        if action == "unlink" and page.pathway is not None:
            posted = request.POST.get("pathway", "")
            if not posted.isdigit():
                raise Http404("No such pathway.")
            page.delete(page.pathway(posted))
            messages.success(request, "The pathway has been removed.")
            return redirect(request.path)
    except ValidationError as error:
        apply_errors(pathway_form if action == "pathway" else form, error)
    if request.method == "POST" and locked:
        messages.error(request, LOCKED.format(name=page.record_name))
        return redirect(request.path)
    editable = may_edit and not locked
    # Every form posts to this page with an "action": the template draws the <form> tags.
    for each in (form, pathway_form):
        if each is not None:
            each.helper.form_tag = False
    return render(
        request,
        template,
        {
            **context,
            "part": part,
            "form": form if editable else None,
            "pathway_form": pathway_form if editable else None,
            "editable": editable,
            "locked": locked,
            "back": page.back,
        },
    )

"""The evidence register: search, add, see where an item is used, edit, delete."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from framework.models import EvidenceSource
from framework.selectors import current_edition
from partnerships.models import Agency
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.links import link_each
from ui.pages import form_page

from . import services
from .forms import EvidenceFilterForm, EvidenceForm
from .models import EvidenceItem
from .selectors import evidence_items
from .usage import usage_of


def register(request: HttpRequest, partnership: str) -> HttpResponse:
    years = [d.year for d in EvidenceItem.objects.dates("date", "year", order="DESC")]
    form = EvidenceFilterForm(
        request.GET or None,
        sources=EvidenceSource.objects.filter(edition__is_current=True).order_by("number"),
        agencies=Agency.objects.all(),
        years=years,
    )
    page = Paginator(evidence_items(form.to_filter()), 50).get_page(request.GET.get("page"))
    link_each(page.object_list, "evidence:detail", [partnership])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "evidence/register.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _edit(request: HttpRequest, partnership: str, item: EvidenceItem | None) -> HttpResponse:
    form = EvidenceForm(
        request.POST or None,
        request.FILES or None,
        instance=item,
        partnership=request.partnership,
        edition=current_edition(),
    )
    title = "Add evidence" if item is None else f"Edit {item.title}"
    cancel = reverse("evidence:register", args=[partnership])
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("upload")
        try:
            saved = services.evidence_save(
                partnership=request.partnership,
                item=item,
                values=model_values(form),
                expected_version=expected_version(form),
                checked=form.checked,
                file_name=upload.name if upload else "",
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=cancel)
        messages.success(request, f"{saved.title} has been saved.")
        return redirect("evidence:detail", partnership=partnership, item_id=saved.pk)
    return form_page(
        request,
        form,
        title=title,
        cancel=cancel,
        lead="Record what a judgement rests on: an audit, a review, data, feedback. "
        "Give a link, upload a file, or both.",
    )


def add(request: HttpRequest, partnership: str) -> HttpResponse:
    return _edit(request, partnership, None)


def edit(request: HttpRequest, partnership: str, item_id: int) -> HttpResponse:
    return _edit(request, partnership, get_object_or_404(EvidenceItem, pk=item_id))


def detail(request: HttpRequest, partnership: str, item_id: int) -> HttpResponse:
    item = get_object_or_404(
        EvidenceItem.objects.select_related("source", "owner_agency", "file", "created_by"),
        pk=item_id,
    )
    return render(
        request,
        "evidence/detail.html",
        {
            "item": item,
            "uses": usage_of([item.pk]).get(item.pk, []),
            "can_delete": request.can("evidence:delete"),
        },
    )


def delete(request: HttpRequest, partnership: str, item_id: int) -> HttpResponse:
    item = get_object_or_404(EvidenceItem, pk=item_id)
    services.evidence_delete(item=item, actor=request.user)
    messages.success(request, f"{item.title} has been deleted. You can restore it for 30 days.")
    return redirect("evidence:register", partnership=partnership)

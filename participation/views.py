"""Voices pages: groups and their feedback, the partnership's response ("you said, we did"),
diversity counts, and the public page. Young scrutineers see plain-language versions limited
to their own groups."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_scopes import scope

from framework.selectors import current_edition
from partnerships.models import Partnership
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import form_page

from . import selectors, services
from .forms import DiversityForm, FeedbackForm, ResponseForm, VoiceGroupForm, YouSaidPageForm
from .models import Feedback, VoiceGroup, YouSaidPage


def _is_staff(request) -> bool:
    return request.can("participation.see_all_groups")


def voices(request: HttpRequest, partnership: str) -> HttpResponse:
    groups = selectors.groups_for(request)
    show = request.GET.get("show", "all")
    show = show if show in selectors.FILTERS else "all"
    staff = _is_staff(request)
    return render(
        request,
        "participation/voices.html" if staff else "participation/young/voices.html",
        {
            "groups": groups,
            "feedback": selectors.feedback_list(groups, show),
            "counts": selectors.feedback_counts(groups),
            "filters": {k: label for k, (label, _) in selectors.FILTERS.items()},
            "show": show,
            "can_edit": request.can("participation:group_add"),
            "page": services.you_said_page(request.partnership) if staff else None,
            "public_page": not staff and selectors.page_is_published(request.partnership),
        },
    )


def _group(request, group_id: int) -> VoiceGroup:
    group = get_object_or_404(VoiceGroup, pk=group_id)
    if not request.can("participation:group", group):
        raise PermissionDenied("You are not in this group.")
    return group


def group_detail(request: HttpRequest, partnership: str, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    groups = VoiceGroup.objects.filter(pk=group.pk)
    return render(
        request,
        "participation/group.html",
        {
            "group": group,
            "feedback": selectors.feedback_list(groups),
            "counts": selectors.feedback_counts(groups),
            "diversity": selectors.diversity_summary(groups),
            "members": group.members.select_related("user"),
            "staff": _is_staff(request),
            "can_edit": request.can("participation:group_edit"),
        },
    )


def _group_form(request, partnership: str, group: VoiceGroup | None) -> HttpResponse:
    form = VoiceGroupForm(request.POST or None, instance=group, partnership=request.partnership)
    back = reverse("participation:voices", args=[partnership])
    if request.method == "POST" and form.is_valid():
        saved = services.group_save(
            partnership=request.partnership,
            group=group,
            values=model_values(form),
            actor=request.user,
        )
        messages.success(request, f"{saved} has been saved.")
        return redirect("participation:group", partnership=partnership, group_id=saved.pk)
    return form_page(
        request,
        form,
        title="Add a group" if group is None else f"Edit {group}",
        cancel=back,
        lead="Young scrutineers, young advisors, a family panel, parents and carers, or a "
        "community group whose views the partnership hears (outcome 3.1).",
    )


def group_add(request: HttpRequest, partnership: str) -> HttpResponse:
    return _group_form(request, partnership, None)


def group_edit(request: HttpRequest, partnership: str, group_id: int) -> HttpResponse:
    return _group_form(request, partnership, get_object_or_404(VoiceGroup, pk=group_id))


def diversity(request: HttpRequest, partnership: str, group_id: int) -> HttpResponse:
    group = get_object_or_404(VoiceGroup, pk=group_id)
    form = DiversityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = services.diversity_record(
            group=group,
            as_at=form.cleaned_data["as_at"],
            characteristic=form.cleaned_data["characteristic"],
            counts=form.cleaned_data["counts"],
            actor=request.user,
        )
        messages.success(request, f"{saved} numbers saved for {group}.")
        return redirect("participation:group", partnership=partnership, group_id=group.pk)
    return form_page(
        request,
        form,
        title=f"Diversity of {group}",
        cancel=reverse("participation:group", args=[partnership, group.pk]),
        lead="Numbers only, for indicator 3.3: how many members share each answer. Only "
        "collect what members agree to share; small numbers are hidden wherever they are shown.",
    )


def feedback_add(request: HttpRequest, partnership: str) -> HttpResponse:
    staff = _is_staff(request)
    groups = selectors.groups_for(request)
    if not groups.exists():
        raise PermissionDenied("You are not in a group yet.")
    form = FeedbackForm(
        request.POST or None,
        groups=groups,
        edition=current_edition(),
        plain=not staff,
        initial={"group": request.GET.get("group")},
    )
    if request.method == "POST" and form.is_valid():
        feedback = services.feedback_add(
            partnership=request.partnership,
            values=model_values(form),
            by_the_group=not staff,
            actor=request.user,
        )
        messages.success(
            request,
            f"Thank you. The partnership will reply by {feedback.respond_by:%-d %B %Y}."
            if not staff
            else "The feedback has been saved.",
        )
        return redirect("participation:feedback", partnership=partnership, feedback_id=feedback.pk)
    if staff:
        return form_page(
            request,
            form,
            title="Record feedback",
            cancel=reverse("participation:voices", args=[partnership]),
            lead="What a group said, in their words, entered on their behalf.",
        )
    return render(request, "participation/young/feedback_add.html", {"form": form})


def feedback_detail(request: HttpRequest, partnership: str, feedback_id: int) -> HttpResponse:
    feedback = get_object_or_404(
        Feedback.objects.select_related("group").prefetch_related(
            "outcomes", "actions", "priorities", "ratings__indicator", "ratings__review"
        ),
        pk=feedback_id,
    )
    if not request.can("participation:feedback", feedback):
        raise PermissionDenied("This feedback is from another group.")
    staff = _is_staff(request)
    can_respond = request.can("participation:feedback", feedback, method="POST")
    form = None
    if can_respond:
        form = ResponseForm(
            request.POST or None, instance=feedback, partnership=request.partnership
        )
        back = reverse("participation:voices", args=[partnership])
        if request.method == "POST" and form.is_valid():
            try:
                services.feedback_respond(
                    feedback=feedback,
                    values=model_values(form),
                    expected_version=expected_version(form),
                    actor=request.user,
                )
            except EditConflict as conflict:
                return conflict_response(
                    request, form, conflict, title="Respond to feedback", cancel_url=back
                )
            messages.success(request, "The response has been saved. The group can see it.")
            return redirect(request.path)
    elif request.method == "POST":
        raise PermissionDenied("Only the business unit responds to feedback.")
    return render(
        request,
        "participation/feedback.html" if staff else "participation/young/feedback.html",
        {"feedback": feedback, "form": form},
    )


def publish(request: HttpRequest, partnership: str) -> HttpResponse:
    page = services.you_said_page(request.partnership)
    form = YouSaidPageForm(
        request.POST or None,
        initial={"published": page.published, "introduction": page.introduction},
    )
    if request.method == "POST" and form.is_valid():
        services.you_said_page_save(page=page, actor=request.user, **form.cleaned_data)
        messages.success(
            request, "The page is published." if page.published else "The page is not published."
        )
        return redirect("participation:voices", partnership=partnership)
    return render(
        request,
        "participation/publish.html",
        {"form": form, "page": page, "feedback": selectors.public_feedback()},
    )


def _published(slug: str):
    """The partnership and its published "You said, we did" page, or 404."""
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        raise Http404("No such page.")
    with scope(partnership=partnership):
        page = YouSaidPage.objects.filter(partnership=partnership, published=True).first()
    if page is None:
        raise Http404("This page is not published.")
    return partnership, page


def _public(request: HttpRequest, slug: str, template: str) -> HttpResponse:
    partnership, page = _published(slug)
    with scope(partnership=partnership):
        feedback = list(selectors.public_feedback())
    return render(
        request,
        template,
        {"public_partnership": partnership, "page": page, "feedback": feedback},
    )


def public_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The published "You said, we did" page: public, plain language, no names."""
    return _public(request, slug, "participation/public.html")


def public_easy_read(request: HttpRequest, slug: str) -> HttpResponse:
    """The same page in easy read: large text, one sentence a line, a picture beside each."""
    return _public(request, slug, "participation/public_easy.html")

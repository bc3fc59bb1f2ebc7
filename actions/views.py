"""Learning and action pages: the action log, sources and recommendations, one action with its
escalations, challenges, and the action-log import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from framework.selectors import current_edition
from partnerships.models import Agency
from trust.imports import ImportForm
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import form_page

from . import services
from .forms import (
    ActionForm,
    ChallengeForm,
    EscalateForm,
    EscalationResponseForm,
    RecommendationForm,
    SourceForm,
)
from .imports import ACTION_COLUMNS
from .models import Action, Challenge, LearningSource
from .selectors import FILTERS, action_counts, action_log, challenges, sources


def log(request: HttpRequest, partnership: str) -> HttpResponse:
    show = request.GET.get("show", "open")
    show = show if show in FILTERS else "open"
    agency = request.GET.get("agency", "")
    actions = action_log(show, int(agency) if agency.isdigit() else None)
    return render(
        request,
        "actions/log.html",
        {
            "actions": actions,
            "show": show,
            "filters": {k: label for k, (label, _) in FILTERS.items()},
            "counts": action_counts(),
            "agencies": Agency.objects.filter(partnership=request.partnership),
            "agency": agency,
            "sources": sources(),
            "can_edit": request.can("actions:action_add"),
        },
    )


def source_add(request: HttpRequest, partnership: str) -> HttpResponse:
    form = SourceForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        source = services.source_save(
            partnership=request.partnership, values=model_values(form), actor=request.user
        )
        messages.success(request, f"{source} has been added.")
        return redirect("actions:source", partnership=partnership, source_id=source.pk)
    return form_page(
        request,
        form,
        title="Add a source of learning",
        cancel=reverse("actions:log", args=[partnership]),
        lead="A rapid review, practice review, audit, inspection, scrutiny finding or survey, "
        "or good practice to share and celebrate.",
    )


def source_detail(request: HttpRequest, partnership: str, source_id: int) -> HttpResponse:
    source = get_object_or_404(LearningSource.objects.select_related("evidence"), pk=source_id)
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.recommendation_add(
            source=source, text=form.cleaned_data["text"], actor=request.user
        )
        messages.success(request, "The recommendation has been added.")
        return redirect(request.path)
    return render(
        request,
        "actions/source.html",
        {
            "source": source,
            "recommendations": source.recommendations.prefetch_related("actions"),
            "actions": source.actions.select_related("owner_agency"),
            "form": form,
            "can_edit": request.can("actions:source", method="POST"),
        },
    )


def _action_form(request, action: Action | None):
    return ActionForm(
        request.POST if request.method == "POST" else None,
        instance=action or Action(),
        partnership=request.partnership,
        edition=current_edition(),
        initial={"source": request.GET.get("source")} if action is None else None,
    )


def action_add(request: HttpRequest, partnership: str) -> HttpResponse:
    form = _action_form(request, None)
    cancel = reverse("actions:log", args=[partnership])
    if request.method == "POST" and form.is_valid():
        action = services.action_save(
            partnership=request.partnership, values=model_values(form), actor=request.user
        )
        messages.success(request, "The action has been added.")
        return redirect("actions:action", partnership=partnership, action_id=action.pk)
    return form_page(request, form, title="Add an action", cancel=cancel)


def action_detail(request: HttpRequest, partnership: str, action_id: int) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related("owner_agency", "source", "recommendation", "priority"),
        pk=action_id,
    )
    escalate = EscalateForm(request.POST if request.POST.get("form") == "escalate" else None)
    respond = EscalationResponseForm(
        request.POST if request.POST.get("form") == "respond" else None
    )
    waiting = action.escalations.filter(response="").first()
    if request.method == "POST":
        try:
            if (
                request.POST.get("form") == "escalate"
                and request.can("actions.escalate", action)
                and escalate.is_valid()
            ):
                services.action_escalate(
                    action=action, reason=escalate.cleaned_data["reason"], actor=request.user
                )
                messages.success(
                    request, "The action has been escalated; the lead partners have been told."
                )
                return redirect(request.path)
            if (
                request.POST.get("form") == "respond"
                and request.can("actions.respond", action)
                and respond.is_valid()
            ):
                services.escalation_respond(
                    escalation=waiting,
                    response=respond.cleaned_data["response"],
                    actor=request.user,
                )
                messages.success(request, "The lead partners' response has been recorded.")
                return redirect(request.path)
        except ValidationError as error:
            (escalate if request.POST.get("form") == "escalate" else respond).add_error(None, error)
    return render(
        request,
        "actions/action.html",
        {
            "action": action,
            "escalations": action.escalations.select_related("raised_by", "responded_by"),
            "escalate_form": escalate if request.can("actions.escalate", action) else None,
            "respond_form": respond if request.can("actions.respond", action) else None,
            "can_edit": request.can("actions:action_edit"),
        },
    )


def action_edit(request: HttpRequest, partnership: str, action_id: int) -> HttpResponse:
    action = get_object_or_404(Action, pk=action_id)
    form = _action_form(request, action)
    back = reverse("actions:action", args=[partnership, action.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.action_save(
                partnership=request.partnership,
                action=action,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(
                request, form, conflict, title="Edit the action", cancel_url=back
            )
        messages.success(request, "The action has been saved.")
        return redirect(back)
    return form_page(request, form, title="Edit the action", cancel=back)


def challenge_list(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "actions/challenges.html",
        {
            "challenges": challenges(),
            "can_edit": request.can("actions:challenge_add"),
        },
    )


def _challenge(request, partnership: str, challenge: Challenge | None) -> HttpResponse:
    form = ChallengeForm(
        request.POST or None,
        instance=challenge,
        partnership=request.partnership,
        edition=current_edition(),
    )
    back = reverse("actions:challenges", args=[partnership])
    title = "Record a challenge" if challenge is None else "Update the challenge"
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_save(
                partnership=request.partnership,
                challenge=challenge,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=back)
        messages.success(request, "The challenge has been saved.")
        return redirect(back)
    return form_page(
        request,
        form,
        title=title,
        cancel=back,
        lead="Challenge between agencies, or by the independent scrutineer: to whom, the response, "
        "and whether it was resolved or escalated (outcome 2.1).",
    )


def challenge_add(request: HttpRequest, partnership: str) -> HttpResponse:
    return _challenge(request, partnership, None)


def challenge_edit(request: HttpRequest, partnership: str, challenge_id: int) -> HttpResponse:
    return _challenge(request, partnership, get_object_or_404(Challenge, pk=challenge_id))


def actions_import(request: HttpRequest, partnership: str) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, required_columns=ACTION_COLUMNS)
    form.set_submit_label("Import actions")
    problems = []
    if request.method == "POST" and form.is_valid():
        result = services.actions_import(
            partnership=request.partnership,
            rows=form.rows,
            file_name=form.cleaned_data["file"].name,
            actor=request.user,
        )
        if result.ok:
            messages.success(request, f"{len(result.rows)} actions imported.")
            return redirect("actions:log", partnership=partnership)
        problems = result.problems
    return render(request, "actions/import.html", {"form": form, "problems": problems})

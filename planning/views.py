"""Priority pages: the list, the five steps, the priority's tree and logic model (print and
Word), progress reviews, and the joint sign-off."""

from __future__ import annotations

from crispy_forms_gds.layout import Submit
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header

from framework.models import PlanningStep, Principle
from framework.selectors import current_edition
from framework.tree import draw_tree
from signoff.parts import PartPage, part_page
from signoff.views import SignOffActions, sign_off_page
from trust.signals import data_exported
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import form_page

from . import services
from .exporters import DOCX_TYPE, LOGIC_HEADERS, logic_model_rows, priority_docx
from .forms import (
    ActivityForm,
    IssueForm,
    OutcomeForm,
    PathwayForm,
    PriorityStartForm,
    ProgressForm,
    ReflectionsForm,
    ResourceForm,
)
from .models import Activity, Pathway, Priority, PriorityOutcome, Resource
from .selectors import logic_model, priority_list
from .trees import priority_tree_spec

STEPS = range(1, 6)


def _priority(priority_id: int) -> Priority:
    return get_object_or_404(Priority.objects.select_related("edition"), pk=priority_id)


def _step_url(partnership: str, priority: Priority, number: int) -> str:
    return reverse("planning:step", args=[partnership, priority.pk, number])


def priorities(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "planning/list.html",
        {"priorities": priority_list(), "can_edit": request.can("planning:add")},
    )


def priority_add(request: HttpRequest, partnership: str) -> HttpResponse:
    form = PriorityStartForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        priority = services.priority_start(
            partnership=request.partnership,
            edition=current_edition(),
            title=form.cleaned_data["title"],
            actor=request.user,
        )
        return redirect(_step_url(partnership, priority, 1))
    return form_page(
        request,
        form,
        title="Plan a priority",
        lead="Five steps, from the issue to the principles, so everyone can see why the "
        "activities should lead to the outcomes. Each step is saved as you go, and you can "
        "come back to any step.",
        cancel=reverse("planning:list", args=[partnership]),
    )


def priority_detail(request: HttpRequest, partnership: str, priority_id: int) -> HttpResponse:
    priority = _priority(priority_id)
    model = logic_model(priority)
    return render(
        request,
        "planning/priority.html",
        {
            "priority": priority,
            "model": model,
            "steps": _step_states(priority, model),
            "locked": priority.is_locked,
            "can_edit": request.can("planning:step", method="POST"),
            "missing": services.missing_principles(priority),
        },
    )


def _step_states(priority: Priority, model) -> list[tuple[PlanningStep, bool]]:
    done = {
        1: bool(priority.issue and priority.target_groups),
        2: bool(model.outcomes),
        3: bool(model.activities) and any(a.pathway_list for a in model.activities),
        4: any(a.resource_list for a in model.activities),
        5: len(model.reflections) == model.principle_count,
    }
    return [
        (s, done[s.number])
        for s in PlanningStep.objects.filter(edition=priority.edition).order_by("number")
    ]


def step(request: HttpRequest, partnership: str, priority_id: int, number: int) -> HttpResponse:
    if number not in STEPS:
        raise Http404("There are five steps.")
    priority = _priority(priority_id)
    planning_step = get_object_or_404(PlanningStep, edition=priority.edition, number=number)
    locked = priority.is_locked
    editing = request.method == "POST" and not locked
    context = {
        "priority": priority,
        "step": planning_step,
        "number": number,
        "locked": locked,
        "next_url": _step_url(partnership, priority, number + 1)
        if number < 5
        else reverse("planning:priority", args=[partnership, priority.pk]),
        "previous_url": _step_url(partnership, priority, number - 1) if number > 1 else None,
    }
    if request.method == "POST" and locked:
        messages.error(
            request, "This priority is awaiting or past sign-off. Reopen it to change the plan."
        )
        return redirect(request.path)
    # "Save and go to the next step" (or back): what was typed is saved first; a form left
    # blank is no reason to stay.
    going = {"go_next": context["next_url"], "go_back": context["previous_url"]}
    context["going"] = next((url for key, url in going.items() if key in request.POST), None)
    form, response = STEP_PAGES[number](request, priority, editing, context)
    if response is not None:
        return response
    if editing and context["going"] and not form.has_changed():
        return redirect(context["going"])
    if locked or not request.can("planning:step", method="POST"):
        form = None  # shown the plan, not offered a form they may not send
    else:
        _moving_buttons(form, number)
    context["form"] = form
    return render(request, "planning/step.html", context)


def _moving_buttons(form, number: int) -> None:
    """Moving between steps is a button of the step's form, so nothing typed is lost."""
    onward = "Save and go to the next step" if number < 5 else "Save and see the whole plan"
    # formnovalidate: the browser must not refuse to move on because a blank form is blank.
    moving = {"css_class": "govuk-button--secondary", "formnovalidate": "formnovalidate"}
    form.helper.add_input(Submit("go_next", onward, **moving))
    if number > 1:
        form.helper.add_input(Submit("go_back", "Save and go back a step", **moving))


# Each step's page: its form, and (after a valid post) the response that saved it. A step may
# add what it lists to the page's context.
def _issue_step(request, priority, editing, context):
    form = IssueForm(request.POST if editing else None, instance=priority)
    if not (editing and form.is_valid()):
        return form, None
    try:
        services.issue_save(
            priority=priority,
            values=model_values(form),
            expected_version=expected_version(form),
            actor=request.user,
        )
    except EditConflict as conflict:
        return form, conflict_response(
            request, form, conflict, title=priority.title, cancel_url=request.path
        )
    messages.success(request, "Step one saved.")
    return form, redirect(context["going"] or context["next_url"])


def _outcomes_step(request, priority, editing, context):
    form = OutcomeForm(request.POST if editing else None, priority=priority)
    if editing and form.is_valid():
        services.outcome_save(priority=priority, values=model_values(form), actor=request.user)
        messages.success(request, "The outcome has been added.")
        return form, redirect(context["going"] or request.path)
    context["outcomes"] = priority.outcomes.prefetch_related(
        "framework_outcomes", "indicators", "monitors"
    )
    return form, None


def _activities_step(request, priority, editing, context):
    form = ActivityForm(request.POST if editing else None, partnership=priority.partnership)
    if editing and form.is_valid():
        activity = services.activity_save(
            priority=priority, values=model_values(form), actor=request.user
        )
        messages.success(
            request, "The activity has been added. Now link it to the outcomes it should lead to."
        )
        if context["going"]:
            return form, redirect(context["going"])
        return form, redirect(
            "planning:activity",
            partnership=request.partnership.slug,
            priority_id=priority.pk,
            activity_id=activity.pk,
        )
    context["activities"] = priority.activities.select_related("from_theory").prefetch_related(
        "pathways__outcome"
    )
    return form, None


def _resources_step(request, priority, editing, context):
    form = ResourceForm(request.POST if editing else None, priority=priority)
    if editing and form.is_valid():
        services.resource_save(priority=priority, values=model_values(form), actor=request.user)
        messages.success(request, "The resource has been added.")
        return form, redirect(context["going"] or request.path)
    context["activities"] = priority.activities.prefetch_related("resources")
    return form, None


def _reflections_step(request, priority, editing, context):
    form = ReflectionsForm(
        request.POST if editing else None,
        principles=Principle.objects.filter(edition=priority.edition).order_by("number"),
        existing=dict(priority.reflections.values_list("principle_id", "text")),
    )
    if editing and form.is_valid():
        count = services.reflections_save(
            priority=priority, reflections=form.reflections(), actor=request.user
        )
        messages.success(request, f"Reflections saved: {count} of 6 principles.")
        return form, redirect(context["going"] or request.path)
    return form, None


STEP_PAGES = {
    1: _issue_step,
    2: _outcomes_step,
    3: _activities_step,
    4: _resources_step,
    5: _reflections_step,
}


PARTS = {
    "outcome": (PriorityOutcome, OutcomeForm, 2),
    "activity": (Activity, ActivityForm, 3),
    "resource": (Resource, ResourceForm, 4),
}


def _part(
    request: HttpRequest, partnership: str, priority_id: int, kind: str, part_id: int
) -> HttpResponse:
    priority = _priority(priority_id)
    model, form_class, number = PARTS[kind]
    part = get_object_or_404(
        model,
        pk=part_id,
        **({"activity__priority": priority} if kind == "resource" else {"priority": priority}),
    )
    kwargs = {"partnership": priority.partnership} if kind == "activity" else {"priority": priority}
    save = {
        "outcome": services.outcome_save,
        "activity": services.activity_save,
        "resource": services.resource_save,
    }[kind]
    activity = kind == "activity"
    return part_page(
        request,
        page=PartPage(
            noun=kind,
            back=_step_url(partnership, priority, number),
            record_name="This priority",
            save=lambda values: save(
                priority=priority, **{kind: part}, values=values, actor=request.user
            ),
            delete=lambda found: services.part_delete(
                priority=priority, part=found, actor=request.user
            ),
            link=lambda data: services.pathway_add(activity=part, actor=request.user, **data),
            pathway=lambda pk: get_object_or_404(Pathway, pk=pk, activity=part),
        ),
        part=part,
        locked=priority.is_locked,
        may_edit=request.can(f"planning:{kind}", method="POST"),
        form_for=lambda data: form_class(data, instance=part, **kwargs),
        pathway_form_for=(lambda data: PathwayForm(data, activity=part)) if activity else None,
        template="planning/part.html",
        context={
            "priority": priority,
            "kind": kind,
            "pathways": part.pathways.select_related("outcome") if activity else None,
        },
    )


def outcome_edit(request, partnership, priority_id, outcome_id):
    return _part(request, partnership, priority_id, "outcome", outcome_id)


def activity_edit(request, partnership, priority_id, activity_id):
    return _part(request, partnership, priority_id, "activity", activity_id)


def resource_edit(request, partnership, priority_id, resource_id):
    return _part(request, partnership, priority_id, "resource", resource_id)


def progress(
    request: HttpRequest, partnership: str, priority_id: int, outcome_id: int
) -> HttpResponse:
    priority = _priority(priority_id)
    outcome = get_object_or_404(PriorityOutcome, pk=outcome_id, priority=priority)
    form = ProgressForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        services.progress_add(outcome=outcome, values=model_values(form), actor=request.user)
        messages.success(request, "The progress review has been saved.")
        return redirect(
            "planning:progress",
            partnership=partnership,
            priority_id=priority.pk,
            outcome_id=outcome.pk,
        )
    return render(
        request,
        "planning/progress.html",
        {
            "priority": priority,
            "outcome": outcome,
            "form": form,
            "updates": outcome.updates.prefetch_related("evidence").select_related("recorded_by"),
            "monitors": outcome.monitors.prefetch_related("values"),
        },
    )


def tree(request: HttpRequest, partnership: str, priority_id: int) -> HttpResponse:
    priority = _priority(priority_id)
    model = logic_model(priority)
    spec = priority_tree_spec(priority, model, partnership)
    return render(
        request,
        "planning/tree.html",
        {"priority": priority, "svg": draw_tree(spec).decode(), "model": model},
    )


def logic_model_page(request: HttpRequest, partnership: str, priority_id: int) -> HttpResponse:
    priority = _priority(priority_id)
    model = logic_model(priority)
    return render(
        request,
        "planning/logic_model.html",
        {
            "priority": priority,
            "model": model,
            "headers": LOGIC_HEADERS,
            "rows": logic_model_rows(model),
        },
    )


def word(request: HttpRequest, partnership: str, priority_id: int) -> HttpResponse:
    priority = _priority(priority_id)
    model = logic_model(priority)
    data = priority_docx(priority, model, priority_tree_spec(priority, model, partnership))
    data_exported.send(
        sender=Priority,
        actor=request.user,
        partnership=request.partnership,
        what=f"priority {priority.title}",
        format="docx",
        rows=len(model.outcomes),
    )
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{request.partnership.short_name} priority {priority.title[:60]}.docx"
    )
    return response


def sign_off(request: HttpRequest, partnership: str, priority_id: int) -> HttpResponse:
    priority = _priority(priority_id)
    return sign_off_page(
        request,
        target=priority,
        actions=SignOffActions(
            request=lambda **kw: services.priority_request_signoff(priority=priority, **kw),
        ),
        what="the priority",
        back_url=reverse("planning:priority", args=[partnership, priority.pk]),
        confirm="your partner body agrees this priority and its plan",
    )

"""Our theory of change: the years, a year's page with the partnership's own tree, its
activities (with their pathways), resources and enablers and barriers, and the joint sign-off
that agrees it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from framework.selectors import current_edition
from framework.tree import draw_tree
from signoff.parts import PartPage, part_page
from signoff.views import SignOffActions, sign_off_page
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import apply_errors, form_page

from . import services, signing
from .forms import ActivityForm, ContextForm, FactorForm, PathwayForm, ResourceForm, StartForm
from .models import Activity, Factor, Pathway, Resource, TheoryOfChange
from .selectors import outcomes_without_activity, theory_list, theory_parts
from .trees import theory_tree_spec


def _theory(theory_id: int) -> TheoryOfChange:
    return get_object_or_404(TheoryOfChange.objects.select_related("edition"), pk=theory_id)


def _year_url(partnership: str, theory: TheoryOfChange) -> str:
    return reverse("theory:year", args=[partnership, theory.pk])


def years(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "theory/years.html",
        {"theories": theory_list(), "can_start": request.can("theory:start")},
    )


def start(request: HttpRequest, partnership: str) -> HttpResponse:
    form = StartForm(
        request.POST or None,
        partnership=request.partnership,
        initial={"period": services.suggested_period(request.partnership)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            theory = services.theory_start(
                partnership=request.partnership,
                edition=current_edition(),
                period=form.cleaned_data["period"],
                actor=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                f"The {theory.period} theory of change has started as a copy of "
                f"{theory.started_from.period}'s."
                if theory.started_from
                else f"The {theory.period} theory of change has started from the report's "
                "indicative activities and resources. Make them your own.",
            )
            return redirect(_year_url(partnership, theory))
    return form_page(
        request,
        form,
        title="Start a year's theory of change",
        lead="A new year starts as a copy of the latest year before it, so you change only "
        "what is different. The first year starts from the report's indicative activities "
        "and resources.",
        cancel=reverse("theory:list", args=[partnership]),
    )


def year(request: HttpRequest, partnership: str, theory_id: int) -> HttpResponse:
    theory = _theory(theory_id)
    spec = theory_tree_spec(theory, partnership)
    since = None
    if theory.started_from_id:
        earlier = TheoryOfChange.objects.get(pk=theory.started_from_id)
        since = (earlier, signing.changes(signing.freeze(earlier), signing.freeze(theory)))
    return render(
        request,
        "theory/year.html",
        {
            "theory": theory,
            "svg": draw_tree(spec).decode(),
            "gaps": outcomes_without_activity(theory),
            "since": since,
            "locked": theory.is_locked,
            **theory_parts(theory),
        },
    )


def context(request: HttpRequest, partnership: str, theory_id: int) -> HttpResponse:
    theory = _theory(theory_id)
    form = ContextForm(request.POST or None, instance=theory)
    back = _year_url(partnership, theory)
    if request.method == "POST" and form.is_valid():
        try:
            services.context_save(
                theory=theory,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=str(theory), cancel_url=back)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(back)
    return form_page(
        request,
        form,
        title="What is particular about our area",
        caption=str(theory),
        lead="The report's theory of change is a starting point, adapted to each area "
        "(section 2.1.9). Say what shapes yours.",
        cancel=back,
    )


@dataclass(frozen=True)
class Kind:
    model: type
    form: type
    noun: str
    url: str
    save: Callable  # the service that saves one


KINDS = {
    "activity": Kind(Activity, ActivityForm, "activity", "theory:activity", services.activity_save),
    "resource": Kind(Resource, ResourceForm, "resource", "theory:resource", services.resource_save),
    "factor": Kind(Factor, FactorForm, "enabler or barrier", "theory:factor", services.factor_save),
}


def _form(kind: Kind, theory, data=None, instance=None):
    extra = {} if kind.model is Activity else {"theory": theory}
    return kind.form(data, instance=instance, **extra)


def _add(request: HttpRequest, partnership: str, theory_id: int, name: str) -> HttpResponse:
    theory = _theory(theory_id)
    kind = KINDS[name]
    back = _year_url(partnership, theory)
    form = _form(kind, theory, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            part = kind.save(theory=theory, values=model_values(form), actor=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if name == "activity":
                messages.success(
                    request, "The activity is added. Now say which outcomes it leads to, and why."
                )
                return redirect(kind.url, partnership, theory.pk, part.pk)
            messages.success(request, f"The {kind.noun} is added.")
            return redirect(back)
    return form_page(
        request,
        form,
        title=f"Add {'an' if name == 'activity' else 'a'} {kind.noun}",
        caption=str(theory),
        cancel=back,
    )


def activity_add(request, partnership, theory_id):
    return _add(request, partnership, theory_id, "activity")


def resource_add(request, partnership, theory_id):
    return _add(request, partnership, theory_id, "resource")


def factor_add(request, partnership, theory_id):
    return _add(request, partnership, theory_id, "factor")


def _part(request: HttpRequest, partnership: str, theory_id: int, name: str, part_id: int):
    theory = _theory(theory_id)
    kind = KINDS[name]
    part = get_object_or_404(kind.model, pk=part_id, theory=theory)
    activity = name == "activity"
    return part_page(
        request,
        page=PartPage(
            noun=kind.noun,
            back=_year_url(partnership, theory),
            record_name="This theory of change",
            save=lambda values: kind.save(
                theory=theory, **{name: part}, values=values, actor=request.user
            ),
            delete=lambda found: services.part_delete(
                theory=theory, part=found, actor=request.user
            ),
            link=lambda data: services.pathway_add(activity=part, actor=request.user, **data),
            pathway=lambda pk: get_object_or_404(Pathway, pk=pk, activity=part),
        ),
        part=part,
        locked=theory.is_locked,
        # Staff read the page; only those who may change it are offered the forms.
        may_edit=request.can(kind.url, method="POST"),
        form_for=lambda data: _form(kind, theory, data, instance=part),
        pathway_form_for=(lambda data: PathwayForm(data, activity=part)) if activity else None,
        template="theory/part.html",
        context={
            "theory": theory,
            "kind": kind,
            "name": name,
            "pathways": part.pathways.select_related("outcome") if activity else None,
        },
    )


def activity(request, partnership, theory_id, own_activity_id):
    return _part(request, partnership, theory_id, "activity", own_activity_id)


def resource(request, partnership, theory_id, own_resource_id):
    return _part(request, partnership, theory_id, "resource", own_resource_id)


def factor(request, partnership, theory_id, factor_id):
    return _part(request, partnership, theory_id, "factor", factor_id)


def sign_off(request: HttpRequest, partnership: str, theory_id: int) -> HttpResponse:
    theory = _theory(theory_id)
    return sign_off_page(
        request,
        target=theory,
        actions=SignOffActions(
            request=lambda **kw: services.theory_request_signoff(theory=theory, **kw),
        ),
        what="the theory of change",
        back_url=_year_url(partnership, theory),
        confirm="your partner body agrees this theory of change",
    )

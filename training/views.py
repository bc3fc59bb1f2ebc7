"""Training: the sessions, recording one and how many attended from each agency, its
evaluation link and what its evaluations may show, and a year's reach and evaluation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import apply_errors, form_page
from ui.periods import periods_with, this_period, valid_period
from ui.qr import qr_svg

from . import services
from .forms import AttendanceForm, SessionForm
from .models import SessionAttendance, TrainingSession
from .selectors import session_list, session_year, training_year


def sessions(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "training/list.html",
        {"sessions": session_list(), "can_add": request.can("training:add")},
    )


def _save_session(request, partnership: str, session: TrainingSession | None) -> HttpResponse:
    form = SessionForm(request.POST or None, instance=session, partnership=request.partnership)
    back = reverse("training:list", args=[partnership])
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.session_save(
                partnership=request.partnership,
                session=session,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=str(session), cancel_url=back)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                "The session is saved. It is in the evidence register as a training record."
                if session is None
                else "The session is saved.",
            )
            return redirect("training:session", partnership, saved.pk)
    return form_page(
        request,
        form,
        title="Record a training session" if session is None else f"Change {session}",
        lead="Then add how many attended from each agency, and give participants the session's "
        "evaluation link.",
        cancel=back,
    )


def session_add(request: HttpRequest, partnership: str) -> HttpResponse:
    return _save_session(request, partnership, None)


def session_edit(request: HttpRequest, partnership: str, session_id: int) -> HttpResponse:
    return _save_session(request, partnership, get_object_or_404(TrainingSession, pk=session_id))


def session(request: HttpRequest, partnership: str, session_id: int) -> HttpResponse:
    found = get_object_or_404(session_list(), pk=session_id)
    may_edit = request.can("training:session", method="POST")
    action = request.POST.get("action") if request.method == "POST" else None
    form = AttendanceForm(
        request.POST if action == "attend" else None, partnership=request.partnership
    )
    form.helper.form_tag = False
    try:
        if action == "attend" and form.is_valid():
            services.attendance_set(session=found, actor=request.user, **form.cleaned_data)
            messages.success(request, "Saved.")
            return redirect(request.path)
        if action == "remove":
            row = get_object_or_404(SessionAttendance, pk=request.POST.get("attendance"))
            services.attendance_remove(session=found, attendance=row, actor=request.user)
            messages.success(request, "Removed.")
            return redirect(request.path)
    except ValidationError as error:
        apply_errors(form, error)
    year = session_year(found)
    link = request.build_absolute_uri(
        reverse("training_evaluate:form", args=[found.evaluation_token])
    )
    return render(
        request,
        "training/session.html",
        {
            "session": found,
            "attendance": found.attendance.select_related("agency"),
            "form": form if may_edit else None,
            "may_edit": may_edit,
            "year": year,
            "group": year.group_of(found),
            "held": found in year.held,
            "link": link,
            "link_qr": qr_svg(link) if not found.evaluation_closed else "",
        },
    )


def year_page(request: HttpRequest, partnership: str) -> HttpResponse:
    years = periods_with(TrainingSession.objects.all())
    period = request.GET.get("year", "")
    if not valid_period(period):
        period = years[0] if years else this_period()
    return render(
        request,
        "training/year.html",
        {
            "year": training_year(request.partnership, period),
            "other_years": [y for y in years if y != period],
        },
    )

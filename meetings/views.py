"""Meetings: the list, recording a meeting and who attended, the representation of agencies
and sectors over a year, and the partnership's levels of seniority."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import apply_errors, form_page
from ui.periods import periods_with, this_period, valid_period

from . import services
from .forms import AttendanceForm, MeetingForm, SeniorityForm
from .models import Attendance, Meeting
from .selectors import meeting_list, representation, seniority_levels


def meetings(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "meetings/list.html",
        {"meetings": meeting_list(), "can_add": request.can("meetings:add")},
    )


def _save_meeting(request, partnership: str, meeting: Meeting | None) -> HttpResponse:
    form = MeetingForm(request.POST or None, instance=meeting, partnership=request.partnership)
    back = reverse("meetings:list", args=[partnership])
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.meeting_save(
                partnership=request.partnership,
                meeting=meeting,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=str(meeting), cancel_url=back)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                "The meeting is saved. It is in the evidence register as a meeting record."
                if meeting is None
                else "The meeting is saved.",
            )
            return redirect("meetings:meeting", partnership, saved.pk)
    return form_page(
        request,
        form,
        title="Record a meeting" if meeting is None else f"Change {meeting}",
        lead="Then add who attended. Each meeting becomes a meeting record in the evidence "
        "register, so reviews can cite it.",
        cancel=back,
    )


def meeting_add(request: HttpRequest, partnership: str) -> HttpResponse:
    return _save_meeting(request, partnership, None)


def meeting_edit(request: HttpRequest, partnership: str, meeting_id: int) -> HttpResponse:
    return _save_meeting(request, partnership, get_object_or_404(Meeting, pk=meeting_id))


def meeting(request: HttpRequest, partnership: str, meeting_id: int) -> HttpResponse:
    found = get_object_or_404(Meeting.objects.select_related("subgroup"), pk=meeting_id)
    may_edit = request.can("meetings:meeting", method="POST")
    action = request.POST.get("action") if request.method == "POST" else None
    form = AttendanceForm(
        request.POST if action == "attend" else None,
        partnership=request.partnership,
        levels=seniority_levels(request.partnership),
    )
    form.helper.form_tag = False
    try:
        if action == "attend" and form.is_valid():
            services.attendance_add(meeting=found, values=model_values(form), actor=request.user)
            messages.success(request, "Added.")
            return redirect(request.path)
        if action == "remove":
            attendance = get_object_or_404(Attendance, pk=request.POST.get("attendance"))
            services.attendance_remove(meeting=found, attendance=attendance, actor=request.user)
            messages.success(request, "Removed.")
            return redirect(request.path)
    except ValidationError as error:
        apply_errors(form, error)
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": found,
            "attendance": found.attendance.select_related("agency"),
            "form": form if may_edit else None,
            "may_edit": may_edit,
            "priorities": found.priorities.all(),
            "actions": found.actions.all(),
            "reviews": found.reviews.all(),
        },
    )


def representation_page(request: HttpRequest, partnership: str) -> HttpResponse:
    years = periods_with(Meeting.objects.all())
    period = request.GET.get("year", "")
    if not valid_period(period):
        period = years[0] if years else this_period()
    return render(
        request,
        "meetings/representation.html",
        {
            "data": representation(request.partnership, period),
            "other_years": [y for y in years if y != period],
        },
    )


def seniority(request: HttpRequest, partnership: str) -> HttpResponse:
    form = SeniorityForm(
        request.POST or None,
        initial={"levels": "\n".join(seniority_levels(request.partnership))},
    )
    back = reverse("meetings:list", args=[partnership])
    if request.method == "POST" and form.is_valid():
        services.seniority_save(
            partnership=request.partnership,
            levels=form.cleaned_data["levels"],
            actor=request.user,
        )
        messages.success(request, "The levels of seniority are saved.")
        return redirect(back)
    return form_page(
        request,
        form,
        title="Levels of seniority",
        lead="The report asks whether partners attend at the right level of seniority. These "
        "are the levels you record attendance with.",
        cancel=back,
    )

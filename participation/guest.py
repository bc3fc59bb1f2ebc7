"""Workshop guests: join with the code, then add notes and support others' notes. No account.

The session remembers which workshops this browser joined and the guest's secret. Each support
is stored under a keyed hash of that secret and the note (participation.workshops), so a guest
supports a note once however often their browser forgets, while nothing on the server ties a
guest to a note, to their other supports or to an address (the rate limit counts under a keyed
hash of the address, as for survey respondents)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_scopes import scope

from trust.ratelimit import allow

from . import selectors, workshops
from .forms import JoinForm, NoteForm

JOINED = "workshops_joined"
GUEST = "workshop_guest"
# Limits per address: a room full of people may share one address, so these are generous.
JOIN_LIMIT = (60, 15 * 60)
NOTE_LIMIT = (600, 60 * 60)
SUPPORT_LIMIT = (1200, 60 * 60)


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "participation/guest/too_many.html", status=429)
    response["Retry-After"] = "900"
    return response


def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    if request.method == "POST":
        if not allow(request, "workshop-join", limit=JOIN_LIMIT[0], seconds=JOIN_LIMIT[1]):
            return _too_many(request)
        if form.is_valid():
            workshop = workshops.workshop_by_code(form.cleaned_data["code"])
            if workshop is None:
                form.add_error(
                    "code",
                    "There is no open workshop with this code. Check it with the facilitator.",
                )
            else:
                request.session[JOINED] = sorted({*request.session.get(JOINED, []), workshop.pk})
                request.session.setdefault(GUEST, workshops.guest_secret())
                return redirect("workshop_guest:board", code=workshop.code)
    return render(request, "participation/guest/join.html", {"form": form})


def _joined(view):
    """The board of an open workshop this browser joined; anything else goes to the join page
    (which says nothing about whether the code exists)."""

    @wraps(view)
    def wrapped(request: HttpRequest, code: str):
        workshop = workshops.workshop_by_code(code)
        if workshop is None or workshop.pk not in request.session.get(JOINED, []):
            return redirect(reverse("workshop_guest:join"))
        with scope(partnership=workshop.partnership):
            return view(request, workshop)

    return wrapped


def _add_note(request: HttpRequest, workshop, form) -> HttpResponse | None:
    """Put a guest's note on the board; None leaves the form with its errors on the page."""
    if not allow(request, "workshop-note", limit=NOTE_LIMIT[0], seconds=NOTE_LIMIT[1]):
        return _too_many(request)
    if not form.is_valid():
        return None
    try:
        workshops.note_add(workshop=workshop, **form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, "Thank you. Your note is on the board.")
    return redirect(request.path)


def _support(request: HttpRequest, workshop, guest: str) -> HttpResponse:
    if not allow(request, "workshop-support", limit=SUPPORT_LIMIT[0], seconds=SUPPORT_LIMIT[1]):
        return _too_many(request)
    try:
        added = bool(guest) and workshops.note_support(
            workshop=workshop, note_id=request.POST.get("note", ""), guest=guest
        )
    except ValidationError:
        added = False
    if added:
        messages.success(request, "You support this note.")
    return redirect(request.path + "#notes")


@_joined
def board(request: HttpRequest, workshop) -> HttpResponse:
    if "count" in request.GET:
        return JsonResponse({"notes": selectors.notes_shown(workshop)})
    form = NoteForm(request.POST if request.POST.get("form") == "note" else None)
    form.helper.form_tag = False  # the page's form says which form it is
    guest = request.session.get(GUEST) or ""
    action = request.POST.get("form") if request.method == "POST" else None
    if action == "note":
        response = _add_note(request, workshop, form)
        if response is not None:
            return response
    elif action == "support":
        return _support(request, workshop, guest)
    columns = selectors.board(workshop, facilitator=False)
    notes = [note for column in columns for note in column.notes]
    supported = workshops.notes_supported(workshop=workshop, guest=guest, notes=notes)
    return render(
        request,
        "participation/guest/board.html",
        {
            "workshop": workshop,
            "columns": columns,
            "form": form,
            "supported": set(supported),
            "notes_shown": len(notes),
        },
    )

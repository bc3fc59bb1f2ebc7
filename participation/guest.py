"""Workshop guests: join with the code, then add notes and support others' notes. No account.

The session remembers only which workshops this browser joined. Which notes this browser
supported is kept in a signed cookie on the guest's own device, so nothing on the server ties
a guest to a note, a support or an address (the rate limit counts in a cache under a keyed
hash of the address, as for survey respondents)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_scopes import scope

from trust.ratelimit import allow

from . import selectors, workshops
from .forms import JoinForm, NoteForm

JOINED = "workshops_joined"
SUPPORTS_COOKIE = "macs_supports"
SUPPORTS_SALT = "participation.supports"
SUPPORTS_KEPT = 300  # the cookie holds this many recent supports (about 3 KB)
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


def _supported(request: HttpRequest) -> list[str]:
    try:
        value = request.get_signed_cookie(SUPPORTS_COOKIE, default="", salt=SUPPORTS_SALT)
    except signing.BadSignature:
        return []
    return [part for part in value.split(",") if part]


def _short(note_id) -> str:
    return str(note_id).replace("-", "").lower()[:12]


@_joined
def board(request: HttpRequest, workshop) -> HttpResponse:
    form = NoteForm(request.POST if request.POST.get("form") == "note" else None)
    form.helper.form_tag = False  # the page's form says which form it is
    supported = _supported(request)
    response = None
    if request.method == "POST":
        action = request.POST.get("form")
        if action == "note":
            if not allow(request, "workshop-note", limit=NOTE_LIMIT[0], seconds=NOTE_LIMIT[1]):
                return _too_many(request)
            if form.is_valid():
                try:
                    workshops.note_add(workshop=workshop, **form.cleaned_data)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, "Thank you. Your note is on the board.")
                    return redirect(request.path)
        elif action == "support":
            if not allow(
                request, "workshop-support", limit=SUPPORT_LIMIT[0], seconds=SUPPORT_LIMIT[1]
            ):
                return _too_many(request)
            note_id = request.POST.get("note", "")
            short = _short(note_id)
            try:
                added = short not in supported and workshops.note_support(
                    workshop=workshop, note_id=note_id
                )
            except ValidationError:
                added = False
            response = redirect(request.path + "#notes")
            if added:
                supported = [*supported, short][-SUPPORTS_KEPT:]
                response.set_signed_cookie(
                    SUPPORTS_COOKIE, ",".join(supported), salt=SUPPORTS_SALT,
                    max_age=7 * 24 * 3600, secure=request.is_secure(), httponly=True, samesite="Lax",
                )  # fmt: skip
                messages.success(request, "You support this note.")
            return response
    columns = selectors.board(workshop, facilitator=False)
    return render(
        request,
        "participation/guest/board.html",
        {"workshop": workshop, "columns": columns, "form": form, "supported": set(supported)},
    )

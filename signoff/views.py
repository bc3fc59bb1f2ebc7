"""The joint sign-off page for any target (a review, a priority, the yearly report): the
business manager asks, each partner body signs through its lead or a delegate, the business
manager may reopen with a reason. The target's app supplies what each action does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ui.pages import apply_errors

from . import services
from .forms import ReopenForm, RequestForm, SignForm
from .models import Snapshot


@dataclass(frozen=True)
class SignOffActions:
    """What asking does for one kind of target (its message, its link, what must be done
    first). Signing, declining and reopening are the same for every kind (signoff.services)."""

    request: Callable[..., object]  # (actor, due_by) -> round; may raise ValidationError


def sign_off_page(
    request: HttpRequest,
    *,
    target,
    actions: SignOffActions,
    what: str,
    back_url: str,
    confirm: str,
) -> HttpResponse:
    """Render and handle the sign-off page for `target`. `what` names it in sentences ("the
    review"); `confirm` is what a signer confirms."""
    round_ = services.current_round(target)
    signable = services.bodies_signable_by(request.membership)
    status = services.signoff_status(round_, request.partnership)
    unsigned = [body for body, signature in status if signature is None and body.pk in signable]
    action = request.POST.get("action") if request.method == "POST" else None
    sign_form = SignForm(request.POST if action == "sign" else None, bodies=unsigned)
    reopen_form = ReopenForm(request.POST if action == "reopen" else None)
    request_form = RequestForm(request.POST if action == "request" else None)
    request_error = None
    try:
        if action == "request" and request.can("signoff.ask") and request_form.is_valid():
            actions.request(actor=request.user, due_by=request_form.cleaned_data["due_by"])
            messages.success(request, "Sign-off has been requested from every partner body.")
            return redirect(request.path)
        if action == "sign" and sign_form.is_valid():
            body = sign_form.bodies[sign_form.cleaned_data["partner_body"]]
            decision, note = sign_form.cleaned_data["decision"], sign_form.cleaned_data["note"]
            if decision == SignForm.DECLINE:
                services.signoff_decline_current(
                    target=target,
                    partner_body=body,
                    membership=request.membership,
                    reason=note,
                    actor=request.user,
                )
                messages.success(
                    request,
                    f"You have declined to sign for {body}. The business manager has been told.",
                )
                return redirect(request.path)
            done = services.signoff_sign_current(
                target=target,
                partner_body=body,
                membership=request.membership,
                actor=request.user,
                comment=note if decision == SignForm.SIGN else "",
                reservation=note if decision == SignForm.RESERVATION else "",
            )
            messages.success(
                request,
                f"Every partner body has signed: {what} is signed off and locked."
                if done
                else f"You have signed for {body}.",
            )
            return redirect(request.path)
        if action == "reopen" and request.can("signoff.reopen") and reopen_form.is_valid():
            services.signoff_reopen_current(
                target=target, reason=reopen_form.cleaned_data["reason"], actor=request.user
            )
            messages.success(request, f"{what[0].upper()}{what[1:]} has been reopened.")
            return redirect(request.path)
    except ValidationError as error:
        if action == "request":
            request_error = " ".join(error.messages)
        else:
            apply_errors(sign_form if action == "sign" else reopen_form, error)
    if action == "request" and request_form.errors:
        request_error = " ".join(e for errors in request_form.errors.values() for e in errors)
    version = _version(round_, request.user)
    return render(
        request,
        "signoff/sign_off.html",
        {
            "target": target,
            "what": what,
            "confirm": confirm,
            "back_url": back_url,
            "round": round_,
            "status": status,
            "sign_form": sign_form if unsigned and round_ and round_.is_open else None,
            "reopen_form": reopen_form if round_ and request.can("signoff.reopen") else None,
            "can_request": round_ is None and request.can("signoff.ask"),
            "request_form": request_form,
            "rounds": services.rounds_of(target),
            "request_error": request_error,
            **version,
        },
    )


def _version(round_, actor) -> dict:
    """What the signer reads: the summary of the fixed version this round asks them to sign."""
    if round_ is None or round_.snapshot_id is None:
        return {"snapshot": None}
    snapshot = round_.snapshot
    try:
        content = services.snapshot_content(snapshot, actor=actor)
    except services.SnapshotBroken as broken:
        return {"snapshot": snapshot, "broken": " ".join(broken.messages)}
    summary = services.kind_of(snapshot.target).summary(content)
    try:
        earlier, changes = services.changes_since_signed(round_, actor=actor)
    except services.SnapshotBroken as broken:
        return {"snapshot": snapshot, "broken": " ".join(broken.messages)}
    return {"snapshot": snapshot, "summary": summary, "earlier": earlier, "changes": changes}


def _refused(request: HttpRequest, broken) -> HttpResponse:
    return render(
        request, "signoff/version_refused.html", {"reason": " ".join(broken.messages)}, status=500
    )


def version(request: HttpRequest, partnership: str, snapshot_id: int) -> HttpResponse:
    """A signed (or to-be-signed) version in full, as a page to read or print."""
    snapshot = get_object_or_404(Snapshot, pk=snapshot_id)
    try:
        content = services.snapshot_content(snapshot, actor=request.user)
    except services.SnapshotBroken as broken:
        return _refused(request, broken)
    kind = services.kind_of(snapshot.target)
    extra = kind.context(content) if kind.context else {}
    return render(
        request,
        kind.template,
        {"snapshot": snapshot, "content": content, "summary": kind.summary(content), **extra},
    )


def version_download(request: HttpRequest, partnership: str, snapshot_id: int) -> HttpResponse:
    """The version exactly as stored: its SHA-256 is the hash each signature records."""
    snapshot = get_object_or_404(Snapshot, pk=snapshot_id)
    try:
        services.snapshot_content(snapshot, actor=request.user)
    except services.SnapshotBroken as broken:
        return _refused(request, broken)
    response = HttpResponse(snapshot.body.encode("utf-8"), content_type="application/json")
    response["Content-Disposition"] = (
        f'attachment; filename="signed-version-{snapshot.sha256[:12]}.json"'
    )
    response["X-Content-SHA256"] = snapshot.sha256
    return response

"""Asking for, giving and withdrawing joint sign-off, and the fixed versions they cover. Each
is one audited action. Every kind of signable record uses these and nothing else:

* asking freezes a `Snapshot` of exactly what is being signed (the kind's `freeze`, registered
  given by the owning app's "signable_kinds" hook) and locks the record;
* each signature records the SHA-256 of the snapshot it signed;
* the hash is checked whenever a snapshot is read (`snapshot_content`): a mismatch is refused
  and logged;
* reopening, with a reason, unlocks the record.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event, record
from notifications.services import notifications_clear, notify
from partnerships.models import Membership, PartnerBody
from partnerships.selectors import bodies_signable_by, business_managers, signers, signers_for
from trust import hooks

from .locking import state_now
from .models import Signable, Signature, SignOff, SignoffState, Snapshot, canonical_json, sha256_of

logger = logging.getLogger("macs.signoff")


@dataclass(frozen=True)
class SignableKind:
    """How one kind of record is frozen for signing, and summarised for a signer."""

    model: type[Signable]
    freeze: Callable[[Signable], dict]  # JSON-ready content of exactly what is signed
    summary: Callable[[dict], list[str]]  # plain-English lines from the content
    template: str  # the full signed version as a page, given `content`
    context: Callable[[dict], dict] | None = None  # more for that page, worked out from content
    changes: Callable[[dict, dict], list[str]] | None = None  # (old, new) -> plain-English lines
    # Called after every change of state, for the owning app's own status fields.
    on_state: Callable[[Signable, str], None] | None = None

    @classmethod
    def from_module(cls, model: type[Signable], signing, *, on_state=None) -> SignableKind:
        """The usual kind: the app's `signing` module gives freeze, summary and changes (and
        page_context, if it has one), and the page is `<app>/signed_version.html`."""
        return cls(
            model=model,
            freeze=signing.freeze,
            summary=signing.summary,
            template=f"{model._meta.app_label}/signed_version.html",
            context=getattr(signing, "page_context", None),
            changes=getattr(signing, "changes", None),
            on_state=on_state,
        )


@functools.cache
def _kinds() -> dict[str, SignableKind]:
    """Every signable kind, by model label, from the apps' "signable_kinds" hooks."""
    kinds = [hook() for hook in hooks.get_hooks("signable_kinds")]
    return {kind.model._meta.label: kind for kind in kinds}


def status_follows(field: str, values: dict[str, object]) -> Callable[[Signable, str], None]:
    """An `on_state` hook that keeps the record's own `field` (its status, "agreed", ...) in
    step with its sign-off state: `values` maps "draft", "awaiting" and "signed" to values."""

    def hook(target, state: str) -> None:
        type(target)._base_manager.filter(pk=target.pk).update(**{field: values[state]})
        setattr(target, field, values[state])

    return hook


def kind_of(target) -> SignableKind:
    try:
        return _kinds()[type(target)._meta.label]
    except KeyError:
        raise LookupError(f"{type(target).__name__} is not registered as signable.") from None


class SnapshotBroken(ValidationError):
    """A stored snapshot no longer matches its SHA-256 (shown beside the form like any
    refusal when someone tries to sign it)."""


def snapshot_take(*, target, partnership, reconstructed: bool = False) -> Snapshot:
    body = canonical_json(kind_of(target).freeze(target))
    return Snapshot.objects.create(
        partnership=partnership,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        body=body,
        sha256=sha256_of(body),
        reconstructed=reconstructed,
    )


def snapshot_content(snapshot: Snapshot, *, actor=None) -> dict:
    """The snapshot's content, after checking its hash. A mismatch is refused and logged."""
    if not snapshot.intact:
        logger.error("Snapshot %s of %s failed its SHA-256 check", snapshot.pk, snapshot.target)
        if actor is not None and getattr(actor, "is_authenticated", False):
            record(
                Event.VERSION_REFUSED,
                actor=actor,
                partnership=snapshot.partnership,
                subject=snapshot.target,
                detail={"snapshot": snapshot.pk, "recorded sha256": snapshot.sha256},
            )
        raise SnapshotBroken(
            "This signed version failed its integrity check, so it is not shown. "
            "The problem has been logged."
        )
    return json.loads(snapshot.body)


def _set_state(target, state: str) -> None:
    type(target)._base_manager.filter(pk=target.pk).update(signoff_state=state)
    target.signoff_state = state
    hook = kind_of(target).on_state
    if hook is not None:
        hook(target, state)


# How long partners have to sign unless the business manager says otherwise.
DEFAULT_DAYS_TO_SIGN = 14
# The reminder goes this many days before the round's "sign by" date.
REMIND_DAYS_BEFORE = 3


def _key(round_: SignOff) -> str:
    return f"signoff-{round_.pk}"


def _clear(round_: SignOff, users=None) -> None:
    for key in (_key(round_), f"{_key(round_)}-due"):
        notifications_clear(partnership=round_.partnership, key=key, users=users)


def current_round(target) -> SignOff | None:
    """The latest round for `target` that has not been reopened, if any."""
    return (
        SignOff.objects.filter(
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
            reopened_at__isnull=True,
        )
        .order_by("-requested_at", "-pk")
        .first()
    )


@transaction.atomic
def signoff_request(*, partnership, target, actor, due_by=None, page: str = "") -> SignOff:
    """Open a round of sign-off for `target` (or return the open one)."""
    existing = current_round(target)
    if existing is not None:
        if existing.locked_at:
            raise ValidationError("This has already been signed off. Reopen it first.")
        return existing
    if not PartnerBody.objects.filter(partnership=partnership).exists():
        raise ValidationError("Add the partnership's partner bodies before asking for sign-off.")
    # Lock first (holding the record's row), then freeze: no write can slip in between.
    state_now(target)
    _set_state(target, SignoffState.AWAITING)
    return SignOff.objects.create(
        partnership=partnership,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        requested_by=actor,
        snapshot=snapshot_take(target=target, partnership=partnership),
        due_by=due_by or timezone.localdate() + timedelta(days=DEFAULT_DAYS_TO_SIGN),
        page=page,
    )


@transaction.atomic
def signoff_sign(
    *,
    signoff: SignOff,
    partner_body: PartnerBody,
    membership: Membership,
    actor,
    comment: str = "",
    reservation: str = "",
) -> bool:
    """Sign for one partner body. Returns True when this signature completed the round."""
    signoff = SignOff.objects.select_for_update().get(pk=signoff.pk)
    if not signoff.is_open:
        raise ValidationError("Sign-off is not open: it has been completed or reopened.")
    signable = bodies_signable_by(membership)
    if partner_body.pk not in signable or partner_body.partnership_id != signoff.partnership_id:
        raise ValidationError(f"You cannot sign for {partner_body}.")
    if signoff.signatures.filter(partner_body=partner_body).exists():
        raise ValidationError(f"{partner_body} has already signed.")
    sha256 = ""
    if signoff.snapshot_id:
        snapshot_content(signoff.snapshot, actor=actor)  # refuses a version that fails its check
        sha256 = signoff.snapshot.sha256
    Signature.objects.create(
        signoff=signoff,
        partner_body=partner_body,
        signed_by=actor,
        on_behalf_of=signable[partner_body.pk],
        snapshot_sha256=sha256,
        comment=comment.strip(),
        reservation=reservation.strip(),
    )
    # This body has signed: nobody who signs for it needs the request on their home page.
    _clear(signoff, users=signers_for(signoff.partnership, partner_body))
    record(
        Event.SIGN_OFF,
        actor=actor,
        partnership=signoff.partnership,
        subject=signoff.target,
        detail={
            "partner body": partner_body.name,
            **({"reservation": reservation.strip()} if reservation.strip() else {}),
        },
    )
    needed = set(
        PartnerBody.objects.filter(partnership=signoff.partnership).values_list("pk", flat=True)
    )
    signed = set(signoff.signatures.values_list("partner_body_id", flat=True))
    if needed <= signed:
        signoff.locked_at = timezone.now()
        signoff.save(update_fields=["locked_at"])
        _set_state(signoff.target, SignoffState.SIGNED)
        _clear(signoff)
        return True
    return False


@transaction.atomic
def signoff_reopen(*, signoff: SignOff, reason: str, actor) -> None:
    """Withdraw sign-off (complete or not) with a reason; the target can be edited again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why it is being reopened."})
    signoff.reopened_at = timezone.now()
    signoff.reopened_by = actor
    signoff.reopen_reason = reason
    signoff.save(update_fields=["reopened_at", "reopened_by", "reopen_reason"])
    _set_state(signoff.target, SignoffState.DRAFT)
    _clear(signoff)
    record(
        Event.REOPEN,
        actor=actor,
        partnership=signoff.partnership,
        subject=signoff.target,
        detail={"reason": reason},
    )


def signoff_status(
    signoff: SignOff | None, partnership
) -> list[tuple[PartnerBody, Signature | None]]:
    """Each partner body with its signature in this round, or None (2 queries)."""
    bodies = list(PartnerBody.objects.filter(partnership=partnership).order_by("kind", "name"))
    signatures = {}
    if signoff is not None:
        signatures = {
            s.partner_body_id: s
            for s in signoff.signatures.select_related(
                "signed_by", "on_behalf_of__membership__user"
            )
        }
    return [(body, signatures.get(body.pk)) for body in bodies]


@transaction.atomic
def signoff_ask(*, partnership, target, actor, title: str, href: str, due_by=None) -> SignOff:
    """Open a round and tell every signer (once per round; a record sent again after changes
    says so)."""
    again = SignOff.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).exists()
    round_ = signoff_request(
        partnership=partnership, target=target, actor=actor, due_by=due_by, page=href
    )
    notify(
        partnership=partnership,
        users=signers(partnership),
        title=(f"{title} (sent again after changes)" if again else title)
        + f": sign by {round_.due_by:%-d %B %Y}",
        href=href,
        key=_key(round_),
    )
    return round_


@transaction.atomic
def signoff_decline(
    *, signoff: SignOff, partner_body: PartnerBody, membership: Membership, reason: str, actor
) -> None:
    """Decline to sign for a partner body, with a reason: the round closes, the record goes
    back to the business manager (who is told), and signatures already given in the round stay
    in the trail but count for nothing in the next."""
    signoff = SignOff.objects.select_for_update().get(pk=signoff.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"note": "Enter why you are declining to sign."})
    if not signoff.is_open:
        raise ValidationError("Sign-off is not open: it has been completed or reopened.")
    if partner_body.pk not in bodies_signable_by(membership):
        raise ValidationError(f"You cannot sign for {partner_body}.")
    signoff.reopened_at = timezone.now()
    signoff.reopened_by = actor
    signoff.reopen_reason = reason
    signoff.declined = True
    signoff.declined_for = partner_body
    signoff.save(
        update_fields=["reopened_at", "reopened_by", "reopen_reason", "declined", "declined_for"]
    )
    target = signoff.target
    _set_state(target, SignoffState.DRAFT)
    _clear(signoff)
    record(
        Event.DECLINE,
        actor=actor,
        partnership=signoff.partnership,
        subject=target,
        detail={"partner body": partner_body.name, "reason": reason},
    )
    notify(
        partnership=signoff.partnership,
        users=business_managers(signoff.partnership),
        title=f"{partner_body} declined to sign {target}: {reason}"[:200],
        href=signoff.page or "/",
        key=f"{_key(signoff)}-declined",
    )


@transaction.atomic
def signoff_decline_current(*, target, partner_body, membership, reason: str, actor) -> None:
    round_ = current_round(target)
    if round_ is None:
        raise ValidationError("The business manager has not asked for sign-off yet.")
    signoff_decline(
        signoff=round_,
        partner_body=partner_body,
        membership=membership,
        reason=reason,
        actor=actor,
    )


def signoff_due_reminders() -> int:
    """Daily: remind everyone who has yet to sign, a few days before a round's date."""
    from django_scopes import scopes_disabled

    told = 0
    today = timezone.localdate()
    with scopes_disabled():
        rounds = SignOff.objects.filter(
            reopened_at=None,
            locked_at=None,
            due_by__isnull=False,
            due_by__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
        ).select_related("partnership")
        for round_ in rounds:
            signed = set(round_.signatures.values_list("partner_body_id", flat=True))
            for body in PartnerBody.objects.filter(partnership=round_.partnership).exclude(
                pk__in=signed
            ):
                told += notify(
                    partnership=round_.partnership,
                    users=signers_for(round_.partnership, body),
                    title=f"Reminder: {round_.target} needs signing for {body} by "
                    f"{round_.due_by:%-d %B %Y}",
                    href=round_.page or "/",
                    key=f"{_key(round_)}-due",
                )
    return told


@transaction.atomic
def signoff_sign_current(
    *, target, partner_body, membership, actor, comment: str = "", reservation: str = ""
) -> bool:
    """Sign the target's open round; True when this signature completed it."""
    round_ = current_round(target)
    if round_ is None:
        raise ValidationError("The business manager has not asked for sign-off yet.")
    return signoff_sign(
        signoff=round_,
        partner_body=partner_body,
        membership=membership,
        actor=actor,
        comment=comment,
        reservation=reservation,
    )


@transaction.atomic
def signoff_reopen_current(*, target, reason: str, actor) -> None:
    round_ = current_round(target)
    if round_ is None:
        raise ValidationError("It is not awaiting or past sign-off.")
    signoff_reopen(signoff=round_, reason=reason, actor=actor)


def changes_since_signed(round_: SignOff, *, actor=None) -> tuple[SignOff | None, list[str]]:
    """What changed between the last version someone signed (in an earlier round, since
    reopened) and the one this round asks them to sign, in plain words."""
    if round_.snapshot_id is None:
        return None, []
    earlier = (
        SignOff.objects.filter(
            content_type_id=round_.content_type_id,
            object_id=round_.object_id,
            snapshot__isnull=False,
            signatures__isnull=False,
            requested_at__lte=round_.requested_at,
        )
        .exclude(pk=round_.pk)
        .select_related("snapshot", "reopened_by")
        .order_by("-requested_at", "-pk")
        .first()
    )
    kind = kind_of(round_.target)
    if earlier is None or kind.changes is None:
        return None, []
    old = snapshot_content(earlier.snapshot, actor=actor)
    new = snapshot_content(round_.snapshot, actor=actor)
    return earlier, kind.changes(old, new) or ["Nothing changed in what is signed."]


def rounds_of(target) -> list[SignOff]:
    """Every round for the record, newest first, with who reopened or declined it and why."""
    return list(
        SignOff.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )
        .select_related("reopened_by", "requested_by", "declined_for", "snapshot")
        .order_by("-requested_at", "-pk")
    )

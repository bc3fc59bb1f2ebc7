"""Asking for, giving and withdrawing joint sign-off. Each is one audited action."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event, record
from notifications.services import notify
from partnerships.models import Membership, PartnerBody
from partnerships.roles import LEAD_ROLES, Role

from .models import Signature, SignOff


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


def bodies_signable_by(membership: Membership) -> dict[int, object]:
    """Partner bodies this member may sign for: {partner body id: the lead role signed for}.

    A lead safeguarding partner signs for their own partner body; a delegated partner signs for
    the body of the lead they act for."""
    bodies = {}
    for role in membership.roles.all():
        if role.role == Role.LEAD_PARTNER and role.partner_body_id:
            bodies[role.partner_body_id] = None
        elif role.role == Role.DELEGATED_PARTNER and role.acting_for_id:
            lead = role.acting_for
            if lead.partner_body_id:
                bodies.setdefault(lead.partner_body_id, lead)
    return bodies


@transaction.atomic
def signoff_request(*, partnership, target, actor) -> SignOff:
    """Open a round of sign-off for `target` (or return the open one)."""
    existing = current_round(target)
    if existing is not None:
        if existing.locked_at:
            raise ValidationError("This has already been signed off. Reopen it first.")
        return existing
    if not PartnerBody.objects.filter(partnership=partnership).exists():
        raise ValidationError("Add the partnership's partner bodies before asking for sign-off.")
    return SignOff.objects.create(
        partnership=partnership,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        requested_by=actor,
    )


@transaction.atomic
def signoff_sign(
    *, signoff: SignOff, partner_body: PartnerBody, membership: Membership, actor
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
    Signature.objects.create(
        signoff=signoff,
        partner_body=partner_body,
        signed_by=actor,
        on_behalf_of=signable[partner_body.pk],
    )
    record(
        Event.SIGN_OFF,
        actor=actor,
        partnership=signoff.partnership,
        subject=signoff.target,
        detail={"partner body": partner_body.name},
    )
    needed = set(
        PartnerBody.objects.filter(partnership=signoff.partnership).values_list("pk", flat=True)
    )
    signed = set(signoff.signatures.values_list("partner_body_id", flat=True))
    if needed <= signed:
        signoff.locked_at = timezone.now()
        signoff.save(update_fields=["locked_at"])
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


def signers(partnership) -> list:
    """Everyone who may sign for a partner body: lead and delegated safeguarding partners."""
    return [
        m.user
        for m in Membership.objects.filter(partnership=partnership, roles__role__in=LEAD_ROLES)
        .select_related("user")
        .distinct()
    ]


@transaction.atomic
def signoff_ask(*, partnership, target, actor, title: str, href: str) -> SignOff:
    """Open a round and tell every signer (once per round)."""
    round_ = signoff_request(partnership=partnership, target=target, actor=actor)
    notify(
        partnership=partnership,
        users=signers(partnership),
        title=title,
        href=href,
        key=f"signoff-{round_.pk}",
    )
    return round_


@transaction.atomic
def signoff_sign_current(*, target, partner_body, membership, actor) -> bool:
    """Sign the target's open round; True when this signature completed it."""
    round_ = current_round(target)
    if round_ is None:
        raise ValidationError("The business manager has not asked for sign-off yet.")
    return signoff_sign(
        signoff=round_, partner_body=partner_body, membership=membership, actor=actor
    )


@transaction.atomic
def signoff_reopen_current(*, target, reason: str, actor) -> None:
    round_ = current_round(target)
    if round_ is None:
        raise ValidationError("It is not awaiting or past sign-off.")
    signoff_reopen(signoff=round_, reason=reason, actor=actor)

"""Writes to partnerships and people. Each function is one user action: atomic and validated.

Functions take keyword arguments and the acting user (`actor`), and raise
`django.core.exceptions.ValidationError` with a plain-English message when the action would
leave the partnership in a bad state (for example with no business manager).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.two_factor import two_factor_reset
from trust.acting import acting_as
from trust.imports import ImportResult, validate_rows
from trust.signals import data_imported
from trust.softdelete import mark_deleted, mark_restored
from trust.versioning import save_values

from .imports import agency_row_cleaner
from .models import (
    Agency,
    Invitation,
    Membership,
    PartnerBody,
    Partnership,
    RoleAssignment,
    Subgroup,
)
from .roles import Role

User = get_user_model()


def hash_token(token: str) -> str:
    """The stored form of an invitation token (the token itself is only in the email)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_role_fields(
    *, partnership: Partnership, role: str, partner_body: PartnerBody | None, acting_for=None
) -> None:
    if role == Role.LEAD_PARTNER and partner_body is None:
        raise ValidationError(
            {"partner_body": "Choose the partner body this lead safeguarding partner signs for."}
        )
    if partner_body is not None and partner_body.partnership_id != partnership.pk:
        raise ValidationError({"partner_body": "Choose a partner body in this partnership."})
    if (
        role == Role.DELEGATED_PARTNER
        and acting_for is not None
        and acting_for.role != Role.LEAD_PARTNER
    ):
        raise ValidationError({"acting_for": "Choose a lead safeguarding partner."})


@transaction.atomic
def invitation_create(
    *,
    partnership: Partnership,
    email: str,
    full_name: str,
    role: str,
    partner_body: PartnerBody | None = None,
    agency: Agency | None = None,
    actor,
    base_url: str = "",
) -> tuple[Invitation, str]:
    """Invite someone by email to join `partnership` in `role`. Returns the invitation and the
    one-time token (kept only in the email)."""
    email = email.strip().lower()
    if role == Role.DELEGATED_PARTNER:
        raise ValidationError(
            {"role": "Invite them in another role first, then make them a delegated partner."}
        )
    _check_role_fields(partnership=partnership, role=role, partner_body=partner_body)
    if Membership.objects.filter(partnership=partnership, user__email__iexact=email).exists():
        raise ValidationError({"email": "This person is already a member of the partnership."})
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        partnership=partnership,
        email=email,
        full_name=full_name.strip(),
        role=role,
        partner_body=partner_body if role == Role.LEAD_PARTNER else None,
        agency=agency,
        token_hash=hash_token(token),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.MACS_INVITATION_DAYS),
    )
    link = base_url + reverse("partnerships:invitation", kwargs={"token": token})
    context = {"invitation": invitation, "link": link, "days": settings.MACS_INVITATION_DAYS}
    send_mail(
        subject=f"You are invited to {partnership.name} on MACS",
        message=render_to_string("partnerships/email/invitation.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation a token belongs to, if any (across partnerships: the token is the
    proof of access)."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        invitation = (
            Invitation.objects.select_related("partnership", "partner_body")
            .filter(token_hash=hash_token(token))
            .first()
        )
    if invitation is None or not invitation.is_open:
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user=None, password: str = "") -> Membership:
    """Accept an invitation: as the signed-in `user`, or by creating an account with
    `password`. Gives the member the invited role."""
    from django_scopes import scopes_disabled

    if not invitation.is_open:
        raise ValidationError("This invitation has expired or has already been used.")
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError("An account already uses this email address. Sign in first.")
        user = User.objects.create_user(
            email=invitation.email, password=password, full_name=invitation.full_name
        )
    elif user.email.lower() != invitation.email.lower():
        raise ValidationError(
            "This invitation was sent to a different email address from the one you signed in with."
        )
    with scopes_disabled():
        membership, _ = Membership.objects.get_or_create(
            partnership=invitation.partnership, user=user, defaults={"agency": invitation.agency}
        )
        RoleAssignment.objects.get_or_create(
            membership=membership, role=invitation.role, partner_body=invitation.partner_body
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def role_add(
    *,
    membership: Membership,
    role: str,
    partner_body: PartnerBody | None = None,
    acting_for: RoleAssignment | None = None,
    actor,
) -> RoleAssignment:
    """Give a member another role."""
    with acting_as(actor):
        partnership = membership.partnership
        if role == Role.DELEGATED_PARTNER and acting_for is None:
            raise ValidationError(
                {"acting_for": "Choose the lead safeguarding partner this person acts for."}
            )
        _check_role_fields(
            partnership=partnership, role=role, partner_body=partner_body, acting_for=acting_for
        )
        if acting_for is not None and acting_for.membership.partnership_id != partnership.pk:
            raise ValidationError({"acting_for": "Choose a lead partner in this partnership."})
        assignment, created = RoleAssignment.objects.get_or_create(
            membership=membership,
            role=role,
            partner_body=partner_body if role == Role.LEAD_PARTNER else None,
            acting_for=acting_for if role == Role.DELEGATED_PARTNER else None,
        )
        if not created:
            raise ValidationError({"role": "This person already has that role."})
        return assignment


def _business_managers_left(partnership: Partnership, excluding: Membership) -> int:
    return (
        RoleAssignment.objects.filter(
            membership__partnership=partnership, role=Role.BUSINESS_MANAGER
        )
        .exclude(membership=excluding)
        .count()
    )


@transaction.atomic
def role_remove(*, assignment: RoleAssignment, actor) -> None:
    """Take a role away from a member. The last business manager cannot be removed."""
    with acting_as(actor):
        membership = assignment.membership
        if (
            assignment.role == Role.BUSINESS_MANAGER
            and _business_managers_left(membership.partnership, membership) == 0
        ):
            raise ValidationError(
                "The partnership must keep at least one business manager. Give someone else the role first."
            )
        if membership.roles.count() == 1:
            raise ValidationError(
                "This is the person's only role. Remove them from the partnership instead."
            )
        assignment.delete()


@transaction.atomic
def membership_remove(*, membership: Membership, actor) -> None:
    """Remove a person from the partnership (their account stays for other partnerships)."""
    with acting_as(actor):
        is_manager = membership.roles.filter(role=Role.BUSINESS_MANAGER).exists()
        if is_manager and _business_managers_left(membership.partnership, membership) == 0:
            raise ValidationError(
                "The partnership must keep at least one business manager. Give someone else the role first."
            )
        membership.delete()


@transaction.atomic
def partnership_create(
    *,
    name: str,
    slug: str,
    region: str,
    coterminous: bool = True,
    merged_with_adult_board: bool = False,
    manager_email: str,
    manager_name: str,
    actor,
    base_url: str = "",
) -> tuple[Partnership, Invitation]:
    """Create a partnership and invite its first business manager (platform administrators)."""
    partnership = Partnership(
        name=name,
        slug=slug,
        region=region,
        coterminous=coterminous,
        merged_with_adult_board=merged_with_adult_board,
    )
    partnership.full_clean()
    partnership.save()
    from django_scopes import scope

    with scope(partnership=partnership):
        invitation, _ = invitation_create(
            partnership=partnership,
            email=manager_email,
            full_name=manager_name,
            role=Role.BUSINESS_MANAGER,
            actor=actor,
            base_url=base_url,
        )
    return partnership, invitation


def record_save(
    *,
    partnership: Partnership,
    model: type[models.Model],
    record: models.Model | None = None,
    values: dict,
    expected_version: int | None = None,
    actor,
):
    """Add or change a set-up record: the partnership's details, a partner body, an agency or
    a subgroup (`model`), through the version check. Raises `EditConflict` if someone saved
    first; a record of another partnership is refused."""
    with acting_as(actor):
        if record is None:
            record = model(partnership=partnership)
        elif record != partnership and record.partnership_id != partnership.pk:
            raise ValidationError("That record belongs to another partnership.")
        return save_values(record, values, expected_version=expected_version)


@transaction.atomic
def agency_delete(*, agency: Agency, actor) -> None:
    """Hide an agency; it can be restored for 30 days. People in it keep their membership."""
    mark_deleted(agency, actor=actor)


@transaction.atomic
def subgroup_delete(*, subgroup: Subgroup, actor) -> None:
    """Hide a subgroup; refused while other subgroups are accountable to it."""
    reporting = list(subgroup.reporting_subgroups.values_list("name", flat=True))
    if reporting:
        raise ValidationError(
            f"{', '.join(reporting)} {'is' if len(reporting) == 1 else 'are'} accountable to this "
            "subgroup. Change who they are accountable to first."
        )
    mark_deleted(subgroup, actor=actor)


@transaction.atomic
def record_restore(*, instance, actor) -> None:
    """Bring back a deleted agency or subgroup, unless a live one now has its name."""
    with acting_as(actor):
        model = type(instance)
        clash = model.objects.filter(partnership=instance.partnership, name__iexact=instance.name)
        if clash.exists():
            raise ValidationError(
                f"There is already {'an' if model._meta.verbose_name[0] in 'aeiou' else 'a'} "
                f"{model._meta.verbose_name} called {instance.name}. Rename one of them first."
            )
        mark_restored(instance)


@transaction.atomic
def member_two_factor_reset(*, membership: Membership, actor) -> None:
    """A business manager resets a member's lost second factor (audited)."""
    if membership.user_id == actor.pk:
        raise ValidationError(
            "You cannot reset your own two-factor sign-in. Ask another business manager or a "
            "platform administrator."
        )
    two_factor_reset(user=membership.user, actor=actor, partnership=membership.partnership)


@transaction.atomic
def agencies_import(*, partnership: Partnership, rows: list, file_name: str, actor) -> ImportResult:
    """Add agencies from spreadsheet rows: every row is valid, or nothing is saved."""
    existing = {
        n.lower()
        for n in Agency.objects.filter(partnership=partnership).values_list("name", flat=True)
    }
    result = validate_rows(rows, agency_row_cleaner(existing))
    if not result.ok:
        return result
    Agency.objects.bulk_create(
        Agency(partnership=partnership, name=name, sector=sector) for name, sector in result.rows
    )
    data_imported.send(
        sender=Agency,
        actor=actor,
        partnership=partnership,
        what="agencies",
        file_name=file_name,
        rows=len(result.rows),
    )
    return result

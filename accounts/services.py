"""Writes to a person's own account: name, email (confirmed by a link to the new address).

Password and second-factor changes are in `django.contrib.auth` and `two_factor`.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from trust.acting import acting_as

from .models import User

EMAIL_CHANGE_SALT = "macs.accounts.email-change"
EMAIL_CHANGE_MAX_AGE = 24 * 60 * 60


@transaction.atomic
def user_name_change(*, user: User, full_name: str, actor: User) -> User:
    with acting_as(actor):
        user.full_name = full_name
        user.save(update_fields=["full_name"])
        return user


def email_change_request(*, user: User, new_email: str, base_url: str, actor: User) -> None:
    """Email a link to the new address; nothing changes until it is followed."""
    with acting_as(actor):
        token = signing.dumps(
            {"user": user.pk, "email": new_email, "old": user.email}, salt=EMAIL_CHANGE_SALT
        )
        link = base_url + reverse("accounts:email_confirm", args=[token])
        body = render_to_string(
            "accounts/email/email_change.txt",
            {"user": user, "link": link, "service_name": settings.MACS_SERVICE_NAME},
        )
        send_mail("Confirm your new email address for MACS", body, None, [new_email])


@transaction.atomic
def email_change_confirm(*, user: User, token: str, actor: User) -> str:
    """Apply a confirmed change of email and tell the old address. Returns the new address."""
    with acting_as(actor):
        try:
            data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
        except signing.SignatureExpired as exc:
            raise ValidationError(
                "The link has expired. Ask for a new one from your account page."
            ) from exc
        except signing.BadSignature as exc:
            raise ValidationError(
                "The link is not valid. Ask for a new one from your account page."
            ) from exc
        if data.get("user") != user.pk or data.get("old") != user.email:
            raise ValidationError("The link is not for this account, or has already been used.")
        new_email = data["email"]
        if User.objects.filter(email=new_email).exclude(pk=user.pk).exists():
            raise ValidationError("Another account already uses this email address.")
        old_email = user.email
        user.email = new_email
        user.save(update_fields=["email"])
        send_mail(
            "Your MACS email address was changed",
            render_to_string(
                "accounts/email/email_changed.txt",
                {"user": user, "old_email": old_email, "new_email": new_email},
            ),
            None,
            [old_email],
        )
        return new_email

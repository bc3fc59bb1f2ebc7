"""Sending and dismissing notifications."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification


def notify(*, partnership, users, title: str, href: str, key: str = "", base_url: str = "") -> int:
    """Tell each person (once per key): an item on their home page and an email after commit.
    Returns how many were told."""
    told = 0
    for user in {u.pk: u for u in users if u is not None}.values():
        if (
            key
            and Notification.objects.filter(partnership=partnership, user=user, key=key).exists()
        ):
            continue
        Notification.objects.create(
            partnership=partnership, user=user, title=title, href=href, key=key
        )
        email, link = user.email, f"{base_url or settings.MACS_BASE_URL}{href}"

        def send(email=email, link=link) -> None:
            send_mail(
                f"MACS: {title}",
                f"{title}\n\n{partnership.name}\n{link}\n\nYou can see this on your MACS home page.",
                None,
                [email],
                fail_silently=True,  # a mail outage must not undo the work that caused it
            )

        transaction.on_commit(send)
        told += 1
    return told


def notifications_clear(*, partnership, key: str, users=None) -> int:
    """Clear home-page items with this key (for these people, or everyone) once they no
    longer need anyone, e.g. a sign-off request after that person's body has signed."""
    items = Notification.objects.filter(partnership=partnership, key=key, dismissed_at=None)
    if users is not None:
        items = items.filter(user__in=[u.pk for u in users])
    return items.update(dismissed_at=timezone.now())


def notification_dismiss(*, notification: Notification, actor) -> None:
    if notification.user_id != actor.pk:
        return
    notification.dismissed_at = timezone.now()
    notification.save(update_fields=["dismissed_at"])

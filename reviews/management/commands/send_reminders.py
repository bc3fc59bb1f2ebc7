"""Email reminders for reviews whose sign-off is due within 14 days (run daily, e.g. cron).
Each person is reminded once per review (the notification key)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from notifications.services import notify
from partnerships.models import Membership
from partnerships.roles import Role
from reviews.models import Review


class Command(BaseCommand):
    help = "Remind the business unit and partners of reviews due for sign-off within 14 days."

    def handle(self, *args, **options):
        today = timezone.localdate()
        told = 0
        with scopes_disabled():
            due = (
                Review.objects.filter(
                    due_date__isnull=False, due_date__lte=today + timedelta(days=14)
                )
                .exclude(status=Review.Status.SIGNED_OFF)
                .select_related("partnership")
            )
            for review in due:
                people = Membership.objects.filter(
                    partnership=review.partnership,
                    roles__role__in=[
                        Role.BUSINESS_MANAGER,
                        Role.LEAD_PARTNER,
                        Role.DELEGATED_PARTNER,
                    ],
                ).select_related("user")
                told += notify(
                    partnership=review.partnership,
                    users=[m.user for m in people],
                    title=f"{review}: sign-off due {review.due_date:%-d %B %Y}",
                    href=reverse("reviews:review", args=[review.partnership.slug, review.pk]),
                    key=f"review-due-{review.pk}",
                )
        self.stdout.write(f"{told} reminder(s) sent.")

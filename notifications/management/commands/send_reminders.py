"""Send every registered reminder (reviews due for sign-off, overdue actions, ...). Run daily,
e.g. from cron; each person is told once per thing (the notification key)."""

from django.core.management.base import BaseCommand
from django_scopes import scopes_disabled

from notifications.reminders import send_all


class Command(BaseCommand):
    help = "Send reminders: reviews due for sign-off within 14 days, overdue actions, and more."

    def handle(self, *args, **options):
        with scopes_disabled():
            told = send_all()
        self.stdout.write(f"{told} reminder(s) sent.")

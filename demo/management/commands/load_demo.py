"""Load the demo: Northshire Safeguarding Children Partnership and a second, small partnership.

Safe to run again: it changes nothing if the demo is already there. Refuses in production.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.partnerships import load_demo


class Command(BaseCommand):
    help = "Load the demo partnerships and their people (development and test only)."

    def handle(self, *args, **options):
        if getattr(settings, "MACS_ENVIRONMENT", "") == "production":
            raise CommandError("The demo is not for production.")
        created = load_demo()
        self.stdout.write("Demo loaded." if created else "Demo already loaded: nothing changed.")

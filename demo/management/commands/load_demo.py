"""Load the demo: Northshire Safeguarding Children Partnership and a second, small partnership.

Safe to run again: it changes nothing if the demo is already there. Refuses in production.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.partnerships import demo_people, load_demo


class Command(BaseCommand):
    help = "Load the demo partnerships and their people (development and test only)."

    def handle(self, *args, **options):
        if getattr(settings, "MACS_ENVIRONMENT", "") == "production":
            raise CommandError("The demo is not for production.")
        created = load_demo()
        if not created:
            self.stdout.write("Demo already loaded: nothing changed.")
            return
        people = demo_people()
        partnerships = sorted({partnership for _, _, partnership, _ in people})
        self.stdout.write(
            f"Demo loaded: {len(partnerships)} partnerships ({', '.join(partnerships)}), "
            f"{len(people)} people, with a year of reviews, plans, actions, surveys and reports."
        )

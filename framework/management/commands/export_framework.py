"""Print the whole MACS content (schema: docs/framework-json.md)."""

import json

from django.core.management.base import BaseCommand, CommandError

from framework.exporter import edition_to_dict
from framework.models import Edition


class Command(BaseCommand):
    help = "Print the MACS theory of change and framework as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--edition", help="Edition name; the current one by default.")

    def handle(self, *args, **options):
        editions = Edition.objects.all()
        edition = (
            editions.filter(name=options["edition"]).first()
            if options["edition"]
            else editions.filter(is_current=True).first()
        )
        if edition is None:
            raise CommandError("No such edition. Load it first with `manage.py load_framework`.")
        self.stdout.write(json.dumps(edition_to_dict(edition), ensure_ascii=False, indent=2))

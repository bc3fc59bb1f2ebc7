"""Load the MACS content file into the database (safe to run any number of times)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from framework.loader import DEFAULT_CONTENT, load_edition


class Command(BaseCommand):
    help = "Load (or update) the MACS theory of change and framework from its content file."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEFAULT_CONTENT)

    def handle(self, *args, **options):
        edition = load_edition(options["file"])
        self.stdout.write(f"Loaded {edition.name}: {edition.outcomes.count()} outcomes.")

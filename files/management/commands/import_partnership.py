"""Restore a partnership archive into an empty database (checksums are checked first)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from files.backup import ArchiveError, import_archive


class Command(BaseCommand):
    help = "Restore a partnership from an archive written by export_partnership."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .zip archive to restore.")

    def handle(self, *args, archive, **options):
        try:
            manifest = import_archive(Path(archive).read_bytes())
        except (ArchiveError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {manifest['partnership']} from {archive}.")

"""Write one partnership to a zip archive (JSON plus stored files, with checksums)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from files.backup import export_archive


class Command(BaseCommand):
    help = "Back up one partnership to a zip archive."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The partnership's slug, as in its web addresses.")
        parser.add_argument("archive", help="Where to write the .zip archive.")

    def handle(self, *args, slug, archive, **options):
        from partnerships.models import Partnership

        with scopes_disabled():
            partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is None:
            raise CommandError(f"There is no partnership {slug!r}.")
        content = export_archive(partnership)
        Path(archive).write_bytes(content)
        self.stdout.write(f"Wrote {archive} ({len(content):,} bytes).")

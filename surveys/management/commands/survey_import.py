"""Import a wave's responses from CSV or Excel, all or nothing (the layout is in README.md).

manage.py survey_import northshire 2024 responses.xlsx --by manager@northshire.example
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from partnerships.models import Partnership
from surveys.models import Wave
from surveys.services import responses_import
from trust.tabular import read_rows
from trust.uploads import TABLE_KINDS, sniff


class Command(BaseCommand):
    help = "Import a survey wave's responses from CSV or Excel (all rows valid, or nothing saved)."

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="The partnership's slug, e.g. northshire.")
        parser.add_argument("period", help="The wave's period, e.g. 2024.")
        parser.add_argument("file", type=Path)
        parser.add_argument("--by", required=True, help="Email of the person importing (audited).")

    def handle(self, *args, partnership: str, period: str, file: Path, by: str, **options):
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"No partnership {partnership!r}.")
        actor = get_user_model().objects.filter(email=by).first()
        if actor is None:
            raise CommandError(f"No account {by!r}.")
        if not file.is_file():
            raise CommandError(f"No file {file}.")
        with scope(partnership=found):
            wave = Wave.objects.filter(partnership=found, period=period).first()
            if wave is None:
                raise CommandError(f"{found.name} has no survey wave for {period!r}.")
            content = file.read_bytes()
            kind = sniff(content, file.name)
            if kind not in TABLE_KINDS:
                raise CommandError("The file must be CSV or Excel (.xlsx).")
            try:
                rows = read_rows(content, kind, required=())
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            result = responses_import(wave=wave, rows=rows, file_name=file.name, actor=actor)
        if not result.ok:
            for problem in result.problems:
                where = f"Row {problem.row}: " if problem.row else ""
                self.stderr.write(f"{where}{problem.message}")
            raise CommandError(f"{len(result.problems)} problems. Nothing has been imported.")
        self.stdout.write(f"{len(result.rows)} responses imported into {wave.title}.")

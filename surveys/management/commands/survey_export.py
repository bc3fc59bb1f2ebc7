"""Write one of a closed wave's published tables to CSV or Excel (hidden cells are "c").

manage.py survey_export northshire 2025 statements statements.xlsx
manage.py survey_export northshire 2025 profile table-a6.csv
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from partnerships.models import Partnership
from surveys.exporters import TABLES
from surveys.models import Wave
from trust.tabular import csv_bytes, xlsx_bytes


class Command(BaseCommand):
    help = "Export a closed survey wave's table: " + ", ".join(TABLES) + "."

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="The partnership's slug, e.g. northshire.")
        parser.add_argument("period", help="The wave's period, e.g. 2025.")
        parser.add_argument("table", choices=sorted(TABLES))
        parser.add_argument("file", type=Path, help="Ends .csv or .xlsx.")

    def handle(self, *args, partnership: str, period: str, table: str, file: Path, **options):
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"No partnership {partnership!r}.")
        if file.suffix not in (".csv", ".xlsx"):
            raise CommandError("The file name must end .csv or .xlsx.")
        with scope(partnership=found):
            wave = Wave.objects.filter(partnership=found, period=period).first()
            if wave is None:
                raise CommandError(f"{found.name} has no survey wave for {period!r}.")
            if not wave.is_closed:
                raise CommandError("Results are published only once the wave has closed.")
            headers, rows = TABLES[table](wave)
        data = (
            csv_bytes(headers, rows)
            if file.suffix == ".csv"
            else xlsx_bytes(table.title(), headers, rows)
        )
        file.write_bytes(data)
        self.stdout.write(f"{len(rows)} rows written to {file}.")

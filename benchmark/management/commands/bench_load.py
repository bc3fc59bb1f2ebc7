"""The load half of the benchmark, through gunicorn (see benchmark/load.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from benchmark.load import run


class Command(BaseCommand):
    help = "Time pages and survey submissions through gunicorn under load; append Markdown."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="bench/RESULTS.md")
        parser.add_argument("--seconds", type=float, default=15)
        parser.add_argument("--workers", type=int, default=8)

    def handle(self, *args, **options):
        section = run(seconds=options["seconds"], workers=options["workers"], log=self.stdout.write)
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text((out.read_text() if out.exists() else "") + "\n" + section)
        self.stdout.write(section)

"""Run the benchmark against a database filled by `seed_national` (see benchmark/bench.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from benchmark.bench import header, run


class Command(BaseCommand):
    help = "Time the main pages, documents and the survey import; append Markdown to a file."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="bench/RESULTS.md")
        parser.add_argument("--requests", type=int, default=100)
        parser.add_argument("--fresh", action="store_true", help="Start the file anew.")

    def handle(self, *args, **options):
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        section = run(requests=options["requests"], log=self.stdout.write)
        text = (
            (header() if options["fresh"] or not out.exists() else out.read_text()) + "\n" + section
        )
        out.write_text(text)
        self.stdout.write(section)

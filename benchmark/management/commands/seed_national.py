"""Fill the database with national-scale data for the benchmark (see benchmark/seed.py)."""

from django.core.management.base import BaseCommand

from benchmark.seed import Scale, seed_national


class Command(BaseCommand):
    help = "Create benchmark partnerships (deterministic; run again to finish an interrupted run)."

    def add_arguments(self, parser):
        defaults = Scale()
        for name in (
            "partnerships",
            "years",
            "evidence",
            "responses",
            "monitors",
            "priorities",
            "actions",
        ):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))

    def handle(self, *args, **options):
        scale = Scale(**{k: options[k] for k in Scale.__dataclass_fields__})
        seed_national(scale, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Seeded {scale.partnerships} partnerships."))

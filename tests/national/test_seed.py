"""`seed_national` at a small scale: the shape of what it writes, deterministic, resumable."""

from __future__ import annotations

import io

from django.core.management import call_command
from django_scopes import scopes_disabled

from partnerships.models import Partnership
from reviews.models import Rating
from surveys.models import Answer, Response


def test_seed_national_writes_every_kind_of_record(db):
    from framework.loader import load_edition

    load_edition()
    call_command(
        "seed_national",
        partnerships=2,
        years=2,
        evidence=20,
        responses=7,
        monitors=2,
        priorities=2,
        actions=5,
        stdout=io.StringIO(),
    )
    with scopes_disabled():
        benches = Partnership.objects.filter(slug__startswith="bench-")
        assert benches.count() == 2
        first = benches.get(slug="bench-000")
        assert Rating.objects.filter(partnership=first, level__isnull=False).count() == 2 * 67
        assert (
            Rating.evidence.through.objects.filter(rating__partnership=first).count() == 2 * 67 * 2
        )
        assert Response.objects.filter(partnership=first, submitted=True).count() == 2 * 7
        assert Answer.objects.filter(partnership=first).count() == 2 * 7 * 34
        snapshot = list(
            Answer.objects.filter(partnership=first)
            .order_by("response_id", "statement__number")
            .values_list("truth", flat=True)
        )
    # Running again adds nothing (it resumes where an interrupted run stopped).
    call_command(
        "seed_national",
        partnerships=2,
        years=2,
        evidence=20,
        responses=7,
        monitors=2,
        priorities=2,
        actions=5,
        stdout=io.StringIO(),
    )
    with scopes_disabled():
        assert Partnership.objects.filter(slug__startswith="bench-").count() == 2
        again = list(
            Answer.objects.filter(partnership=first)
            .order_by("response_id", "statement__number")
            .values_list("truth", flat=True)
        )
    assert again == snapshot


def test_bench_measures_every_page_beside_its_sql(db):
    from benchmark.bench import run
    from framework.loader import load_edition

    load_edition()
    call_command(
        "seed_national",
        partnerships=1,
        years=1,
        evidence=10,
        responses=6,
        monitors=1,
        priorities=1,
        actions=3,
        stdout=io.StringIO(),
    )
    report = run(requests=2, import_rows=20, log=lambda *_: None)
    for page in (
        "Partnership home page",
        "Review page",
        "Survey breakdown",
        "National picture",
        "Evidence search",
        "Yearly report as Word",
        "Yearly report as PDF",
        "Survey import, 20 rows",
    ):
        assert page in report, page
    assert "| met |" in report or "| missed |" in report

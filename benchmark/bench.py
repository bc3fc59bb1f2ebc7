"""The benchmark behind `make bench`: server time of the main pages through Django's test
client (p50 and p95 over many requests), each beside the raw SQL of its main aggregate in the
same run; the survey analysis cold (cache cleared) and warm; the yearly report's Word and PDF;
a 10,000-row survey import. Run after `seed_national`; writes a Markdown section."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from partnerships.models import Partnership
from reviews.models import Review
from surveys.models import Wave

from .seed import LOAD_PERIOD, bench_email

PAGE_TARGET_MS = 100
ABOVE_SQL_TARGET_MS = 25


@dataclass
class Timing:
    name: str
    p50: float
    p95: float
    n: int


def _time(
    name: str, call: Callable[[], object], n: int, *, before: Callable[[], object] | None = None
) -> Timing:
    for _ in range(3):  # warm up
        if before:
            before()
        call()
    samples = []
    for _ in range(n):
        if before:
            before()
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return Timing(name, statistics.median(samples), cuts[18], n)


def _client(email: str) -> Client:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import User

    user = User.objects.get(email=email)
    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Bench", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _get(client: Client, url: str) -> Callable[[], object]:
    def call():
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    return call


def _sql(query: str, params: list) -> Callable[[], object]:
    def call():
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    return call


def machine_speed() -> float:
    """Milliseconds for a fixed piece of pure-Python work (the median of five): the same work
    at the start and end of a run shows how much the shared machine's speed moved meanwhile."""
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run(*, requests: int = 100, import_rows: int = 10_000, log=print) -> str:
    speed_before = machine_speed()
    with scopes_disabled():
        partnership = Partnership.objects.get(slug="bench-000")
        review = Review.objects.filter(partnership=partnership).order_by("-period").first()
        wave = (
            Wave.objects.filter(partnership=partnership)
            .exclude(period=LOAD_PERIOD)
            .order_by("-period")
            .first()
        )
        period = review.period
        counts = {
            "partnerships": Partnership.objects.filter(slug__startswith="bench-").count(),
            "answer rows": _count("surveys_answer"),
            "ratings": _count("reviews_rating"),
            "evidence items": _count("evidence_evidenceitem"),
        }
    _ensure_viewer()
    manager = _client(bench_email(0))
    viewer = _client("bench-viewer@bench.example")
    slug = partnership.slug
    pages = [
        (
            "Partnership home page",
            _get(manager, reverse("partnerships:home", args=[slug])),
            "overdue actions for the home page",
            _sql(
                "SELECT COUNT(*) FROM actions_action WHERE partnership_id = %s AND status <> 'done' AND due_date < %s",
                [partnership.pk, "2025-11-01"],
            ),
        ),
        (
            "Review page",
            _get(manager, reverse("reviews:review", args=[slug, review.pk])),
            "each indicator's rating with its evidence count",
            _sql(
                "SELECT r.id, i.code, r.level, COUNT(e.evidenceitem_id) FROM reviews_rating r "
                "LEFT JOIN framework_indicator i ON i.id = r.indicator_id "
                "LEFT JOIN reviews_rating_evidence e ON e.rating_id = r.id WHERE r.review_id = %s "
                "GROUP BY r.id, i.code, r.level, i.position ORDER BY i.position",
                [review.pk],
            ),
        ),
        (
            "Survey breakdown (largest wave, by position)",
            _get(manager, reverse("surveys:breakdown", args=[slug, wave.pk]) + "?by=position"),
            "answers by position and truth",
            _sql(
                "SELECT r.position, a.truth, COUNT(*) FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id "
                "WHERE r.wave_id = %s AND r.submitted GROUP BY r.position, a.truth",
                [wave.pk],
            ),
        ),
        (
            "National picture",
            _get(viewer, reverse("national:picture") + f"?period={period}"),
            "judgements by outcome and level",
            _sql(
                "SELECT s.outcome_code, s.level, COUNT(DISTINCT s.summary_id) FROM national_sharedrating s "
                "JOIN national_sharedsummary m ON m.id = s.summary_id WHERE m.period = %s AND s.indicator_code = '' "
                "GROUP BY s.outcome_code, s.level",
                [period],
            ),
        ),
        (
            "Evidence search",
            _get(manager, reverse("evidence:register", args=[slug]) + "?text=audit"),
            "evidence matching a word",
            _sql(
                "SELECT id, title FROM evidence_evidenceitem WHERE partnership_id = %s AND deleted_at IS NULL "
                "AND (title LIKE %s OR summary LIKE %s) ORDER BY date DESC LIMIT 50",
                [partnership.pk, "%audit%", "%audit%"],
            ),
        ),
    ]
    rows = []
    for name, page, what, sql in pages:
        log(f"timing {name}")
        page_time = _time(name, page, requests)
        sql_time = _time(what, sql, requests)
        rows.append((page_time, sql_time, what))
    log("timing the survey analysis with the cache cleared")
    cold = _time(
        "Survey breakdown, cache cleared", pages[2][1], max(10, requests // 5), before=cache.clear
    )
    baseline = _pandas(wave, log)
    pandas_time = baseline[0] if baseline else None
    analysis = _analysis(wave, log)
    if baseline:
        analysis = (*analysis, _same_as_pandas(wave, baseline[1]))
    documents = _documents(partnership, review, wave, log)
    imported = _import(partnership, log, import_rows)
    speed = (speed_before, machine_speed())
    return _markdown(
        counts, rows, cold, documents, imported, requests, pandas_time, analysis, speed
    )


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (our own table names)
        return cursor.fetchone()[0]


def _ensure_viewer() -> None:
    from accounts.models import User

    User.objects.get_or_create(
        email="bench-viewer@bench.example",
        defaults={"full_name": "Bench viewer", "is_national_viewer": True},
    )


def _documents(partnership, review, wave, log) -> list[Timing]:
    from reports.assemble import assemble
    from reports.docx_renderer import render_docx
    from reports.models import YearlyReport
    from reports.pdf_renderer import render_pdf
    from ui.charts import forget_charts

    log("timing the yearly report")
    with scope(partnership=partnership):
        report, _ = YearlyReport.objects.get_or_create(
            partnership=partnership, period=review.period, defaults={"review": review, "wave": wave}
        )
        word = lambda: render_docx(assemble(report))  # noqa: E731
        pdf = lambda: render_pdf(assemble(report), partnership_name=partnership.name)  # noqa: E731
        # The targets are for the first time (every chart drawn); then as the same report is
        # assembled again (its preview, Word, PDF, sign-off), with its charts remembered.
        first = [
            _time("Yearly report as Word (assemble and render)", word, 5, before=forget_charts),
            _time("Yearly report as PDF (assemble and render)", pdf, 3, before=forget_charts),
        ]
        again = [
            _time("Yearly report as Word again (charts already drawn)", word, 5),
            _time("Yearly report as PDF again (charts already drawn)", pdf, 3),
        ]
    return first + again


def _import(partnership, log, count: int = 10_000) -> Timing:
    """10,000 responses through the same all-or-nothing import the page uses, rolled back."""
    from accounts.models import User
    from surveys.services import responses_import
    from trust.tabular import Row

    log("timing a 10,000-row survey import")
    with scope(partnership=partnership):
        wave = Wave.objects.filter(partnership=partnership).order_by("period").first()
        numbers = list(wave.statements.values_list("number", flat=True))
        survey = wave.edition.survey
    answers = survey["true_options"]
    positions = [
        o["code"] for q in survey["profile"] if q["key"] == "position" for o in q["options"]
    ]
    rows = [
        Row(
            number=n + 2,
            values={
                "position": positions[n % len(positions)],
                **{f"s{s}_true": answers[(n + s) % len(answers)] for s in numbers},
            },
        )
        for n in range(count)
    ]
    actor = User.objects.get(email=bench_email(0))

    def call():
        with scope(partnership=partnership), transaction.atomic():
            # A wave whose results were shown refuses imports; this one is timed as if nobody
            # had seen them yet, inside the transaction that is rolled back.
            Wave.objects.filter(pk=wave.pk).update(results_shown=False)
            wave.results_shown = False
            result = responses_import(wave=wave, rows=rows, file_name="bench.csv", actor=actor)
            if not result.ok:
                raise RuntimeError(result.problems[:3])
            transaction.set_rollback(True)

    start = time.perf_counter()
    call()
    seconds = (time.perf_counter() - start) * 1000
    return Timing(f"Survey import, {count:,} rows × {len(numbers)} statements", seconds, seconds, 1)


def _pandas(wave, log) -> tuple[Timing, dict] | None:
    """The baseline for the survey analysis: pandas reading the same answers from a CSV export
    and computing each statement's answers as percentages of those who answered it, as an
    analyst would; with the tables, to check that MACS publishes the same figures."""
    try:
        import pandas as pd
    except ImportError:
        return None
    import tempfile

    log("timing the pandas baseline")
    path = os.path.join(tempfile.mkdtemp(), "answers.csv")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT r.position, s.number, a.truth, a.change, a.importance FROM surveys_answer a "
            "JOIN surveys_response r ON r.id = a.response_id "
            "JOIN surveys_wavestatement s ON s.id = a.statement_id "
            "WHERE r.wave_id = %s AND r.submitted",
            [wave.pk],
        )
        columns = ["position", "statement", "truth", "change", "importance"]
        pd.DataFrame(cursor.fetchall(), columns=columns).to_csv(path, index=False)

    def analyse():
        data = pd.read_csv(path)
        # The statement tables: each question's answers per statement, as percentages.
        return {
            question: data.groupby("statement")[question].value_counts(normalize=True) * 100
            for question in ("truth", "change", "importance")
        }

    return _time("pandas: the statement tables from the CSV export", analyse, 10), analyse()


def _same_as_pandas(wave, tables: dict) -> tuple[int, int]:
    """How many of MACS's published percentages equal pandas', out of how many."""
    from surveys.results import statement_results

    same = total = 0
    with scope(partnership=wave.partnership):
        results = statement_results(wave)
    for result in results:
        for question, series in tables.items():
            for option, shown in enumerate(getattr(result, question).options, start=1):
                expected = float(series.get((result.statement.number, float(option)), 0.0))
                total += 1
                same += shown.percent is not None and abs(shown.percent - expected) < 1e-9
    return same, total


def _analysis(wave, log) -> tuple[Timing, Timing]:
    """MACS's own statement tables (surveys.results.statement_results), uncached and cached."""
    from surveys.results import statement_results

    log("timing the survey analysis itself")
    with scope(partnership=wave.partnership):
        cold = _time(
            "MACS: the statement tables, uncached",
            lambda: statement_results(wave),
            10,
            before=cache.clear,
        )
        warm = _time("MACS: the statement tables, cached", lambda: statement_results(wave), 50)
    return cold, warm


def _markdown(
    counts: dict,
    rows,
    cold: Timing,
    documents: list[Timing],
    imported: Timing,
    requests: int,
    pandas_time: Timing | None = None,
    analysis: tuple[Timing, Timing, tuple[int, int]] | None = None,
    speed: tuple[float, float] | None = None,
) -> str:
    vendor = connection.vendor
    lines = [
        f"## {vendor} ({connection.settings_dict['NAME']})",
        "",
        f"Data: {', '.join(f'{v:,} {k}' for k, v in counts.items())}. Server time through Django's test client, "
        f"{requests} requests each after 3 warm-up requests; the raw SQL of each page's main aggregate in the same run.",
        "",
        *(
            [
                f"Machine speed check: a fixed pure-Python loop took {speed[0]:.0f} ms at the start of this section "
                f"and {speed[1]:.0f} ms at its end (the same work; the difference is the shared machine).",
                "",
            ]
            if speed
            else []
        ),
        "| Page | p50 ms | p95 ms | Main aggregate (raw SQL) | SQL p50 ms | SQL p95 ms | p95 above SQL | Targets (p95 ≤ 100 ms; ≤ 25 ms above SQL) |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for page, sql, what in rows:
        above = page.p95 - sql.p95
        met = page.p95 <= PAGE_TARGET_MS and above <= ABOVE_SQL_TARGET_MS
        lines.append(
            f"| {page.name} | {page.p50:.1f} | {page.p95:.1f} | {what} | {sql.p50:.2f} | {sql.p95:.2f} | {above:.1f} | "
            f"{'met' if met else 'missed'} |"
        )
    lines += [
        "",
        f"Survey breakdown with the results cache cleared before each request ({cold.n} requests): "
        f"p50 {cold.p50:.0f} ms, p95 {cold.p95:.0f} ms (this is the cost of the analysis itself: "
        "counting in the database and working out which groups may be shown; later readers get the "
        "cached result).",
        "",
        *_analysis_lines(pandas_time, analysis),
        "",
        "| Document | p50 ms | Target |",
        "| --- | ---: | --- |",
        f"| {documents[0].name} | {documents[0].p50:.0f} | ≤ 2,000 ms: {'met' if documents[0].p50 <= 2000 else 'missed'} |",
        f"| {documents[1].name} | {documents[1].p50:.0f} | ≤ 5,000 ms: {'met' if documents[1].p50 <= 5000 else 'missed'} |",
        f"| {documents[2].name} | {documents[2].p50:.0f} | |",
        f"| {documents[3].name} | {documents[3].p50:.0f} | |",
        f"| {imported.name} | {imported.p50:.0f} | ≤ 5,000 ms: {'met' if imported.p50 <= 5000 else 'missed'} |",
        "",
    ]
    return "\n".join(lines)


def _analysis_lines(
    pandas_time: Timing | None, analysis: tuple[Timing, Timing, tuple[int, int]] | None
) -> list[str]:
    if pandas_time is None or analysis is None:
        return ["Baseline with pandas: not run (pandas is not installed)."]
    cold, warm, (same, total) = analysis
    return [
        f"Same percentages as pandas: {same:,} of {total:,} "
        f"({'identical' if same == total else 'DIFFERENT'}).",
        "",
        "| Survey statement tables (largest wave) | p50 ms | p95 ms | Faster than pandas? |",
        "| --- | ---: | ---: | --- |",
        f"| {pandas_time.name} (baseline) | {pandas_time.p50:.1f} | {pandas_time.p95:.1f} | |",
        f"| {warm.name} | {warm.p50:.1f} | {warm.p95:.1f} | {'yes' if warm.p50 < pandas_time.p50 else 'no'} |",
        f"| {cold.name} | {cold.p50:.1f} | {cold.p95:.1f} | "
        f"{'yes' if cold.p50 < pandas_time.p50 else 'no'} |",
    ]


def header() -> str:
    import django

    cpus = os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            memory = f", {int(info.readline().split()[1]) // 1024 // 1024} GB memory"
    except OSError:
        pass
    return (
        "# Benchmark results\n\n"
        f"Machine: {platform.platform()}, {cpus} CPUs{memory}; Python {platform.python_version()}, "
        f"Django {django.get_version()}. Date: {time.strftime('%Y-%m-%d %H:%M %Z')}.\n\n"
        "Written by `make bench` (`manage.py seed_national`, then `manage.py bench`). Timings on a shared "
        "machine are noisy; each page's figure stands beside its raw SQL measured in the same run.\n"
    )

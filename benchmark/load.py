"""The load half of the benchmark: the main pages through gunicorn (2 workers) under
concurrent requests, and a burst of survey page submissions (each one page of statements
answered and saved). Run by `manage.py bench_load` after `seed_national`; appends Markdown."""

from __future__ import annotations

import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from datetime import timedelta
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from partnerships.models import Partnership
from reviews.models import Review
from surveys.models import Wave

from .bench import _client, _ensure_viewer
from .seed import LOAD_PERIOD, bench_email

HOST, PORT = "127.0.0.1", int(os.environ.get("MACS_BENCH_PORT", "8765"))


class Browser:
    """One simulated visitor: a keep-alive connection and its cookies."""

    def __init__(self, cookies: dict[str, str] | None = None):
        self.connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
            return 0, ""
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        return response.status, text


def _server() -> subprocess.Popen:
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    process = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [
            gunicorn,
            "macs.wsgi:application",
            "-w",
            "2",
            "-b",
            f"{HOST}:{PORT}",
            "--log-level",
            "warning",
        ],
        env=os.environ.copy(),
    )
    for _ in range(100):
        try:
            http.client.HTTPConnection(HOST, PORT, timeout=1).request("GET", "/help/")
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def _run(workers: int, seconds: float, job) -> tuple[list[float], int, int]:
    """Run `job(browser_index)` in `workers` threads for `seconds`; each call returns ok."""
    latencies: list[float] = []
    counts = {"ok": 0, "errors": 0}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def loop(index: int):
        state = job.setup(index)
        while time.perf_counter() < stop:
            start = time.perf_counter()
            ok = job.call(state)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                counts["ok" if ok else "errors"] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, counts["ok"], counts["errors"]


class PageJob:
    def __init__(self, path: str, cookie: dict):
        self.path, self.cookie = path, cookie

    def setup(self, _index: int) -> Browser:
        return Browser(self.cookie)

    def call(self, browser: Browser) -> bool:
        status, _ = browser.request("GET", self.path)
        return status == 200


class SurveyJob:
    """Each visitor starts a response, then keeps answering and saving the first page."""

    def __init__(self, wave: Wave, fields: list[str]):
        self.token, self.fields = wave.link_token, fields

    def setup(self, index: int) -> dict:
        browser = Browser()
        start = f"/s/{self.token}/"
        _, text = browser.request("GET", start)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        csrf = token.group(1) if token else ""
        browser.request("POST", start, {"csrfmiddlewaretoken": csrf})
        return {"browser": browser, "csrf": csrf, "n": index}

    def call(self, state: dict) -> bool:
        state["n"] += 1
        form = {"csrfmiddlewaretoken": state["csrf"]}
        for position, field in enumerate(self.fields):
            form[field] = str(1 + (state["n"] + position) % 5)
        status, _ = state["browser"].request("POST", f"/s/{self.token}/page/1/", form)
        return status == 302  # saved, and sent on to the next page


def _p(values: list[float], q: int) -> float:
    return (
        statistics.quantiles(values, n=20, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def run(*, seconds: float = 15, workers: int = 8, log=print) -> str:
    """Each page under `workers` // 2 clients (both gunicorn workers kept busy) and `workers`
    clients (a queue of three behind each worker), then `workers` * 2 survey respondents."""
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
    open_wave = _open_wave(partnership)
    with scope(partnership=partnership):
        first = open_wave.statements.filter(included=True).order_by("category__number", "number")
        category = first.first().category_id
        fields = [
            f"s{pk}_truth" for pk in first.filter(category_id=category).values_list("pk", flat=True)
        ]
    _ensure_viewer()
    manager = {
        settings.SESSION_COOKIE_NAME: _client(bench_email(0))
        .cookies[settings.SESSION_COOKIE_NAME]
        .value
    }
    viewer = {
        settings.SESSION_COOKIE_NAME: _client("bench-viewer@bench.example")
        .cookies[settings.SESSION_COOKIE_NAME]
        .value
    }
    slug = partnership.slug
    pages = [
        ("Partnership home page", reverse("partnerships:home", args=[slug]), manager),
        ("Review page", reverse("reviews:review", args=[slug, review.pk]), manager),
        (
            "Survey breakdown",
            reverse("surveys:breakdown", args=[slug, wave.pk]) + "?by=position",
            manager,
        ),
        ("National picture", reverse("national:picture") + f"?period={period}", viewer),
        ("Evidence search", reverse("evidence:register", args=[slug]) + "?text=audit", manager),
    ]
    server = _server()
    try:
        for _name, path, cookie in pages:  # warm both workers up (imports, template cache)
            browser = Browser(cookie)
            for _ in range(6):
                browser.request("GET", path)
        rows = []
        for name, path, cookie in pages:
            row = [name]
            for clients in (max(1, workers // 2), workers):
                log(f"loading {name} ({clients} clients)")
                latencies, ok, errors = _run(clients, seconds, PageJob(path, cookie))
                row.append((_p(latencies, 10), _p(latencies, 19), ok / seconds, errors))
            rows.append(row)
        log("loading survey page submissions")
        latencies, ok, errors = _run(workers * 2, seconds, SurveyJob(open_wave, fields))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return _markdown(rows, latencies, ok, errors, seconds, workers)


def _open_wave(partnership) -> Wave:
    from accounts.models import User
    from framework.selectors import current_edition
    from surveys.services import wave_create

    with scope(partnership=partnership):
        wave = Wave.objects.filter(partnership=partnership, period=LOAD_PERIOD).first()
        if wave is None:
            today = timezone.localdate()
            wave = wave_create(
                partnership=partnership,
                edition=current_edition(),
                title="Load test wave",
                period=LOAD_PERIOD,
                opens_on=today - timedelta(days=1),
                closes_on=today + timedelta(days=30),
                mode=Wave.Mode.LINK,
                actor=User.objects.get(email=bench_email(0)),
            )
    return wave


def _markdown(rows, latencies, ok, errors, seconds, workers) -> str:
    from django.db import connection

    few = max(1, workers // 2)
    lines = [
        f"### Through gunicorn (2 workers), {connection.vendor}",
        "",
        f"Each page for {seconds:.0f} s under {few} clients (both workers always busy) and then "
        f"{workers} (three requests queued behind each worker), each client sending its next "
        "request as soon as the last is answered; timed at the client, over loopback, with the "
        "clients on the same two cores. Latency under a fixed number of clients is that number "
        "divided by the requests per second, so the requests per second is the capacity.",
        "",
        f"| Page | {few} clients: p50 ms | p95 ms | Requests/s | {workers} clients: p50 ms | p95 ms "
        "| Requests/s | Errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[
            f"| {name} | {a[0]:.1f} | {a[1]:.1f} | {a[2]:.0f} | {b[0]:.1f} | {b[1]:.1f} | "
            f"{b[2]:.0f} | {a[3] + b[3]} |"
            for name, a, b in rows
        ],
        "",
        f"Survey page submissions ({workers * 2} respondents at once, each saving a page of statements "
        f"again and again for {seconds:.0f} s): **{ok / seconds:.0f} per second**, {errors} errors, "
        + (f"p50 {_p(latencies, 10):.0f} ms, p95 {_p(latencies, 19):.0f} ms. " if latencies else "")
        + "The abuse rate limit, counted per address, was multiplied by "
        f"{getattr(settings, 'MACS_RATE_LIMIT_FACTOR', 1)} for this test, because every simulated "
        "respondent comes from one address. Target on PostgreSQL: ≥ 100 per second with 0 errors.",
        "",
    ]
    return "\n".join(lines)

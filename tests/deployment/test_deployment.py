"""The documented deployment shape, run for real (`make deployment-test`, part of `make test`):
nginx with TLS in front of two gunicorn servers on production settings, one PostgreSQL, one
shared upload folder, clients on their own loopback addresses. See stack.py for the set-up."""

from __future__ import annotations

import random
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from html import unescape

import pytest
from django_otp.oath import totp

from .stack import Stack, Visitor

pytestmark = pytest.mark.deployment

SIGN_IN = "/account/sign-in/"
TWO_FACTOR = "/account/sign-in/two-factor/"
RETRYABLE = {0, 502, 503, 504}


@pytest.fixture(scope="module")
def stack(tmp_path_factory, request):
    started = time.monotonic()
    running = Stack(tmp_path_factory.mktemp("deployment"))
    try:
        running.start()
        yield running
    finally:
        failed = request.session.testsfailed
        if failed:
            print("\n" + running.logs())
        running.stop()
        running.timings["whole deployment test"] = time.monotonic() - started
        print("\nDeployment test timings:")
        for step, seconds in running.timings.items():
            print(f"  {step}: {seconds:.1f} s")
        for what, count in running.counts.items():
            print(f"  {what}: {count}")


def timed(stack: Stack, step: str):
    class Timer:
        def __enter__(self):
            self.start = time.monotonic()

        def __exit__(self, *exc):
            stack.timings[step] = time.monotonic() - self.start

    return Timer()


def password_step(visitor: Visitor, email: str, password: str) -> int:
    status, _, _ = visitor.post(SIGN_IN, {"username": email, "password": password})
    return status


def code_for(key_hex: str) -> str:
    return f"{totp(bytes.fromhex(key_hex)):06d}"


def test_sign_in_with_a_real_second_factor_served_by_either_app_server(stack):
    with timed(stack, "sign-in with a second factor"):
        lead = stack.visitor("127.0.0.2")
        people, password = stack.data["people"], stack.data["password"]
        status, headers, _ = lead.post(SIGN_IN, {"username": people["lead"], "password": password})
        assert status == 302
        assert TWO_FACTOR in headers["location"]
        status, headers, _ = lead.post(TWO_FACTOR, {"code": code_for(stack.data["keys"]["lead"])})
        assert status == 302, status
        home = f"/p/{stack.data['slug']}/"
        served = set()
        for _ in range(6):
            status, _, body = lead.get(home)
            assert status == 200
            assert b"Northshire" in body
            served.add(lead.last_served_by)
        assert served == stack.upstream_names()
        session = [c for c in headers["set-cookie"] if c.startswith("__Host-macs-session=")]
        assert session
        assert "Secure" in session[0]
        assert "HttpOnly" in session[0]


def test_account_and_address_pair_locks_but_not_the_owner_elsewhere(stack):
    with timed(stack, "lockout: account and address"):
        people, password = stack.data["people"], stack.data["password"]
        attacker = stack.visitor("127.0.0.3")
        statuses = [password_step(attacker, people["lead"], "wrong guess") for _ in range(10)]
        assert statuses == [200] * 9 + [429]
        assert password_step(attacker, people["lead"], password) == 429
        # The lead partner at their own address (where they signed in above) goes straight in,
        # and another account from the attacker's address is not locked.
        assert password_step(stack.visitor("127.0.0.2"), people["lead"], password) == 302
        assert password_step(stack.visitor("127.0.0.3"), people["manager"], password) == 302


def test_an_account_is_slowed_across_addresses_not_locked(stack):
    with timed(stack, "lockout: account across addresses"):
        people, password = stack.data["people"], stack.data["password"]
        assert password_step(stack.visitor("127.0.0.15"), people["officer"], password) == 302
        for n in range(4, 14):
            assert password_step(stack.visitor(f"127.0.0.{n}"), people["officer"], "nope") == 200
        slowed = stack.visitor("127.0.0.14")
        status, _, body = slowed.post(
            SIGN_IN, {"username": people["officer"], "password": password}
        )
        assert status == 429
        assert b"Your account is not locked" in body
        assert password_step(stack.visitor("127.0.0.15"), people["officer"], password) == 302


def test_an_address_locks_after_a_hundred_failures(stack):
    with timed(stack, "lockout: one address, many accounts"):
        people, password = stack.data["people"], stack.data["password"]

        def fail(n: int) -> int:
            return password_step(stack.visitor("127.0.0.20"), f"guess{n}@nowhere.example", "x")

        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(fail, range(100)))
        # Eight at a time: the failures that finish together at the hundredth may each see the
        # count reach 100, so one or a few of the last are refused ("about 100").
        assert statuses.count(200) + statuses.count(429) == 100
        assert 1 <= statuses.count(429) <= 8
        refused = stack.visitor("127.0.0.20")
        status, _, body = refused.post(SIGN_IN, {"username": people["chair"], "password": password})
        assert status == 429
        assert b"from this network" in body
        assert password_step(stack.visitor("127.0.0.21"), people["chair"], password) == 302


def test_rate_limits_are_shared_by_both_app_servers(stack):
    with timed(stack, "rate limit shared"):
        start = f"/s/{stack.data['wave']}/"
        statuses, served = [], set()
        for n in range(21):
            visitor = stack.visitor("127.0.0.30")  # a new browser each time, one address
            if n % 2:  # nginx takes turns: one more request puts this post on the other server
                visitor.get(SIGN_IN)
            status, _, _ = visitor.post(start, {})
            statuses.append(status)
            served.add(visitor.last_served_by)
        assert statuses == [200] * 20 + [429]
        assert served == stack.upstream_names()


class Respondent:
    """Answers the whole survey, retrying a step that got no answer from an app server (the
    page saves are idempotent). Records what it sent, to compare with what was stored."""

    def __init__(self, stack: Stack, address: str, marker: str):
        self.visitor = stack.visitor(address)
        self.token = stack.data["wave"]
        self.marker = marker
        self.sent: dict[str, str] = {}
        self.errors = 0
        self.requests = 0
        self.outcome = ""

    def _call(self, method: str, path: str, form: dict | None = None):
        for _ in range(8):
            self.requests += 1
            status, headers, body = self.visitor.request(method, path, form)
            if status not in RETRYABLE:
                return status, headers, body
            self.errors += 1
            time.sleep(0.3)
        raise AssertionError(f"{path} kept failing")

    def _page(self, path: str) -> tuple[str, dict]:
        status, _, body = self._call("GET", path)
        assert status == 200, (path, status)
        text = body.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
        radios: dict[str, list[str]] = {}
        for name, value in re.findall(r'type="radio"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', text):
            radios.setdefault(name, []).append(unescape(value))
        return token, radios

    def run(self) -> None:
        base = f"/s/{self.token}/"
        token, _ = self._page(base)
        status, _, _ = self._call("POST", base, {"csrfmiddlewaretoken": token})
        assert status == 200, status
        path = base + "page/0/"
        rng = random.Random(self.marker)
        first = True
        while path.startswith(base + "page/"):
            token, radios = self._page(path)
            form = {"csrfmiddlewaretoken": token}
            for name, values in radios.items():
                choices = [v for v in values if v]
                if choices:
                    form[name] = rng.choice(choices)
            if path != base + "page/0/" and first:
                form["comment"] = self.marker
                first = False
            status, headers, _ = self._call("POST", path, form)
            assert status == 302, (path, status)
            self.sent.update({k: v for k, v in form.items() if k.endswith("_truth")})
            path = headers["location"]
        assert path == base + "check/", path
        token, _ = self._page(path)
        status, headers, _ = self._call("POST", path, {"csrfmiddlewaretoken": token})
        assert status == 302
        # Sent; or, when the first try was stored but its answer lost, back to the start.
        self.outcome = "sent" if headers["location"].endswith("/sent/") else "sent before"
        assert headers["location"].endswith(("/sent/", base)), headers["location"]


def stored(stack: Stack, respondents: list[Respondent]) -> None:
    """Each respondent's response is stored once, submitted, with the answers it last sent."""
    wave = stack.data["wave_id"]
    for person in respondents:
        rows = stack.sql(
            "SELECT r.id, r.submitted FROM surveys_comment c JOIN surveys_response r "
            "ON r.id = c.response_id WHERE r.wave_id = %s AND c.text = %s",
            (wave, person.marker),
        )
        assert len(rows) == 1, (person.marker, rows)
        response_id, submitted = rows[0]
        assert submitted is True
        answers = dict(
            stack.sql(
                "SELECT 's' || statement_id || '_truth', truth::text FROM surveys_answer "
                "WHERE response_id = %s AND truth IS NOT NULL",
                (response_id,),
            )
        )
        assert answers == person.sent, person.marker


def submitted_count(stack: Stack) -> int:
    query = "SELECT count(*) FROM surveys_response WHERE wave_id = %s AND submitted"
    return stack.sql(query, (stack.data["wave_id"],))[0][0]


def test_fifty_respondents_answer_through_the_proxy_on_both_servers(stack):
    with timed(stack, "50 respondents"):
        before = submitted_count(stack)
        respondents = [
            Respondent(stack, f"127.0.1.{n + 1}", f"respondent-{n:02d}") for n in range(50)
        ]
        served: set[str] = set()
        lock = threading.Lock()

        def answer(person: Respondent) -> None:
            person.run()
            with lock:
                served.add(person.visitor.last_served_by)

        with ThreadPoolExecutor(10) as pool:
            list(pool.map(answer, respondents))
        assert sum(p.errors for p in respondents) == 0
        assert submitted_count(stack) == before + 50
        stored(stack, respondents)
        assert served == stack.upstream_names()
        stack.counts["50 respondents: requests"] = sum(p.requests for p in respondents)


def test_a_file_uploaded_through_one_server_downloads_through_the_other(stack):
    with timed(stack, "upload and download"):
        manager = stack.visitor("127.0.0.40")
        people, password = stack.data["people"], stack.data["password"]
        assert password_step(manager, people["manager"], password) == 302
        status, _, _ = manager.post(TWO_FACTOR, {"code": code_for(stack.data["keys"]["manager"])})
        assert status == 302
        library = f"/p/{stack.data['slug']}/documents/"
        content = ("Terms of reference, checked across servers.\n" * 200).encode()
        token = manager.csrf(library + "upload/")
        status, _, _ = manager.request(
            "POST",
            library + "upload/",
            {"csrfmiddlewaretoken": token, "title": "Deployment test document"},
            files={"file": ("terms.txt", content, "text/plain")},
        )
        assert status == 302
        uploaded_by = manager.last_served_by
        _, _, page = manager.get(library)
        link = re.search(rb'href="([^"]+/download/)"[^>]*>\s*Deployment test document', page)
        assert link, "the uploaded document is listed"
        for _ in range(6):
            status, _, body = manager.get(link.group(1).decode())
            if manager.last_served_by != uploaded_by:
                break
        assert manager.last_served_by != uploaded_by
        assert status == 200
        assert body == content


def test_static_files_security_headers_and_the_https_redirect(stack):
    with timed(stack, "static files, headers, redirect"):
        visitor = stack.visitor("127.0.0.50")
        status, headers, body = visitor.get(SIGN_IN)
        assert status == 200
        assert headers["strict-transport-security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["cross-origin-opener-policy"] == "same-origin"
        assert "script-src 'self'" in headers["content-security-policy"]
        csrf = [c for c in headers["set-cookie"] if c.startswith("__Host-macs-csrf=")]
        assert csrf
        assert "Secure" in csrf[0]
        sheet = re.search(rb'href="(/static/css/app\.[0-9a-f]{12}\.css)"', body)
        assert sheet, "hashed static file names (the manifest storage)"
        status, headers, css = visitor.get(sheet.group(1).decode())
        assert status == 200
        assert headers["content-type"].startswith("text/css")
        assert css
        assert "immutable" in headers["cache-control"]
        status, headers, _ = visitor.request("GET", SIGN_IN + "?next=/", https=False)
        assert status == 301
        assert headers["location"].startswith("https://")
        assert headers["location"].endswith(SIGN_IN + "?next=/")


def test_an_app_server_killed_mid_request_loses_nothing(stack):
    with timed(stack, "app server killed"):
        before = submitted_count(stack)
        respondents = [
            Respondent(stack, f"127.0.2.{n + 1}", f"survivor-{n:02d}") for n in range(12)
        ]
        with ThreadPoolExecutor(12) as pool:
            futures = [pool.submit(person.run) for person in respondents]
            deadline = time.monotonic() + 60
            while sum(p.requests for p in respondents) < 60 and time.monotonic() < deadline:
                if any(future.done() for future in futures):
                    break  # a respondent stopped early: its error is raised below
                time.sleep(0.02)
            stack.kill_server(0, hang_first=1.0)
            for future in futures:
                future.result()
        errors = sum(p.errors for p in respondents)
        stack.counts["app server killed: requests"] = sum(p.requests for p in respondents)
        stack.counts["app server killed: requests that got an error (then retried)"] = errors
        print(f"\nKilled one app server mid-run: {errors} request(s) got an error and were retried")
        assert submitted_count(stack) == before + 12
        stored(stack, respondents)
        # New requests all go to the server still running.
        visitor = stack.visitor("127.0.0.60")
        for _ in range(4):
            status, _, _ = visitor.get(SIGN_IN)
            assert status == 200
            assert visitor.last_served_by == f"127.0.0.1:{stack.app_ports[1]}"

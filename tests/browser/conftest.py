"""Real-browser harness: Debian's Chromium through Playwright, plus axe-core for WCAG checks.

Later issues add journeys here; every page a journey visits goes through `assert_accessible`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError


# Playwright's `is_visible()` answers at once, and a click that starts a navigation may return
# before the next page has arrived. With two test workers on two cores a page can take longer,
# so the journeys' `assert ... is_visible()` would race it: here it waits up to 10 s for the
# element to appear (still strict: two matches are an error), and answers False after that.
def _is_visible_once_loaded(self, timeout: float | None = None) -> bool:
    try:
        self.wait_for(state="visible", timeout=timeout or 10_000)
    except PlaywrightTimeoutError:
        return False
    return True


Locator.is_visible = _is_visible_once_loaded

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("MACS_CHROMIUM", "/usr/bin/chromium"),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def site(live_server, demo_database_copy):
    """The live site with the MACS content and the demo. live_server tests are transactional
    (the database is emptied after each), so each starts from the copy taken once per worker:
    restoring it takes milliseconds where loading the demo took seconds."""
    from django.db import connection

    if demo_database_copy is not None:
        connection.ensure_connection()  # an earlier test may have closed it
        demo_database_copy.backup(connection.connection)
    else:
        from demo.partnerships import load_demo
        from framework.loader import load_edition

        load_edition()
        load_demo()
    return live_server.url


@pytest.fixture
def page(page):
    """Every page under test also fails on any Content-Security-Policy violation."""
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    yield page
    assert violations == [], violations


def assert_accessible(page, name: str) -> None:
    """Run axe-core on the page: no WCAG 2.0/2.1/2.2 A or AA violations. Saves a screenshot.

    axe is loaded from the site's own /static/ (built by `make assets`), so the
    Content-Security-Policy stays on while it runs."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    origin = page.evaluate("() => window.location.origin")
    page.add_script_tag(url=f"{origin}/static/vendor/axe.min.js")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:120]})"
        for v in result["violations"]
    ]
    assert violations == [], f"{name}: {violations}"

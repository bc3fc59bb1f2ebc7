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


# Loading axe and running it have no timeout of their own in Playwright: bound both, so that a
# stalled page fails with a message instead of stalling the whole run (a journey once waited
# on axe for over twenty minutes), and try a stalled page once more before giving up.
AXE = """async ([src, tags, ms]) => {
  const late = (what) => new Promise((_, fail) => setTimeout(() => fail(new Error(what)), ms));
  if (typeof axe === "undefined") {
    const loaded = new Promise((done, fail) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = done;
      script.onerror = () => fail(new Error("axe did not load"));
      document.head.appendChild(script);
    });
    await Promise.race([loaded, late("axe took too long to load")]);
  }
  return await Promise.race([
    axe.run(document, {runOnly: {type: "tag", values: tags}}),
    late("axe took too long to run"),
  ]);
}"""


def run_axe(page, site: str | None = None) -> dict:
    """axe-core's result for the page, loaded from the site's own /static/ (built by `make
    assets`), so the Content-Security-Policy stays on while it runs."""
    from playwright.sync_api import Error as PlaywrightError

    origin = site or page.evaluate("() => window.location.origin")
    arguments = [f"{origin}/static/vendor/axe.min.js", WCAG_TAGS, 60_000]
    try:
        return page.evaluate(AXE, arguments)
    except PlaywrightError:
        page.reload()
        return page.evaluate(AXE, arguments)


def assert_accessible(page, name: str) -> None:
    """Run axe-core on the page: no WCAG 2.0/2.1/2.2 A or AA violations. Saves a screenshot."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    result = run_axe(page)
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:120]})"
        for v in result["violations"]
    ]
    assert violations == [], f"{name}: {violations}"

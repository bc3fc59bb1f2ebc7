"""WCAG 2.2 AA on every page: for each kind of visitor, every GET URL of the one policy table
that visitor may open is loaded in Chromium and checked with axe-core (WCAG 2.0, 2.1 and 2.2, A
and AA). Downloads and the platform admin are left out; anything else that answers with a page
is checked. All violations are reported together, by page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from django_scopes import scopes_disabled

from macs.access import NATIONAL, PASSWORD_ONLY, PUBLIC, SIGNED_IN, rule_for
from partnerships.roles import Role
from tests.browser.conftest import ARTIFACTS, run_axe
from tests.conftest import ROLE_EMAILS, verified_client
from tests.macs.test_access_matrix import CHECKED_NAMES, sample_kwargs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Files, not pages (and the admin, which is Django's own).
NOT_PAGES = (
    "export",
    "download",
    "png",
    "word",
    "generate",
    "backup",
    "logout",
    "admin",
    "_file",
)
VISITORS = ["anonymous", "guest", "national-viewer", *[r.value for r in Role]]


def _may_open(name: str, who: str) -> bool:
    audience = rule_for(name).get
    if audience is None or any(part in name for part in NOT_PAGES):
        return False
    if audience == PUBLIC:
        return True
    if who in ("anonymous", "guest"):
        return False
    if audience in (SIGNED_IN, PASSWORD_ONLY):
        return True
    if audience == NATIONAL:
        return who == "national-viewer"
    if isinstance(audience, frozenset):
        return who not in ("national-viewer",) and Role(who) in audience
    return False


def _sign_in(context, site: str, who: str, demo) -> None:
    from accounts.models import User

    if who == "anonymous":
        return
    if who == "guest":
        from participation.models import Workshop

        page = context.new_page()
        with scopes_disabled():
            code = Workshop.objects.get(partnership=demo["northshire"], status="open").code
        page.goto(site + reverse("workshop_guest:join"))
        page.get_by_label("Workshop code").fill(code)
        page.get_by_role("button", name="Join").click()
        page.close()
        return
    email = "viewer@national.example" if who == "national-viewer" else ROLE_EMAILS[Role(who)]
    client = verified_client(User.objects.get(email=email))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])


# What sticks out at 360 px: the page wider than the screen (the widest elements named), or a
# label of a tree drawing running past the drawing's edge.
PHONE_WIDTH = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > width + 1
      && !e.closest(".macs-table-scroll, .govuk-visually-hidden"))
    .slice(0, 3).map((e) => e.outerHTML.slice(0, 100));
  return {page: document.documentElement.scrollWidth, width, wide};
}"""
# Every tree label inside its drawing and at least 12 px as shown (the drawing's text is sized in
# its own units, so the shown size is that times the drawing's scale).
TREE_LABELS = """() => [...document.querySelectorAll("svg.macs-tree")].flatMap((svg) => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].flatMap((t) => {
    const r = t.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    const name = t.textContent.slice(0, 60);
    return [
      ...(r.width && (r.left < box.left - 1 || r.right > box.right + 1)
        ? [`tree label overflows the drawing: ${name}`] : []),
      ...(size < 11.9 ? [`tree label is ${size.toFixed(1)} px: ${name}`] : []),
    ];
  });
})"""


def _phone_problems(page, phone: bool) -> list[str]:
    """The same page at 360 px (the viewport is narrowed in place, no second crawl)."""
    if not phone:
        page.set_viewport_size({"width": 360, "height": 740})
        # Let the page's own resize handling (wide tables get a frame) run first.
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))")
    try:
        measured = page.evaluate(PHONE_WIDTH)
        labels = page.evaluate(TREE_LABELS)
    finally:
        if not phone:
            page.set_viewport_size({"width": 1280, "height": 720})
    problems = []
    if measured["page"] > measured["width"]:
        problems.append(
            f"{measured['page']} px wide at 360 px; sticking out: {' | '.join(measured['wide'])}"
        )
    problems += labels
    return problems


@pytest.mark.parametrize("who", VISITORS)
def test_every_page_meets_wcag_22_aa(who, site, browser):
    from partnerships.models import Partnership

    with scopes_disabled():
        demo = {p.slug: p for p in Partnership.objects.all()}
    # People without an account and young scrutineers mostly use phones: check them at 360 px.
    phone = who in ("anonymous", "guest", Role.YOUNG_SCRUTINEER.value)
    context = browser.new_context(viewport={"width": 360, "height": 740} if phone else None)
    _sign_in(context, site, who, demo)
    page = context.new_page()
    problems: list[str] = []
    checked = 0
    for name in CHECKED_NAMES:
        if not _may_open(name, who):
            continue
        url = site + reverse(name, kwargs=sample_kwargs(name, demo))
        response = page.goto(url)
        if (
            response is None
            or response.status != 200
            or "text/html" not in response.headers.get("content-type", "")
        ):
            continue
        result = run_axe(page, site)
        checked += 1
        for violation in result["violations"]:
            problems.append(
                f"{name} ({page.url}): {violation['id']}: {violation['help']} "
                f"e.g. {violation['nodes'][0]['html'][:140]}"
            )
        problems += [f"{name} ({page.url}): {p}" for p in _phone_problems(page, phone)]
    context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"crawl-{who}.txt").write_text(f"{checked} pages checked\n" + "\n".join(problems))
    assert checked > 0
    assert problems == [], "\n".join(problems)

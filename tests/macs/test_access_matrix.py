"""The access matrix: every URL name × {anonymous, workshop guest, signed in without the second
factor, another partnership's member, a national viewer, each role} × {GET, POST}, checked
against the one policy table in macs/access.py. Every response is also checked for the
security headers.

A URL name with no policy row fails `test_every_url_name_has_a_policy_row`; every row's
behaviour is then proved by requests through the whole middleware stack, not by reading the
table back. For each URL name, one test makes:

* for every visitor and both methods, a request that passes every middleware (sessions, the
  second factor, the access policy, the security headers) and stops just before the view, at a
  stand-in that records that it was reached and under which partnership scope. This proves the
  policy decision for each of the 4,000-odd method cases without rendering a page;
* for every visitor, a real request to the real view (GET where the row allows it, otherwise
  POST), and a real POST for every visitor the policy lets through to the view, so a view that
  refuses a role the policy allows, or forgets its partnership scope, still fails.

Each request runs in a savepoint that is rolled back, so one visitor's POST cannot change what
the next visitor sees. `tests/macs/test_access_matrix_removals.py` proves that the matrix fails
when a policy row, a role check, the partnership scope or a security header is taken away.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from html import unescape
from unittest import mock

import pytest
from django.core.handlers.base import BaseHandler
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django_scopes import get_scope, scopes_disabled

from macs.access import NATIONAL, PASSWORD_ONLY, PLATFORM_STAFF, POLICY, PUBLIC, SIGNED_IN, rule_for
from partnerships.roles import Role
from tests.conftest import OUTSIDER_EMAIL, ROLE_EMAILS, client_for, password_only_client


def url_names(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    names: list[str] = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names += url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(prefix + pattern.name)
    return sorted(set(names))


ALL_NAMES = url_names()
# The admin is one row ("admin:*"); its own staff check covers its many URLs.
CHECKED_NAMES = [n for n in ALL_NAMES if not n.startswith("admin:")] + ["admin:index"]
# "guest": no account, but has joined the demo's open workshop with its code.
# "national-viewer": signed in, a national viewer, a member of no partnership.
WHO = [
    "anonymous",
    "guest",
    "password-only",
    "outsider",
    "national-viewer",
    *[r.value for r in Role],
]


def names_without_a_policy_row() -> list[str]:
    missing = []
    for name in ALL_NAMES:
        try:
            rule_for(name)
        except Exception:
            missing.append(name)
    return missing


def test_every_url_name_has_a_policy_row():
    assert names_without_a_policy_row() == []


def test_every_policy_row_names_a_real_url():
    names = set(ALL_NAMES)
    stale = [n for n in POLICY if not n.endswith(":*") and n not in names]
    assert stale == []


def sample_kwargs(name: str, demo) -> dict:
    """Real objects of Northshire for each URL keyword."""
    from files.models import StoredFile
    from partnerships.models import Agency, Membership, PartnerBody, RoleAssignment, Subgroup

    northshire = demo["northshire"]
    with scopes_disabled():
        observer = Membership.objects.get(
            partnership=northshire, user__email=ROLE_EMAILS[Role.OBSERVER]
        )
        values = {
            "partnership": northshire.slug,
            "body_id": PartnerBody.objects.filter(partnership=northshire).first().pk,
            "agency_id": Agency.objects.filter(partnership=northshire).first().pk,
            "subgroup_id": Subgroup.objects.filter(partnership=northshire).first().pk,
            "member_id": observer.pk,
            "role_id": RoleAssignment.objects.filter(membership=observer).first().pk,
            "number": 1,
            "part": "principles",
            "token": _token(northshire, name),
            "uidb64": "MQ",
            "public_id": StoredFile.objects.filter(partnership=northshire).first().public_id,
            "kind": "agency",
            "fmt": "docx" if name.startswith("reports:") else "csv",
            "review_id": _review(northshire).pk,
            "rating_id": _rating(northshire).pk,
            "code": _open_workshop(northshire).code
            if name.startswith("workshop_guest:")
            else "1.1",
            "slug": northshire.slug,
            **_participation(northshire),
            **_resources(northshire, name),
            **_reports(northshire),
            "monitor_id": _monitor(northshire).pk,
            "snapshot_id": _snapshot(northshire).pk,
            "notification_id": _notification(northshire).pk,
            "wave_id": _wave(northshire, "2025").pk,
            "statement_id": _wave(northshire, "2025").statements.first().pk,
            "comment_key": _comment(northshire).key,
            "table": "statements",
            **_planning(northshire),
            **_theory(northshire),
            "meeting_id": _meeting(northshire).pk,
            "session_id": _training_session(northshire).pk,
            **_actions(northshire),
            "item_id": _evidence(northshire).pk
            if name.startswith("evidence:")
            else Agency.all_objects.filter(partnership=northshire).deleted().first().pk,
        }
    pattern = _pattern(name)
    return {k: values[k] for k in pattern.pattern.converters} if pattern else {}


def _review(partnership):
    from reviews.models import Review

    return Review.objects.filter(partnership=partnership).order_by("-period").first()


def _rating(partnership):
    from reviews.models import Rating

    return Rating.objects.filter(review=_review(partnership)).order_by("pk").first()


def _snapshot(partnership):
    from signoff.models import Snapshot

    return Snapshot.objects.filter(partnership=partnership).order_by("pk").first()


def _notification(partnership):
    from notifications.models import Notification

    return Notification.objects.filter(partnership=partnership).first()


def _monitor(partnership):
    from monitoring.models import Monitor

    return Monitor.objects.filter(partnership=partnership).first()


def _actions(partnership) -> dict:
    from actions.models import Action, Challenge, LearningSource

    return {
        "action_id": Action.objects.filter(partnership=partnership).order_by("pk").first().pk,
        "source_id": LearningSource.objects.filter(partnership=partnership)
        .order_by("pk")
        .first()
        .pk,
        "challenge_id": Challenge.objects.filter(partnership=partnership).order_by("pk").first().pk,
    }


def _reports(partnership) -> dict:
    from reports.models import YearlyReport

    report = YearlyReport.objects.get(partnership=partnership, period="2024-25")
    return {
        "report_id": report.pk,
        "section_id": report.sections.order_by("pk").first().pk,
        "period": report.period,
    }


def _resources(partnership, name: str) -> dict:
    from resources.models import ResourceYear

    year = ResourceYear.objects.filter(partnership=partnership).order_by("-year").first()
    return {"year_id": year.pk, "line": "post", "row_id": year.posts.order_by("pk").first().pk}


def _open_workshop(partnership):
    from participation.models import Workshop

    return Workshop.objects.get(partnership=partnership, status=Workshop.Status.OPEN)


def _participation(partnership) -> dict:
    from participation.models import Feedback, VoiceGroup, Workshop

    young = VoiceGroup.objects.get(partnership=partnership, kind=VoiceGroup.Kind.YOUNG_SCRUTINEERS)
    return {
        "group_id": young.pk,
        "feedback_id": Feedback.objects.filter(group=young).order_by("pk").first().pk,
        "workshop_id": Workshop.objects.filter(partnership=partnership).order_by("pk").first().pk,
    }


def _planning(partnership) -> dict:
    from planning.models import Priority

    # The plan still being planned: its pages offer forms (a signed plan offers none), so the
    # matrix checks that each visitor is offered only those they may send.
    priority = Priority.objects.get(partnership=partnership, title="Children missing education")
    activity = priority.activities.order_by("pk").first()
    return {
        "priority_id": priority.pk,
        "outcome_id": priority.outcomes.order_by("pk").first().pk,
        "activity_id": activity.pk,
        "resource_id": activity.resources.order_by("pk").first().pk,
    }


def _meeting(partnership):
    from meetings.models import Meeting

    return Meeting.objects.filter(partnership=partnership).order_by("pk").first()


def _training_session(partnership):
    from training.models import TrainingSession

    return TrainingSession.objects.filter(partnership=partnership).order_by("pk").first()


def _token(partnership, name: str) -> str:
    """A real token for the public pages that take one (an open survey wave, a training
    session whose evaluation is open)."""
    from training.models import TrainingSession

    if name.startswith("survey_respond:") and name != "survey_respond:invitation":
        return _wave(partnership, "2026").link_token
    if name.startswith("training_evaluate:"):
        found = TrainingSession.objects.filter(partnership=partnership)
        return next(s for s in found if s.evaluation_open).evaluation_token
    return "not-a-real-token"


def _theory(partnership) -> dict:
    from theory.models import TheoryOfChange

    draft = TheoryOfChange.objects.get(partnership=partnership, period="2025-26")
    return {
        "theory_id": draft.pk,
        "own_activity_id": draft.activities.order_by("pk").first().pk,
        "own_resource_id": draft.resources.order_by("pk").first().pk,
        "factor_id": draft.factors.order_by("pk").first().pk,
    }


def _wave(partnership, period):
    from surveys.models import Wave

    return Wave.objects.get(partnership=partnership, period=period)


def _comment(partnership):
    from surveys.models import Comment

    return Comment.objects.filter(response__wave=_wave(partnership, "2025")).order_by("pk").first()


def _evidence(partnership):
    from evidence.models import EvidenceItem

    return EvidenceItem.objects.filter(partnership=partnership).first()


def _pattern(name: str) -> URLPattern | None:
    def walk(resolver, prefix=""):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from walk(p, f"{prefix}{p.namespace}:" if p.namespace else prefix)
            elif prefix + (p.name or "") == name:
                yield p

    return next(walk(get_resolver()), None)


def client_for_who(who: str) -> Client:
    from accounts.models import User

    if who == "anonymous":
        return Client()
    if who == "guest":
        from participation.models import Workshop

        guest = Client()
        with scopes_disabled():
            code = Workshop.objects.get(status=Workshop.Status.OPEN).code
        guest.post(reverse("workshop_guest:join"), {"code": code}, secure=True)
        return guest
    if who == "password-only":
        return password_only_client(User.objects.get(email=ROLE_EMAILS[Role.BUSINESS_MANAGER]))
    if who == "outsider":
        return client_for(OUTSIDER_EMAIL)
    if who == "national-viewer":
        return client_for("viewer@national.example")
    return client_for(ROLE_EMAILS[Role(who)])


# What the policy says should happen to one visitor's request, before any view runs.
REACHED = "reaches the view"
SIGN_IN = "sent to sign in"
TWO_FACTOR = "sent to the second factor"


def expected_decision(rule, method: str, who: str, roles: frozenset | None = None) -> str:
    audience = rule.get if method == "get" else rule.post
    if audience is None:
        return "405"
    if audience == PUBLIC:
        return REACHED
    if who in ("anonymous", "guest"):
        # A workshop guest has no account: outside the public pages they are anyone.
        return SIGN_IN
    if audience == PASSWORD_ONLY:
        return REACHED
    if who == "password-only":
        # Two-factor is in force on everything but the sign-in steps themselves.
        return TWO_FACTOR
    if audience in (SIGNED_IN, PLATFORM_STAFF):
        # The admin checks is_staff itself (proved by the real request).
        return REACHED
    if audience == NATIONAL:
        return REACHED if who == "national-viewer" else "403"
    if who in ("outsider", "national-viewer"):
        # Not a member: another partnership's pages do not exist for them.
        return "404"
    return REACHED if (roles or frozenset({Role(who)})) & audience else "403"


def _stand_in_view(request, *args, **kwargs):
    scoped = get_scope().get("partnership")
    return HttpResponse(
        "reached",
        headers={"X-Matrix-Reached": getattr(scoped, "slug", "") if scoped else "-"},
    )


def _resolve_to_stand_in(handler, request):
    match = resolve(request.path_info)
    request.resolver_match = match
    return _stand_in_view, match.args, match.kwargs


@contextmanager
def views_stood_in():
    """Every middleware runs as usual; the view itself is replaced by `_stand_in_view`."""
    with mock.patch.object(BaseHandler, "resolve_request", _resolve_to_stand_in):
        yield


def _send(client: Client, method: str, url: str):
    """One request in a savepoint that is rolled back: nothing it writes survives it."""
    with transaction.atomic():
        try:
            return getattr(client, method)(url, secure=True)
        finally:
            transaction.set_rollback(True)


def observed_decision(response) -> str:
    if "X-Matrix-Reached" in response:
        return REACHED
    status, location = response.status_code, response.get("Location", "")
    # The two-factor step's address starts with the sign-in page's: test it first.
    if status == 302 and location.startswith(reverse("accounts:two_factor")):
        return TWO_FACTOR
    if status == 302 and location.startswith(reverse("accounts:login")):
        return SIGN_IN
    return str(status) if status in (403, 404, 405) else f"{status} {location}"


def real_response_problem(name: str, rule, method: str, who: str, response) -> str | None:
    """What is wrong with the real view's answer to this visitor, or None."""
    audience = rule.get if method == "get" else rule.post
    status, location = response.status_code, response.get("Location", "")
    if audience is None:
        ok = status == 405
    elif name == "admin_login":
        # A public redirect: the admin's own sign-in is replaced by the service's.
        ok = status == 302 and location.startswith(reverse("accounts:login"))
    elif audience == PUBLIC:
        ok = status not in (403, 405, 500) and "/sign-in/" not in location
    elif who in ("anonymous", "guest"):
        ok = status == 302 and location.startswith(reverse("accounts:login"))
    elif who == "password-only" and audience != PASSWORD_ONLY:
        ok = status == 302 and location.startswith(reverse("accounts:two_factor"))
    else:
        ok = _signed_in_answer_ok(rule, audience, who, status, location)
    return None if ok else f"{method.upper()} as {who}: the view answered {status} {location}"


def _signed_in_answer_ok(rule, audience, who: str, status: int, location: str) -> bool:
    """The real answer to a visitor signed in with both factors."""
    if audience in (PASSWORD_ONLY, SIGNED_IN):
        return status in (200, 302)
    if audience == NATIONAL:
        return status == (200 if who == "national-viewer" else 403)
    if audience == PLATFORM_STAFF:
        # Nobody in the demo is platform staff: the admin sends them to its sign-in.
        return status == 302 and "/platform-admin/login/" in location
    if who in ("outsider", "national-viewer"):
        return status == 404
    if Role(who) in audience:
        return status in ((200, 302, 403) if rule.per_object else (200, 302))
    return status == 403


def security_header_problems(response) -> list[str]:
    csp = response.get("Content-Security-Policy", "")
    script_src = csp.split("script-src")[1].split(";")[0] if "script-src" in csp else ""
    checks = {
        "script-src 'self' without unsafe-inline": "'self'" in script_src
        and "unsafe-inline" not in script_src,
        "frame-ancestors 'none'": "frame-ancestors 'none'" in csp,
        "X-Frame-Options DENY": response.get("X-Frame-Options") == "DENY",
        "X-Content-Type-Options nosniff": response.get("X-Content-Type-Options") == "nosniff",
        "Referrer-Policy same-origin": response.get("Referrer-Policy") == "same-origin",
        "Strict-Transport-Security": response.get("Strict-Transport-Security", "").startswith(
            "max-age=31536000"
        ),
    }
    return [f"missing {header}" for header, present in checks.items() if not present]


LINK = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"', re.IGNORECASE)
FORM = re.compile(r"<form\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'\b(method|action)="([^"]*)"', re.IGNORECASE)


def offered(html: str, page: str) -> list[tuple[str, str]]:
    """(method, path) of every link and form on a page that stays in the service."""
    found = [("get", unescape(href)) for href in LINK.findall(html)]
    for attributes in FORM.findall(html):
        given = {k.lower(): unescape(v) for k, v in ATTRIBUTE.findall(attributes)}
        found.append((given.get("method", "get").lower(), given.get("action") or page))
    return [
        (method, target.split("?")[0].split("#")[0])
        for method, target in found
        if target.startswith("/") and not target.startswith(("//", "/static/"))
    ]


def offer_problems(who: str, page: str, response, roles: frozenset | None = None) -> list[str]:
    """Links and forms the page shows this visitor that the policy would refuse them: a page
    shows only what the person may use."""
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    problems = []
    for method, target in sorted(set(offered(response.content.decode(), page))):
        try:
            target_name = resolve(target).view_name
        except Resolver404:
            problems.append(f"offers {method.upper()} {target}, which is no page")
            continue
        decision = expected_decision(rule_for(target_name), method, who, roles)
        if decision != REACHED:
            problems.append(
                f"offers {method.upper()} {target} ({target_name}) but the policy says {decision}"
            )
    return problems


# Visitors signed in with both factors: what their pages offer them must be theirs to use.
OFFER_CHECKED = {"outsider", "national-viewer", *[r.value for r in Role]}


def _stood_in_problems(client, who: str, url: str, rule, demo) -> list[str]:
    """With the views stood in: does the policy let this visitor reach the view, or stop them
    as the table says (`demo` given for a partnership's page, whose view must run in scope)?"""
    problems: list[str] = []
    for method in ("get", "post"):
        expected = expected_decision(rule, method, who)
        try:
            with views_stood_in():
                response = _send(client, method, url)
        except Exception as exc:  # a middleware failing is a finding, not a crash
            problems.append(f"{method.upper()} as {who}: {exc!r}")
            continue
        observed = observed_decision(response)
        if observed != expected:
            problems.append(f"{method.upper()} as {who}: expected {expected}, got {observed}")
        scoped = response.get("X-Matrix-Reached")
        if observed == REACHED and demo is not None and scoped != demo["northshire"].slug:
            problems.append(f"{method.upper()} as {who}: the view ran outside its scope")
        problems += [f"{method.upper()} as {who}: {p}" for p in security_header_problems(response)]
    return problems


def access_problems(name: str, demo) -> list[str]:
    """Everything wrong with one URL name's access, for every visitor and method."""
    kwargs = sample_kwargs(name, demo)
    url = reverse(name, kwargs=kwargs)
    rule = rule_for(name)
    partnership_url = "partnership" in kwargs
    problems: list[str] = []
    for who in WHO:
        client = client_for_who(who)
        problems += _stood_in_problems(client, who, url, rule, demo if partnership_url else None)
        # Real requests: one per visitor, and a POST for everyone the policy lets through.
        methods = ["get"] if rule.get is not None else ["post"]
        if "post" not in methods and expected_decision(rule, "post", who) == REACHED:
            methods.append("post")
        for method in methods:
            try:
                response = _send(client, method, url)
            except Exception as exc:
                problems.append(f"{method.upper()} as {who}: the view raised {exc!r}")
                continue
            problem = real_response_problem(name, rule, method, who, response)
            if problem:
                problems.append(problem)
            if method == "get" and who in OFFER_CHECKED:
                problems += [f"GET as {who}: {p}" for p in offer_problems(who, url, response)]
            problems += [
                f"{method.upper()} as {who}: {p}" for p in security_header_problems(response)
            ]
    return [f"{url}: {p}" for p in problems]


@pytest.mark.matrix
@pytest.mark.parametrize("name", CHECKED_NAMES)
def test_access_matches_policy(name, demo):
    assert access_problems(name, demo) == []


def assert_security_headers(response) -> None:
    assert security_header_problems(response) == []


def test_pages_offer_a_member_with_several_roles_only_what_they_may_use(demo):
    """An observer who is also a young scrutineer may look at evidence but not add to it: the
    pages must not offer them "Add evidence" (the policy would refuse it)."""
    from accounts.models import User
    from partnerships.models import Membership, RoleAssignment

    northshire = demo["northshire"]
    with scopes_disabled():
        user = User.objects.create_user("two-roles@northshire.example", "a long password 42")
        membership = Membership.objects.create(partnership=northshire, user=user)
        for role in (Role.OBSERVER, Role.YOUNG_SCRUTINEER):
            RoleAssignment.objects.create(membership=membership, role=role)
    roles = frozenset({Role.OBSERVER, Role.YOUNG_SCRUTINEER})
    client = client_for(user.email)
    problems = []
    for name in ("evidence:register", "evidence:detail", "partnerships:home", "reviews:list"):
        url = reverse(name, kwargs=sample_kwargs(name, demo))
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        problems += [f"{url}: {p}" for p in offer_problems("observer", url, response, roles)]
    assert problems == []

"""The access matrix: every URL name × {anonymous, signed in without the second factor, another
partnership's member, each role} × {GET, POST}, checked against the one policy table in
macs/access.py. Every response is also checked for the security headers.

A URL name with no policy row fails `test_every_url_name_has_a_policy_row`; every row's
behaviour is then proved by requests, not by reading the table back.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

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


def test_every_url_name_has_a_policy_row():
    missing = []
    for name in ALL_NAMES:
        try:
            rule_for(name)
        except Exception:
            missing.append(name)
    assert missing == []


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
            "token": _wave(northshire, "2026").link_token
            if name.startswith("survey_respond:") and name != "survey_respond:invitation"
            else "not-a-real-token",
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
            "notification_id": _notification(northshire).pk,
            "wave_id": _wave(northshire, "2025").pk,
            "statement_id": _wave(northshire, "2025").statements.first().pk,
            "comment_id": _comment(northshire).pk,
            "table": "statements",
            **_planning(northshire),
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

    priority = Priority.objects.get(partnership=partnership, title="Neglect")
    activity = priority.activities.order_by("pk").first()
    return {
        "priority_id": priority.pk,
        "outcome_id": priority.outcomes.order_by("pk").first().pk,
        "activity_id": activity.pk,
        "resource_id": activity.resources.order_by("pk").first().pk,
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


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", CHECKED_NAMES)
def test_access_matches_policy(name, who, method, demo):
    url = reverse(name, kwargs=sample_kwargs(name, demo))
    rule = rule_for(name)
    audience = rule.get if method == "get" else rule.post
    response = getattr(client_for_who(who), method)(url, secure=True)
    status, location = response.status_code, response.get("Location", "")
    assert_security_headers(response)

    if audience is None:
        assert status == 405, (url, who)
    elif name == "admin_login":
        # A public redirect: the admin's own sign-in is replaced by the service's.
        assert status == 302 and location.startswith(reverse("accounts:login")), (url, status)
    elif audience == PUBLIC:
        assert status not in (403, 405) and "/sign-in/" not in location, (url, who, status)
    elif who in ("anonymous", "guest"):
        # A workshop guest has no account: outside the public pages they are anyone.
        assert status == 302 and location.startswith(reverse("accounts:login")), (url, status)
    elif who == "password-only" and audience != PASSWORD_ONLY:
        # Two-factor is in force on everything but the sign-in steps themselves.
        assert status == 302 and location.startswith(reverse("accounts:two_factor")), (url, status)
    elif audience in (PASSWORD_ONLY, SIGNED_IN):
        assert status in (200, 302), (url, who, status)
    elif audience == NATIONAL:
        assert status == (200 if who == "national-viewer" else 403), (url, who, status)
    elif audience == PLATFORM_STAFF:
        # Nobody in the demo is platform staff: the admin sends them to its sign-in.
        assert status == 302 and "/platform-admin/login/" in location, (url, who)
    elif who in ("outsider", "national-viewer"):
        # Not a member: another partnership's pages do not exist for them.
        assert status == 404, (url, status)
    elif Role(who) in audience:
        allowed = (200, 302, 403) if rule.per_object else (200, 302)
        assert status in allowed, (url, who, status)
    else:
        assert status == 403, (url, who, status)


def assert_security_headers(response) -> None:
    csp = response.get("Content-Security-Policy", "")
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline' " not in csp.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in csp
    assert response.get("X-Frame-Options") == "DENY"
    assert response.get("X-Content-Type-Options") == "nosniff"
    assert response.get("Referrer-Policy") == "same-origin"
    assert response.get("Strict-Transport-Security", "").startswith("max-age=31536000")

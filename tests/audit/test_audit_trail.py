"""The audit trail: field changes and named events, never edited, purged only by retention,
viewable, filterable and exportable by the business manager and independent scrutineer."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from accounts.models import User
from audit.events import Event, record
from audit.models import AuditEntry
from audit.services import audit_purge
from partnerships.models import Agency
from partnerships.roles import Role
from tests.conftest import OUTSIDER_EMAIL, ROLE_EMAILS

pytestmark = pytest.mark.django_db
MANAGER = ROLE_EMAILS[Role.BUSINESS_MANAGER]


def _agency(demo) -> Agency:
    with scopes_disabled():
        return Agency.objects.filter(partnership=demo["northshire"]).order_by("pk").first()


def test_audit_records_field_changes_with_partnership_and_actor(client_as, demo):
    agency = _agency(demo)
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("partnerships:agency_edit", args=["northshire", agency.pk])
    client.post(url, {"name": "Renamed agency", "sector": agency.sector, "version": agency.version})
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Agency), object_pk=str(agency.pk)
    ).latest("timestamp")
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.partnership == demo["northshire"]
    assert entry.actor.email == MANAGER
    assert entry.changes["name"] == [agency.name, "Renamed agency"]
    assert "version" not in entry.changes


def test_audit_records_refused_access_in_the_partnership_refused(client_as, demo):
    from tests.conftest import client_for

    client_for(OUTSIDER_EMAIL).get("/p/northshire/people/")
    client_as(Role.OBSERVER).get(reverse("partnerships:invite", args=["northshire"]))
    refused = AuditEntry.objects.filter(event=Event.REFUSED_ACCESS, partnership=demo["northshire"])
    reasons = {e.additional_data["reason"]: e.actor.email for e in refused}
    assert reasons == {
        "not a member": OUTSIDER_EMAIL,
        "role not allowed": ROLE_EMAILS[Role.OBSERVER],
    }


def test_audit_entries_are_never_edited_or_deleted(demo):
    entry = record(
        Event.EXPORT, actor=User.objects.get(email=MANAGER), partnership=demo["northshire"]
    )
    entry.object_repr = "tampered"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(object_repr="tampered")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).object_repr != "tampered"


def test_audit_never_records_anonymous_actions(demo):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValueError, match="Only a signed-in person's actions are audited"):
        record(Event.EXPORT, actor=AnonymousUser(), partnership=demo["northshire"])
    with pytest.raises(ValueError, match="Only a signed-in person's actions are audited"):
        record(Event.EXPORT, actor=None, partnership=demo["northshire"])


def _entry(actor, partnership, when) -> AuditEntry:
    return AuditEntry.objects.create(
        event=Event.EXPORT,
        action=AuditEntry.Action.ACCESS,
        partnership=partnership,
        content_type=ContentType.objects.get_for_model(partnership),
        object_pk=str(partnership.pk),
        object_repr=str(partnership),
        actor=actor,
        timestamp=when,
    )


def test_audit_purge_removes_only_entries_past_the_partnerships_retention(demo):
    northshire, eastmere = demo["northshire"], demo["eastmere"]
    manager = User.objects.get(email=MANAGER)
    now = timezone.now()
    seven_years_ago = now - timedelta(days=365 * 7)
    old = _entry(manager, northshire, seven_years_ago)
    recent = _entry(manager, northshire, now - timedelta(days=365 * 5))
    other = _entry(manager, eastmere, seven_years_ago)
    assert audit_purge(partnership=northshire, now=now) >= 1
    assert not AuditEntry.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.filter(pk__in=[recent.pk, other.pk]).count() == 2
    eastmere.retention_years = 10
    audit_purge(partnership=eastmere, now=now)
    assert AuditEntry.objects.filter(pk=other.pk).exists()


def test_audit_trail_page_filters_by_event_and_person(client_as, demo):
    manager = User.objects.get(email=MANAGER)
    scrutineer = User.objects.get(email=ROLE_EMAILS[Role.INDEPENDENT_SCRUTINEER])
    record(Event.EXPORT, actor=manager, partnership=demo["northshire"], detail={"what": "people"})
    record(Event.SIGN_OFF, actor=scrutineer, partnership=demo["northshire"])
    client = client_as(Role.INDEPENDENT_SCRUTINEER)
    page = client.get(
        reverse("audit:trail", args=["northshire"]),
        {"what": "sign-off", "person": str(scrutineer.pk)},
    )
    assert page.status_code == 200
    rows = page.context["rows"]
    assert [(r[1], r[0].actor) for r in rows] == [("Signed off", scrutineer)]
    page = client.get(
        reverse("audit:trail", args=["northshire"]), {"person": str(manager.pk), "what": "export"}
    )
    assert [r[0].actor for r in page.context["rows"]] == [manager]
    bad = client.get(reverse("audit:trail", args=["northshire"]), {"since": "31/2/2026"})
    assert b"Enter the from date as day/month/year" in bad.content


def test_audit_trail_page_query_count_does_not_grow(client_as, demo, django_assert_max_num_queries):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("audit:trail", args=["northshire"])
    client.get(url)  # warm the session and content types
    manager = User.objects.get(email=MANAGER)
    with django_assert_max_num_queries(12):
        client.get(url)
    for _ in range(60):
        record(Event.EXPORT, actor=manager, partnership=demo["northshire"])
    with django_assert_max_num_queries(12):
        client.get(url)


def test_audit_export_neutralises_formulas_and_is_itself_audited(client_as, demo):
    with scope(partnership=demo["northshire"]):
        agency = Agency.objects.create(
            partnership=demo["northshire"], name='=HYPERLINK("http://x")', sector="other"
        )
    assert agency.pk
    client = client_as(Role.BUSINESS_MANAGER)
    response = client.get(reverse("audit:export", args=["northshire", "csv"]))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="northshire-audit-trail-'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["When", "Who", "What happened", "About", "Details", "IP address"]
    abouts = [r[3] for r in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in abouts
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    exported = AuditEntry.objects.filter(event=Event.EXPORT).latest("timestamp")
    assert exported.additional_data["what"] == "audit trail"
    assert exported.additional_data["rows"] == len(rows) - 1

    xlsx = client.get(reverse("audit:export", args=["northshire", "xlsx"]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://x")' in values
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_audit_trail_shows_members_sign_ins_but_not_outsiders(client_as, demo):
    from audit.selectors import AuditFilter, entries

    member = User.objects.get(email=ROLE_EMAILS[Role.OBSERVER])
    outsider = User.objects.get(email=OUTSIDER_EMAIL)
    record(Event.SIGNED_IN, actor=member, detail={"method": "app"})
    record(Event.SIGNED_IN, actor=outsider, detail={"method": "app"})
    northshire = [e.actor for e in entries(demo["northshire"], AuditFilter(what="signed-in"))]
    eastmere = [e.actor for e in entries(demo["eastmere"], AuditFilter(what="signed-in"))]
    assert northshire == [member]
    assert eastmere == [outsider]


def test_the_trail_speaks_plain_words_not_codes(client_as, rating_of):
    """A rating level reads with its label, a yes/no as Yes or No, a sign-in method in words,
    and no internal fields (ids, reverse links, the partnership) appear."""
    from audit.selectors import details
    from audit.wording import detail_line

    manager = client_as(Role.BUSINESS_MANAGER)
    rating = rating_of("4.1.1")
    labels = {1: "Not in place", 2: "Developing", 3: "Established", 4: "Embedded"}
    before = f"{rating.level} ({labels[rating.level]})" if rating.level else "(blank)"
    url = reverse("reviews:rating", args=["northshire", rating.review_id, rating.pk])
    manager.post(url, {"level": "1", "commentary": "Checked", "version": rating.version})
    with scopes_disabled():
        changes = AuditEntry.objects.filter(
            content_type__model="rating", object_pk=str(rating.pk), action=1
        )
        change = next(e for e in changes.order_by("-pk") if "level" in e.changes)
        created = AuditEntry.objects.filter(content_type__model="priority", action=0).first()
    assert f"Level: {before} → 1 (Not in place)" in details(change)
    parts = details(created).split(
        "; "
    )  # in the stored order, which PostgreSQL's JSON does not keep
    assert {"Sign-off: Draft", "Edition: MACS 2024", "Agreed: No"} <= set(parts)
    assert not [p for p in parts if p.startswith(("Partnership:", "Id:", "Created at:"))]
    assert ".None" not in details(created)
    assert detail_line("signed-in", {"method": "app"}) == "With: an authenticator app"
    assert detail_line("refused-access", {"method": "POST"}) == "Request: POST"
    assert detail_line("sign-off", {"snapshot": 12, "reason": "x"}) == "Reason: x"

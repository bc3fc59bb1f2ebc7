"""Soft deletion: 30 days to restore, then purged by the command."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from partnerships.models import Agency, Subgroup
from partnerships.roles import Role

pytestmark = pytest.mark.django_db


def _agency(demo, name="Riverton Youth Trust"):
    with scopes_disabled():
        return Agency.all_objects.get(partnership=demo["northshire"], name=name)


def _agency_by_pk(pk):
    with scopes_disabled():
        return Agency.all_objects.get(pk=pk)


def test_soft_delete_hides_then_restores_an_agency(client_as, demo):
    client = client_as(Role.BUSINESS_MANAGER)
    agency = _agency(demo)
    client.post(reverse("partnerships:agency_delete", args=["northshire", agency.pk]))
    listing = client.get(reverse("partnerships:agencies", args=["northshire"])).content.decode()
    assert '<td class="govuk-table__cell">Riverton Youth Trust</td>' not in listing
    deleted = client.get(reverse("partnerships:deleted", args=["northshire"])).content.decode()
    assert "Riverton Youth Trust" in deleted
    client.post(reverse("partnerships:restore", args=["northshire", "agency", agency.pk]))
    listing = client.get(reverse("partnerships:agencies", args=["northshire"])).content.decode()
    assert '<td class="govuk-table__cell">Riverton Youth Trust</td>' in listing


def test_soft_delete_frees_the_name_and_restore_refuses_a_clash(client_as, demo):
    client = client_as(Role.BUSINESS_MANAGER)
    agency = _agency(demo)
    client.post(reverse("partnerships:agency_delete", args=["northshire", agency.pk]))
    client.post(
        reverse("partnerships:agency_add", args=["northshire"]),
        {"name": "Riverton Youth Trust", "sector": "vcse"},
    )
    response = client.post(
        reverse("partnerships:restore", args=["northshire", "agency", agency.pk]), follow=True
    )
    assert b"There is already an agency called Riverton Youth Trust" in response.content
    assert _agency_by_pk(agency.pk).deleted_at is not None


def test_soft_delete_refuses_a_subgroup_others_report_to(client_as, demo):
    with scopes_disabled():
        executive = Subgroup.objects.get(partnership=demo["northshire"], name="Executive group")
    client = client_as(Role.BUSINESS_MANAGER)
    response = client.post(
        reverse("partnerships:subgroup_delete", args=["northshire", executive.pk])
    )
    assert response.status_code == 200
    assert b"accountable to this subgroup" in response.content


def test_purge_removes_only_records_deleted_more_than_30_days_ago(demo):
    old = _agency(demo, "Northshire Youth Offending Service (old name)")
    recent = _agency(demo)
    recent.deleted_at = timezone.now() - timedelta(days=29)
    recent.save(update_fields=["deleted_at"])
    old.deleted_at = timezone.now() - timedelta(days=31)
    old.save(update_fields=["deleted_at"])
    call_command("purge_expired", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with scopes_disabled():
        assert not Agency.all_objects.filter(pk=old.pk).exists()
        assert Agency.all_objects.filter(pk=recent.pk).exists()


def test_soft_delete_and_restore_read_plainly_in_the_audit_trail(client_as, demo):
    from audit.models import AuditEntry
    from audit.selectors import describe

    client = client_as(Role.BUSINESS_MANAGER)
    agency = _agency(demo)
    client.post(reverse("partnerships:agency_delete", args=["northshire", agency.pk]))
    client.post(reverse("partnerships:restore", args=["northshire", "agency", agency.pk]))
    entries = AuditEntry.objects.filter(object_pk=str(agency.pk), content_type__model="agency")
    described = [describe(e) for e in entries.order_by("timestamp", "pk")]
    assert described[-2:] == ["Deleted agency (can be restored)", "Restored agency"]


def test_recently_deleted_page_query_count_does_not_grow(
    client_as, demo, django_assert_max_num_queries
):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("partnerships:deleted", args=["northshire"])
    client.get(url)
    with django_assert_max_num_queries(10):
        client.get(url)
    for name in ("Riverton Youth Trust", "Northshire Schools Alliance", "Northshire Police"):
        agency = _agency(demo, name)
        client.post(reverse("partnerships:agency_delete", args=["northshire", agency.pk]))
    with django_assert_max_num_queries(10):
        page = client.get(url)
    assert page.content.decode().count("Restore<span") == 4

"""Version checks: a second person's save never silently overwrites the first's."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from partnerships.models import Agency
from partnerships.roles import Role

pytestmark = pytest.mark.django_db


def test_version_conflict_shows_both_versions_and_saves_nothing(client_as, demo):
    with scopes_disabled():
        agency = Agency.objects.filter(partnership=demo["northshire"]).order_by("pk").first()
    url = reverse("partnerships:agency_edit", args=["northshire", agency.pk])
    manager, officer = client_as(Role.BUSINESS_MANAGER), client_as(Role.BUSINESS_UNIT_OFFICER)
    opened = agency.version
    first = manager.post(
        url, {"name": "Name chosen first", "sector": agency.sector, "version": opened}
    )
    assert first.status_code == 302

    second = officer.post(
        url, {"name": "Name chosen second", "sector": agency.sector, "version": opened}
    )
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else changed this while you were editing" in page
    assert "Name chosen first" in page
    assert "Name chosen second" in page
    with scopes_disabled():
        agency.refresh_from_db()
    assert agency.name == "Name chosen first"
    assert f'name="version" value="{agency.version}"' in page

    # Saving from the conflict page is a deliberate choice: now it goes through.
    again = officer.post(
        url, {"name": "Name chosen second", "sector": agency.sector, "version": agency.version}
    )
    assert again.status_code == 302
    with scopes_disabled():
        agency.refresh_from_db()
    assert agency.name == "Name chosen second"


def test_version_check_applies_to_partnership_details(client_as, demo):
    northshire = demo["northshire"]
    url = reverse("partnerships:about_edit", args=["northshire"])
    data = {
        "name": northshire.name,
        "region": northshire.region,
        "retention_years": 6,
        "version": northshire.version - 1 if northshire.version > 1 else 0,
    }
    response = client_as(Role.BUSINESS_MANAGER).post(url, data)
    assert response.status_code == 409

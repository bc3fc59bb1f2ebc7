"""Monitors: trend charts with comparators and a target, breakdowns, all-or-nothing imports."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from audit.events import Event
from audit.models import AuditEntry
from framework.selectors import current_edition
from monitoring.models import Monitor, MonitorValue
from partnerships.roles import Role

pytestmark = pytest.mark.django_db
RE_REFERRALS = "Re-referrals to children's social care within 12 months"


def _monitor(demo, name=RE_REFERRALS) -> Monitor:
    with scopes_disabled():
        return Monitor.objects.get(partnership=demo["northshire"], name=name)


def test_monitor_list_shows_latest_value_and_whether_it_is_better(client_as, demo):
    page = client_as(Role.OBSERVER).get(reverse("monitoring:list", args=["northshire"]))
    summaries = {s.monitor.name: s for s in page.context["summaries"]}
    summary = summaries[RE_REFERRALS]
    assert (summary.latest_period, float(summary.latest)) == ("2024-25", 20.7)
    assert summary.trend == "better"  # lower is better, and it fell


def test_monitor_list_query_count_does_not_grow(client_as, demo, django_assert_max_num_queries):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("monitoring:list", args=["northshire"])
    client.get(url)
    with django_assert_max_num_queries(10) as before:
        client.get(url)
    with scopes_disabled():
        for number in range(10):
            Monitor.objects.create(
                partnership=demo["northshire"],
                name=f"Measure {number}",
                unit="%",
                direction="higher",
            )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)


def test_monitor_page_has_chart_table_comparators_target_and_breakdowns(client_as, demo):
    monitor = _monitor(demo)
    page = client_as(Role.LEAD_PARTNER).get(
        reverse("monitoring:detail", args=["northshire", monitor.pk])
    )
    html = page.content.decode()
    assert '<figure class="macs-chart" role="img"' in html
    assert "<svg" in html
    assert list(page.context["data"].series) == ["Local", "England", "Statistical neighbours"]
    assert page.context["data"].periods[0] == "2019-20"
    assert "Target: 20" in html
    assert "By age band, 2024-25" in html
    assert "16 and over" in html


def test_monitor_values_import_all_or_nothing(client_as, demo):
    monitor = _monitor(demo)
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("monitoring:import", args=["northshire", monitor.pk])
    with scopes_disabled():
        before = MonitorValue.objects.filter(monitor=monitor).count()
    bad = b"period,value,breakdown,group\n2025-26,19.5,,\n2025-26,lots,,\n2025-26,18,Age band,\n2025-26,19.5,,\n"
    response = client.post(url, {"file": SimpleUploadedFile("values.csv", bad)})
    page = response.content.decode()
    assert "Nothing has been imported" in page
    assert "Row 3: lots is not a number." in page
    assert "Row 4: Give both the breakdown and the group, or neither." in page
    assert "Row 5: This period, group and series is also on row 2." in page
    with scopes_disabled():
        assert MonitorValue.objects.filter(monitor=monitor).count() == before

    good = b"period,value,series\n2025-26,19.5,\n2025-26,21.9,England\n2024-25,20.9,\n"
    response = client.post(url, {"file": SimpleUploadedFile("values.csv", good)})
    assert response.status_code == 302
    with scopes_disabled():
        assert MonitorValue.objects.filter(monitor=monitor).count() == before + 2  # one replaced
        assert (
            float(
                MonitorValue.objects.get(
                    monitor=monitor, period="2024-25", series="Local", breakdown=""
                ).value
            )
            == 20.9
        )
    entry = AuditEntry.objects.get(event=Event.IMPORT)
    assert entry.additional_data["rows"] == 3


def test_monitor_add_links_indicators(client_as, demo):
    edition = current_edition()
    outcome = edition.outcomes.get(code="2.3")
    client = client_as(Role.BUSINESS_UNIT_OFFICER)
    response = client.post(
        reverse("monitoring:add", args=["northshire"]),
        {
            "name": "Strategy meetings within 3 working days",
            "unit": "%",
            "direction": "higher",
            "target": "90",
            "outcomes": [outcome.pk],
        },
    )
    assert response.status_code == 302
    monitor = _monitor(demo, "Strategy meetings within 3 working days")
    with scopes_disabled():
        assert list(monitor.outcomes.all()) == [outcome]

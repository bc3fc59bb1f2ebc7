"""Survey pages for the partnership: results of closed waves, their tables and exports."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from partnerships.roles import Role
from surveys.models import Wave


def wave(period: str) -> Wave:
    with scopes_disabled():
        return Wave.objects.get(partnership__slug="northshire", period=period)


def url(name: str, w: Wave, **kwargs) -> str:
    return reverse(
        f"surveys:{name}", kwargs={"partnership": "northshire", "wave_id": w.pk, **kwargs}
    )


@pytest.mark.parametrize("view", ["truth", "change", "importance", "ranked", "gap", "compare"])
def test_results_show_each_view_of_a_closed_wave(view, client_as):
    response = client_as(Role.OBSERVER).get(url("results", wave("2025")) + f"?view={view}")
    assert response.status_code == 200
    text = response.content.decode()
    if view == "compare":
        assert "compared with 2024" in text
    if view == "truth":
        assert "<svg" in text
        assert "Completely true" in text


def test_results_wait_until_the_wave_closes(client_as):
    response = client_as(Role.BUSINESS_MANAGER).get(url("results", wave("2026")))
    assert response.status_code == 200
    assert "Results appear when the wave closes" in response.content.decode()


@pytest.mark.parametrize("by", ["position", "region", "service_length", "lscb_experience"])
def test_breakdown_by_each_profile_question(by, client_as):
    response = client_as(Role.OBSERVER).get(url("breakdown", wave("2025")) + f"?by={by}&category=2")
    assert response.status_code == 200
    assert "Overall" in response.content.decode()


def test_profile_table_has_table_a6_sections(client_as):
    text = client_as(Role.OBSERVER).get(url("profile", wave("2025"))).content.decode()
    for title in ("Region", "Total length of service", "Experience with LSCBs", "Missing"):
        assert title in text
    # Northshire has one independent scrutineer and one business manager: never shown on their
    # own, but every group's N and the Overall N are.
    assert "IS (N=" not in text
    assert "BM (N=" not in text
    assert "(N=c)" not in text
    assert "Other groups (combined) (N=" in text


def test_comments_list_and_code_counts(client_as):
    text = client_as(Role.BUSINESS_MANAGER).get(url("comments", wave("2025"))).content.decode()
    assert "Enabler" in text
    assert "Code<span" in text


@pytest.mark.parametrize("table", ["statements", "profile", "responses", "comments", "codes"])
def test_export_each_table(table, client_as):
    response = client_as(Role.OBSERVER).get(url("export", wave("2025"), table=table, fmt="csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_survey_results_appear_under_outcomes_in_a_review(client_as, current_review):
    page = client_as(Role.BUSINESS_MANAGER).get(
        reverse("reviews:judgement", args=["northshire", current_review.pk, "1.1"])
    )
    text = page.content.decode()
    assert "Northshire partnership survey 2025 (63 responses)" in text
    assert (
        "1. The LSCP has a shared vision for how to improve outcomes for children locally:" in text
    )


def test_survey_management_commands_export_and_import(demo, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "a6.csv"
    call_command("survey_export", "northshire", "2025", "profile", str(out))
    assert "Region" in out.read_text(encoding="utf-8-sig")
    source = tmp_path / "old.csv"
    source.write_text("position,s1_true\nHealth,Mostly true\nBM,not true at all\n")
    call_command(
        "survey_import", "northshire", "2026", str(source), "--by", "manager@northshire.example"
    )
    with scopes_disabled():
        assert (
            Wave.objects.get(partnership__slug="northshire", period="2026")
            .responses.filter(imported=True)
            .count()
            == 2
        )


def test_open_wave_is_on_the_home_page(client_as):
    staff = client_as(Role.SUBGROUP_MEMBER).get(reverse("partnerships:home", args=["northshire"]))
    assert "Have your say: Northshire partnership survey 2026" in staff.content.decode()
    manager = client_as(Role.BUSINESS_MANAGER).get(
        reverse("partnerships:home", args=["northshire"])
    )
    assert "9 responses so far" in manager.content.decode()


def test_a_closed_wave_with_no_responses_still_shows_its_pages(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    client.post(
        reverse("surveys:add", args=["northshire"]),
        {
            "title": "Empty",
            "period": "2019",
            "opens_on": "1/4/2019",
            "closes_on": "30/4/2019",
            "mode": "link",
        },
    )
    empty = wave("2019")
    for name in ("results", "breakdown", "profile", "comments", "wave"):
        assert client.get(url(name, empty)).status_code == 200, name
    for view in ("gap", "compare", "ranked"):
        assert client.get(url("results", empty) + f"?view={view}").status_code == 200, view
    assert client.get(url("export", empty, table="profile", fmt="xlsx")).status_code == 200

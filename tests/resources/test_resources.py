"""Resources per year: shares and year-on-year change computed exactly, rows added with
specific messages, the adequacy answers version-checked, and a fixed query count."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django_scopes import scopes_disabled

from partnerships.roles import Role
from resources.models import Contribution, ResourceYear
from resources.selectors import change, share, year_summary


def year(label="2024-25") -> ResourceYear:
    with scopes_disabled():
        return ResourceYear.objects.get(partnership__slug="northshire", year=label)


def url(name: str, **kwargs) -> str:
    return reverse(f"resources:{name}", kwargs={"partnership": "northshire", **kwargs})


def test_share_and_change_are_exact():
    assert share(Decimal(1), Decimal(3)) == "33.3%"
    assert share(Decimal(5), Decimal(0)) == ""
    assert change(Decimal(110), Decimal(100)) == "+10.0%"
    assert change(Decimal(90), Decimal(100)) == "-10.0%"
    assert change(Decimal(5), Decimal(0)) == "new"


def test_summary_adds_up_by_sector_with_shares_and_change(demo):
    with scopes_disabled():
        summary = year_summary(year())
    sectors = {r.label: r for r in summary.sectors}
    assert sectors["Local authority"].amount == Decimal("200000")  # two councils
    assert summary.contributions_total == Decimal("407000")
    assert sectors["Local authority"].share == "49.1%"
    # 2023-24 was 94% of each figure, rounded to the pound.
    assert sectors["Local authority"].last == Decimal("133480") + Decimal("54520")
    assert sectors["Police"].change == "+6.4%"
    assert summary.posts_fte == Decimal("4.00")
    assert [q[1] for q in summary.adequacy] == ["No", "No", "No", "Yes"]


def test_year_page_shows_tables_and_charts_with_a_fixed_query_count(
    client_as, django_assert_max_num_queries
):
    client = client_as(Role.OBSERVER)
    client.get(url("year", year_id=year().pk))
    with django_assert_max_num_queries(30):
        page = client.get(url("year", year_id=year().pk)).content.decode()
    assert "Contributions by kind of partner" in page
    assert 'role="img"' in page
    assert "Consultant fees" in page
    assert "Child death overview panel contribution" in page
    assert "Adequate staffing?" in page


def test_adding_a_row_explains_bad_amounts(client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    add = url("line_add", year_id=year().pk, line="contribution")
    bad = manager.post(add, {"sector": "police", "contributor": "Transport police", "amount": "-5"})
    assert "The amount cannot be negative." in bad.content.decode()
    words = manager.post(
        add, {"sector": "police", "contributor": "Transport police", "amount": "lots"}
    )
    assert "Enter the amount as a number, like 125000." in words.content.decode()
    assert (
        manager.post(
            add, {"sector": "police", "contributor": "Transport police", "amount": "5000"}
        ).status_code
        == 302
    )
    with scopes_disabled():
        assert Contribution.objects.filter(year=year(), contributor="Transport police").exists()
    spend = manager.post(
        url("line_add", year_id=year().pk, line="spend"), {"category": "local", "amount": "10"}
    )
    assert "Enter the name of the local category." in spend.content.decode()


def test_a_year_is_started_once_and_named_properly(client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    assert (
        "Enter the financial year like 2025-26."
        in manager.post(url("years"), {"year": "2025-27"}).content.decode()
    )
    assert (
        "There is already a record for 2024-25."
        in manager.post(url("years"), {"year": "2024-25"}).content.decode()
    )
    assert manager.post(url("years"), {"year": "2025-26"}).status_code == 302


def test_removing_a_row(client_as):
    with scopes_disabled():
        row = year().posts.get(title="Quality assurance officer")
    response = client_as(Role.BUSINESS_MANAGER).post(
        url("line_delete", year_id=year().pk, line="post", row_id=row.pk)
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert not year().posts.filter(title="Quality assurance officer").exists()


def test_two_people_answering_adequacy_see_a_conflict(client_as):
    current = year()
    data = {
        "financial": "yes",
        "staffing": "no",
        "systems": "no",
        "training": "yes",
        "version": current.version,
    }
    assert (
        client_as(Role.BUSINESS_MANAGER).post(url("adequacy", year_id=current.pk), data).status_code
        == 302
    )
    late = client_as(Role.BUSINESS_UNIT_OFFICER).post(
        url("adequacy", year_id=current.pk), data | {"financial": "no"}
    )
    assert late.status_code == 409


def test_a_local_category_keeps_its_name_and_others_lose_theirs(client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    add = url("line_add", year_id=year().pk, line="spend")
    manager.post(add, {"category": "local", "local_category": " Translation ", "amount": "300"})
    manager.post(add, {"category": "it", "local_category": "Ignored", "amount": "200"})
    with scopes_disabled():
        rows = {
            (s.category, s.local_category) for s in year().spending.filter(amount__in=[300, 200])
        }
    assert rows == {("local", "Translation"), ("it", "")}


def test_a_new_year_starts_empty_without_falls_of_100_percent_or_from_last_years_lines(
    client_as,
):
    manager = client_as(Role.BUSINESS_MANAGER)
    assert manager.post(url("years"), {"year": "2025-26"}).status_code == 302
    with scopes_disabled():
        empty = year_summary(year("2025-26"))
    assert [r.change for r in empty.sectors] == [""] * len(empty.sectors)
    assert "-100.0%" not in manager.get(url("year", year_id=year("2025-26").pk)).content.decode()

    started = manager.post(url("years"), {"year": "2026-27", "from_last_year": "on"})
    assert started.status_code == 302
    with scopes_disabled():
        copied = Contribution.objects.filter(year=year("2026-27"))
        # The latest earlier year (2025-26) is empty, so there is nothing to copy...
        assert not copied.exists()
    assert manager.post(url("years"), {"year": "2023-24"}).status_code != 302  # already there
    with scopes_disabled():
        source = year("2024-25")
        lines = sorted(
            Contribution.objects.filter(year=source).values_list("contributor", "amount")
        )
        ResourceYear.objects.filter(year__in=["2025-26", "2026-27"]).delete()
    assert (
        manager.post(url("years"), {"year": "2025-26", "from_last_year": "on"}).status_code == 302
    )
    with scopes_disabled():
        new = year("2025-26")
        assert sorted(
            Contribution.objects.filter(year=new).values_list("contributor", "amount")
        ) == (lines)
        assert year_summary(new).sectors[0].change == "0.0%"

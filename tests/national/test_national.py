"""The national picture: built only from shared snapshots (unshared data never reaches it),
small groups of partnerships hidden, no partnership named, and sharing only after
publication."""

from __future__ import annotations

from django.urls import reverse
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from national.models import SharedRating, SharedSummary
from national.selectors import edition_for, outcome_distributions, statement_spreads
from partnerships.roles import Role
from reports.models import YearlyReport
from tests.conftest import client_for

VIEWER = "viewer@national.example"


def test_picture_shows_distributions_without_naming_anyone(demo):
    page = client_for(VIEWER).get(reverse("national:picture") + "?period=2024-25").content.decode()
    assert "11 partnerships shared" in page  # Northshire and ten samples
    assert "does not rank" in page
    assert "local context matters so much" in page
    assert "Northshire" not in page
    assert "Sample Safeguarding" not in page
    assert 'role="img"' in page


def test_a_year_with_fewer_than_five_partnerships_is_hidden(demo):
    with scopes_disabled():
        edition = edition_for("2022-23")
        outcomes = outcome_distributions("2022-23", edition)
        statements = statement_spreads("2022-23", edition)
    assert outcomes
    assert all(d.hidden for d in outcomes)
    assert all(s.hidden and s.middle is None for s in statements)
    page = client_for(VIEWER).get(reverse("national:picture") + "?period=2022-23").content.decode()
    assert "Fewer than 5 partnerships: not shown" in page


def test_unshared_data_never_reaches_the_picture(demo, client_as):
    with scopes_disabled():
        edition = edition_for("2024-25")
        before = [(d.code, d.counts) for d in outcome_distributions("2024-25", edition)]
        # Eastmere publishes nothing and shares nothing; Northshire's live review changes.
        from reviews.models import OutcomeJudgement

        OutcomeJudgement.objects.filter(partnership=demo["northshire"]).update(level=1)
        after = [(d.code, d.counts) for d in outcome_distributions("2024-25", edition)]
    assert before == after
    # Withdrawing takes Northshire out; sharing again puts its snapshot back.
    manager = client_as(Role.BUSINESS_MANAGER)
    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
    manager.post(
        reverse("national:share", args=["northshire"]), {"report": report.pk, "action": "withdraw"}
    )
    with scopes_disabled():
        assert not SharedSummary.objects.filter(partnership=demo["northshire"]).exists()
        assert sum(d.n for d in outcome_distributions("2024-25", edition)) < sum(
            sum(c) for _, c in before
        )


def test_sharing_copies_only_summaries(demo):
    with scopes_disabled():
        summary = SharedSummary.objects.get(partnership=demo["northshire"], period="2024-25")
        fields = {f.name for f in SharedRating._meta.get_fields()}
        assert summary.ratings.filter(indicator_code="").count() == 16
        assert summary.ratings.exclude(indicator_code="").count() > 60
    assert fields == {"id", "summary", "outcome_code", "indicator_code", "level"}


def test_only_a_published_report_can_be_shared(demo, client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    manager.post(reverse("reports:list", args=["northshire"]), {"period": "2025-26"})
    with scopes_disabled():
        draft = YearlyReport.objects.get(partnership=demo["northshire"], period="2025-26")
    response = manager.post(reverse("national:share", args=["northshire"]), {"report": draft.pk})
    assert response.status_code == 302  # only published reports can be chosen
    page = manager.get(response["Location"]).content.decode()
    assert "Choose a published report to share." in page
    with scopes_disabled():
        assert not SharedSummary.objects.filter(
            partnership=demo["northshire"], period="2025-26"
        ).exists()


def test_outcome_page_shows_indicators_and_years(demo):
    page = (
        client_for(VIEWER)
        .get(reverse("national:outcome", args=["3.1"]) + "?period=2024-25")
        .content.decode()
    )
    assert "3.1.1" in page
    assert "2023-24" in page
    assert "2022-23" in page
    assert client_for(VIEWER).get(reverse("national:outcome", args=["9.9"])).status_code == 404


def test_partnership_people_cannot_see_the_national_picture(client_as):
    assert client_as(Role.BUSINESS_MANAGER).get(reverse("national:picture")).status_code == 403


def test_picture_query_count_is_fixed(demo, django_assert_max_num_queries):
    client = client_for(VIEWER)
    client.get(reverse("national:picture"))
    with django_assert_max_num_queries(20):
        assert client.get(reverse("national:picture")).status_code == 200


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    percents=st.lists(
        st.lists(st.integers(min_value=0, max_value=100), min_size=11, max_size=11),
        min_size=1,
        max_size=3,
    ),
    sharing=st.integers(min_value=1, max_value=11),
)
def test_statement_spreads_counted_in_the_database_match_counting_by_hand(demo, percents, sharing):
    from statistics import median

    from django.db import transaction

    from national.models import SharedStatement
    from national.selectors import BANDS, MINIMUM_PARTNERSHIPS
    from partnerships.models import Partnership

    with scopes_disabled(), transaction.atomic():
        edition = edition_for("2024-25")
        partnerships = list(Partnership.objects.order_by("pk")[:sharing])
        for index, partnership in enumerate(partnerships):
            summary = SharedSummary.objects.create(
                partnership=partnership, period="2099-00", edition=edition.name
            )
            SharedStatement.objects.bulk_create(
                SharedStatement(summary=summary, number=number + 1, true_percent=values[index])
                for number, values in enumerate(percents)
            )
        spreads = {s.number: s for s in statement_spreads("2099-00", edition)}
        transaction.set_rollback(True)
    for number, values in enumerate(percents, start=1):
        shared = values[:sharing]
        spread = spreads[number]
        assert spread.n == len(shared)
        assert spread.bands == [sum(low <= v <= high for v in shared) for low, high in BANDS]
        expected = round(median(shared)) if len(shared) >= MINIMUM_PARTNERSHIPS else None
        assert spread.middle == expected


def test_picture_page_follows_a_withdrawal_and_a_new_share(demo, client_as):
    viewer = client_for(VIEWER)
    url = reverse("national:picture") + "?period=2024-25"

    def shared() -> tuple[int, int]:
        context = viewer.get(url).context
        return context["outcomes"][0].n, sum(s.n for s in context["statements"])

    before = shared()
    assert before[0] == 11
    manager = client_as(Role.BUSINESS_MANAGER)
    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
    share = reverse("national:share", args=["northshire"])
    manager.post(share, {"report": report.pk, "action": "withdraw"})
    withdrawn = shared()
    assert withdrawn[0] == 10
    assert withdrawn[1] < before[1]
    manager.post(share, {"report": report.pk})
    assert shared() == before


def test_a_business_manager_sees_where_their_partnership_stands(demo, client_as):
    """Their band of each national distribution, marked, with counts only: no rank, no
    percentile, no other partnership, only for the period they shared."""
    from national.selectors import standings

    page = client_as(Role.BUSINESS_MANAGER).get(reverse("national:share", args=["northshire"]))
    text = page.content.decode()
    assert "Where we stand" in text
    assert "For 2024-25, the year you shared most recently" in text
    with scopes_disabled():
        summary = SharedSummary.objects.get(partnership__slug="northshire", period="2024-25")
        found = standings(summary, edition_for("2024-25"))
        own = dict(summary.ratings.filter(indicator_code="").values_list("outcome_code", "level"))
    assert found["outcomes"]
    assert found["statements"]
    for standing in found["outcomes"] + found["statements"]:
        assert standing.n >= 5
        assert sum(count for _, count, _ in standing.bands) == standing.n
        assert [band for band, _, mine in standing.bands if mine] == [standing.yours]
    first = found["outcomes"][0]
    assert first.yours in {"Not in place", "Developing", "Established", "Embedded"}
    assert own[first.label.split()[0]] is not None
    assert "Sample Safeguarding Children Partnership" not in text
    assert "percentile" not in text.lower()
    assert "rank" not in text.lower().replace("ranked", "")


def test_where_we_stand_needs_a_shared_year(demo, client_as):
    with scopes_disabled():
        SharedSummary.objects.filter(partnership__slug="northshire").delete()
    text = client_as(Role.BUSINESS_MANAGER).get(reverse("national:share", args=["northshire"]))
    assert "Share a published report's summary to see where" in text.content.decode()

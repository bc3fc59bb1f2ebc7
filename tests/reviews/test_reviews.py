"""Effectiveness reviews: carry-forward, rating what is assigned, conflicts, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from evidence.models import EvidenceItem
from framework.selectors import current_edition
from partnerships.roles import Role
from reviews import services
from reviews.models import LocalIndicator, Rating, Review

pytestmark = pytest.mark.django_db


def _post_rating(client, rating, level, **extra):
    url = reverse("reviews:rating", args=["northshire", rating.review_id, rating.pk])
    data = {"level": str(level), "commentary": "Checked", "version": rating.version, **extra}
    return client.post(url, data)


def test_review_start_carries_the_last_review_forward(client_as, demo, current_review, rating_of):
    client = client_as(Role.BUSINESS_MANAGER)
    response = client.post(reverse("reviews:list", args=["northshire"]), {"period": "2026-27"})
    assert response.status_code == 302
    with scopes_disabled():
        new = Review.objects.get(partnership=demo["northshire"], period="2026-27")
        assert new.previous == current_review
        ratings = Rating.objects.filter(review=new)
        assert ratings.count() == 67
        assert all(r.carried_forward for r in ratings)
        old, copied = rating_of("1.1.1"), rating_of("1.1.1", new)
        assert (copied.level, copied.commentary, copied.owner_subgroup_id) == (
            old.level,
            old.commentary,
            old.owner_subgroup_id,
        )
        assert set(copied.evidence.all()) == set(old.evidence.all())


def test_review_start_refuses_a_duplicate_or_malformed_period(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("reviews:list", args=["northshire"])
    assert (
        b"There is already a review for 2025-26." in client.post(url, {"period": "2025-26"}).content
    )
    assert b"two consecutive years, like 2025-26" in client.post(url, {"period": "2025-27"}).content


def test_rating_only_what_is_assigned_to_you(client_as, rating_of):
    member = client_as(Role.SUBGROUP_MEMBER)  # in "Quality assurance and performance"
    assigned, other = rating_of("1.1.1"), rating_of("4.1.1")
    assert assigned.owner_subgroup.name == "Quality assurance and performance"
    assert _post_rating(member, assigned, 3).status_code == 302
    assert _post_rating(member, other, 3).status_code == 403
    page = member.get(reverse("reviews:rating", args=["northshire", other.review_id, other.pk]))
    assert b"Only the business unit and the members of the subgroup or agency" in page.content
    assert _post_rating(client_as(Role.BUSINESS_UNIT_OFFICER), other, 2).status_code == 302
    with scopes_disabled():
        assigned.refresh_from_db()
    assert assigned.level == 3
    assert not assigned.carried_forward


def test_rating_concurrent_edit_shows_both_versions(client_as, rating_of):
    rating = rating_of("1.1.2")
    manager, officer = client_as(Role.BUSINESS_MANAGER), client_as(Role.BUSINESS_UNIT_OFFICER)
    assert _post_rating(manager, rating, 4, commentary="Mine first").status_code == 302
    response = _post_rating(officer, rating, 1, commentary="Mine second")
    assert response.status_code == 409
    assert b"Mine first" in response.content
    assert b"Mine second" in response.content
    with scopes_disabled():
        rating.refresh_from_db()
    assert rating.commentary == "Mine first"


def test_rating_links_evidence_and_the_register_shows_where_it_is_used(client_as, demo, rating_of):
    rating = rating_of("2.1.1")
    with scopes_disabled():
        item = EvidenceItem.objects.filter(partnership=demo["northshire"]).first()
    client = client_as(Role.BUSINESS_MANAGER)
    assert _post_rating(client, rating, 3, evidence=[item.pk]).status_code == 302
    page = client.get(reverse("evidence:detail", args=["northshire", item.pk])).content.decode()
    assert "Review 2025-26: indicator 2.1.1" in page


def test_review_page_query_count_does_not_grow_with_indicators(
    client_as, demo, current_review, django_assert_max_num_queries
):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("reviews:review", args=["northshire", current_review.pk])
    client.get(url)
    with django_assert_max_num_queries(20) as before:
        client.get(url)
    edition = current_edition()
    with scope(partnership=demo["northshire"]):
        outcome = edition.outcomes.first()
        for number in range(15):
            services.local_indicator_add(
                partnership=demo["northshire"],
                outcome=outcome,
                text=f"Local measure {number}",
                review=current_review,
                actor=None,
            )
    with django_assert_max_num_queries(len(before.captured_queries)):
        page = client.get(url)
    assert page.content.decode().count("Local</strong>") == 15


def test_local_indicator_sits_beside_the_reports_indicators(client_as, demo, current_review):
    client = client_as(Role.BUSINESS_MANAGER)
    edition = current_edition()
    outcome = edition.outcomes.get(code="3.2")
    client.post(
        reverse("reviews:local_indicators", args=["northshire"]),
        {
            "outcome": outcome.pk,
            "text": "Practitioners can name the learning from the last review.",
        },
    )
    with scopes_disabled():
        local = LocalIndicator.objects.get(partnership=demo["northshire"])
        assert local.code == "3.2.L1"
        assert Rating.objects.filter(review=current_review, local_indicator=local).exists()
        assert Rating.objects.filter(review=current_review, indicator__outcome=outcome).count() > 0


def test_review_export_has_every_indicator_and_neutralises_formulas(
    client_as, current_review, rating_of
):
    client = client_as(Role.BUSINESS_MANAGER)
    _post_rating(client, rating_of("1.1.3"), 2, commentary="=SUM(A1:A9)")
    response = client.get(reverse("reviews:export", args=["northshire", current_review.pk, "csv"]))
    text = response.content.decode("utf-8-sig")
    assert text.count("\n") == 23  # header + the 22 indicators in this year's focus
    assert "'=SUM(A1:A9)" in text
    xlsx = client.get(reverse("reviews:export", args=["northshire", current_review.pk, "xlsx"]))
    assert xlsx["Content-Disposition"].endswith('review-2025-26.xlsx"')


def test_review_tree_is_coloured_by_judgements(client_as, demo):
    with scopes_disabled():
        signed = Review.objects.get(partnership=demo["northshire"], period="2024-25")
    page = client_as(Role.OBSERVER).get(reverse("reviews:tree", args=["northshire", signed.pk]))
    assert page.status_code == 200
    assert b"<svg" in page.content
    assert b"Judgements" in page.content


def test_the_rating_page_says_who_saved_it_and_when(client_as, rating_of):
    manager = client_as(Role.BUSINESS_MANAGER)
    rating = rating_of("1.1.1")
    assert _post_rating(manager, rating, 3).status_code == 302
    rating.refresh_from_db()
    page = manager.get(reverse("reviews:rating", args=["northshire", rating.review_id, rating.pk]))
    when = f"{timezone.localtime(rating.updated_at):%-d %B %Y}"
    assert f"Last saved by {rating.updated_by} on {when}." in page.content.decode()
    assert ", ." not in page.content.decode()

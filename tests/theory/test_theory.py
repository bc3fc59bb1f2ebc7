"""The partnership's own theory of change: starting from the report's indicative activities
and resources, next year's draft as a copy of this year's, pathways with their "because", the
register of enablers and barriers, the joint sign-off that fixes it, and its own tree."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from framework.models import IndicativeActivity, IndicativeResource, Outcome
from framework.selectors import current_edition
from partnerships.models import Membership
from partnerships.roles import Role
from signoff.locking import RecordLocked
from tests.conftest import client_for
from theory import services, signing
from theory.models import Activity, Factor, Pathway, Resource, TheoryOfChange
from theory.trees import NO_ACTIVITY, served_notes, theory_tree_spec


def manager():
    with scopes_disabled():
        return Membership.objects.get(user__email="manager@northshire.example").user


def theory(period: str) -> TheoryOfChange:
    with scopes_disabled():
        return TheoryOfChange.objects.select_related("edition").get(
            partnership__slug="northshire", period=period
        )


def url(name: str, toc: TheoryOfChange | None = None, **kwargs) -> str:
    kwargs = {"partnership": "northshire", **({"theory_id": toc.pk} if toc else {}), **kwargs}
    return reverse(f"theory:{name}", kwargs=kwargs)


def test_the_first_year_starts_from_the_reports_indicative_parts_and_leaves_them_as_written(
    demo,
):
    eastmere = demo["eastmere"]
    edition = current_edition()
    with scope(partnership=eastmere):
        before = list(IndicativeActivity.objects.filter(edition=edition).values_list("text"))
        toc = services.theory_start(
            partnership=eastmere, edition=edition, period="2024-25", actor=manager()
        )
        activities = list(
            toc.activities.select_related("indicative").order_by("indicative__number")
        )
        resources = list(toc.resources.select_related("indicative").order_by("indicative__number"))
        first = activities[0]
        services.activity_save(
            theory=toc, activity=first, values={"title": "Our own words"}, actor=manager()
        )
    assert len(activities) == IndicativeActivity.objects.filter(edition=edition).count()
    assert len(resources) == IndicativeResource.objects.filter(edition=edition).count()
    assert resources[0].title == "Financial contribution of statutory safeguarding partners"
    assert [a.indicative.number for a in activities] == list(range(1, len(activities) + 1))
    # The partnership's copy changed; the report's words did not.
    assert list(IndicativeActivity.objects.filter(edition=edition).values_list("text")) == before
    assert toc.started_from is None


def test_next_years_draft_is_a_copy_of_this_years_that_changes_on_its_own(demo):
    northshire = demo["northshire"]
    agreed = theory("2024-25")
    with scope(partnership=northshire):
        copy = services.theory_start(
            partnership=northshire, edition=current_edition(), period="2026-27", actor=manager()
        )
        draft = theory("2025-26")
        # Copied from the latest year before it (the 2025-26 draft), not the agreed year.
        assert copy.started_from == draft
        assert copy.context == draft.context
        assert signing.freeze(copy) | {"period": "", "title": ""} == signing.freeze(draft) | {
            "period": "",
            "title": "",
        }
        resource = copy.resources.filter(activities__isnull=False).first()
        assert {a.theory_id for a in resource.activities.all()} == {copy.pk}
        activity = copy.activities.first()
        services.activity_save(
            theory=copy, activity=activity, values={"title": "Renamed next year"}, actor=manager()
        )
        old = Activity.objects.get(theory=draft, lineage=activity.lineage)
        lines = signing.changes(signing.freeze(draft), signing.freeze(copy))
    assert old.title != "Renamed next year"
    assert "Activity changed: “Renamed next year”." in lines
    assert agreed.agreed
    assert not draft.agreed


def test_a_year_can_only_be_started_once_and_must_be_a_year(demo):
    northshire = demo["northshire"]
    with scope(partnership=northshire), pytest.raises(ValidationError, match="already"):
        services.theory_start(
            partnership=northshire, edition=current_edition(), period="2025-26", actor=manager()
        )
    client = client_for("manager@northshire.example")
    page = client.post(url("start"), {"period": "2026-28"})
    assert "Enter the year as two years in a row, like 2026-27." in page.content.decode()


def test_demo_northshire_has_its_own_agreed_theory_and_a_draft_that_says_what_changed(
    client_as,
):
    draft = theory("2025-26")
    page = client_as(Role.OBSERVER).get(url("year", draft))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Graded care profile training for every agency" in html  # added this year
    assert "What changed since 2024-25" in html
    assert "Activity added: “Graded care profile training for every agency”." in html
    assert "Enabler or barrier added: “Rural families find it hard" in html
    # The tree draws Northshire's own branches, each a link to its page.
    with scopes_disabled():
        activity = Activity.objects.get(theory=draft, title__startswith="Graded care")
    assert url("activity", draft, own_activity_id=activity.pk) in html
    assert "Young scrutineers and the parents" in html
    assert "Using &#x27;storyboard&#x27; techniques" not in html  # Northshire took it out
    agreed = theory("2024-25")
    assert agreed.agreed
    assert agreed.signoff_state == "signed"


def test_manager_adds_an_activity_with_its_pathway_and_sees_it_on_the_tree(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    draft = theory("2025-26")
    added = client.post(
        url("activity_add", draft),
        {"title": "Neglect champions in every school", "description": "", "delivered_by": ""},
    )
    with scopes_disabled():
        activity = Activity.objects.get(theory=draft, title="Neglect champions in every school")
        outcome = Outcome.objects.get(edition=draft.edition, code="4.3")
    assert added["Location"] == url("activity", draft, own_activity_id=activity.pk)
    page = url("activity", draft, own_activity_id=activity.pk)
    missing = client.post(page, {"action": "pathway", "outcome": outcome.pk, "because": ""})
    assert "Enter why the activity should lead to the outcome." in missing.content.decode()
    linked = client.post(
        page, {"action": "pathway", "outcome": outcome.pk, "because": "staff ask for advice"}
    )
    assert linked.status_code == 302
    twice = client.post(page, {"action": "pathway", "outcome": outcome.pk, "because": "again"})
    assert "This activity is already linked to outcome 4.3." in twice.content.decode()
    with scopes_disabled():
        assert Pathway.objects.filter(activity=activity).count() == 1
        spec = theory_tree_spec(draft, "northshire")
    assert "Neglect champions in every school" in [b.label for b in spec.branches]
    year = client.get(url("year", draft)).content.decode()
    assert "Neglect champions in every school" in year
    assert "staff ask for advice" in year


def test_each_outcome_says_how_many_activities_lead_to_it(demo):
    draft = theory("2025-26")
    with scopes_disabled():
        notes = served_notes(draft)
    assert notes["4.3"] == "1 activity"  # the graded care profile training
    assert notes["1.2"] == "1 activity"
    assert notes["5.2"] == NO_ACTIVITY


def test_an_agreed_year_is_fixed(demo):
    agreed = theory("2024-25")
    with scopes_disabled():
        activity = agreed.activities.first()
        factor = Factor.objects.filter(theory=agreed).first()
    with scopes_disabled(), pytest.raises(RecordLocked):
        services.activity_save(
            theory=agreed, activity=activity, values={"title": "Changed"}, actor=manager()
        )
    with scopes_disabled(), pytest.raises(RecordLocked):
        services.part_delete(theory=agreed, part=factor, actor=manager())


def test_sign_off_needs_a_pathway_and_freezes_the_whole_year(demo):
    eastmere = demo["eastmere"]
    with scope(partnership=eastmere):
        toc = services.theory_start(
            partnership=eastmere, edition=current_edition(), period="2024-25", actor=manager()
        )
        with pytest.raises(ValidationError, match="at least one activity with a pathway"):
            services.theory_request_signoff(theory=toc, actor=manager())
    with scopes_disabled():
        lines = signing.summary(signing.freeze(theory("2024-25")))
    assert lines[0] == "4 activities with 7 pathways, each with its “because”."
    assert lines[1] == "7 of the 16 outcomes served by at least one activity."
    assert lines[3] == "1 enablers and 1 barriers."


def test_a_resource_cannot_name_another_years_activity(demo):
    agreed, draft = theory("2024-25"), theory("2025-26")
    with scopes_disabled():
        other = agreed.activities.first()
        with pytest.raises(ValidationError):
            services.resource_save(
                theory=draft, values={"title": "Money", "activities": [other]}, actor=manager()
            )
        assert not Resource.objects.filter(theory=draft, title="Money").exists()


def test_another_partnerships_theory_is_not_found(outsider_client):
    draft = theory("2025-26")
    assert outsider_client.get(url("year", draft)).status_code == 404
    with scopes_disabled():
        activity = draft.activities.first()
    eastmere_url = reverse(
        "theory:activity",
        kwargs={"partnership": "eastmere", "theory_id": draft.pk, "own_activity_id": activity.pk},
    )
    assert outsider_client.get(eastmere_url).status_code == 404


# Not "page": that name is the browser fixture, and would make this a browser test.
@pytest.mark.parametrize("name", ["year", "list"])
def test_pages_take_the_same_queries_however_much_is_recorded(client_as, name):
    client = client_as(Role.BUSINESS_MANAGER)
    draft = theory("2025-26")
    target = url(name, draft if name == "year" else None)
    client.get(target)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target).status_code == 200
        return len(queries)

    before = count()
    with scopes_disabled():
        outcome = Outcome.objects.get(edition=draft.edition, code="5.2")
        for n in range(3):
            activity = services.activity_save(
                theory=draft, values={"title": f"Extra {n}"}, actor=manager()
            )
            services.pathway_add(activity=activity, outcome=outcome, because="b", actor=manager())
            services.factor_save(
                theory=draft,
                values={"kind": "enabler", "text": f"E{n}", "outcomes": [outcome]},
                actor=manager(),
            )
            services.resource_save(
                theory=draft, values={"title": f"R{n}", "activities": [activity]}, actor=manager()
            )
    assert count() == before


def test_the_agreed_version_is_the_frozen_one_and_reads_as_a_page(client_as):
    from django.contrib.contenttypes.models import ContentType

    from signoff.models import Snapshot

    agreed = theory("2024-25")
    with scopes_disabled():
        snapshot = Snapshot.objects.filter(
            content_type=ContentType.objects.get_for_model(TheoryOfChange), object_id=agreed.pk
        ).get()
    client = client_as(Role.OBSERVER)
    page = client.get(reverse("signoff:version", args=["northshire", snapshot.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Practice forums across agencies every quarter" in html
    assert "Leads to 4.1 Multi-agency working because" in html
    # This year's draft changed after 2024-25 was agreed; the signed version did not.
    assert "Graded care profile training for every agency" not in html
    sign_off = client_as(Role.LEAD_PARTNER).get(url("sign_off", agreed))
    assert sign_off.status_code == 200


def test_the_review_focus_page_names_our_activities_for_each_outcome(client_as, current_review):
    page = client_as(Role.BUSINESS_MANAGER).get(
        reverse("reviews:focus", args=["northshire", current_review.pk])
    )
    html = page.content.decode()
    assert "Our activities for it: Graded care profile training for every agency." in html
    assert "None of our activities leads to it yet." in html

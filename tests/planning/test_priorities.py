"""Planning a priority in five steps, the principles rule for sign-off, pathways, progress
reviews, the priority's tree and its Word document."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from docx import Document

from framework.models import Principle
from partnerships.roles import Role
from planning import services
from planning.models import Pathway, Priority, PriorityOutcome, Reflection
from planning.selectors import logic_model
from planning.trees import priority_tree_spec


def neglect() -> Priority:
    with scopes_disabled():
        return Priority.objects.get(partnership__slug="northshire", title="Neglect")


def url(name: str, priority: Priority | None = None, **kwargs) -> str:
    kwargs = {
        "partnership": "northshire",
        **({"priority_id": priority.pk} if priority else {}),
        **kwargs,
    }
    return reverse(f"planning:{name}", kwargs=kwargs)


def test_manager_plans_a_priority_through_the_five_steps(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    start = client.post(url("add"), {"title": "Exploitation outside the home"})
    with scopes_disabled():
        priority = Priority.objects.get(title="Exploitation outside the home")
        principles = list(Principle.objects.filter(edition=priority.edition).order_by("number"))
    assert start["Location"] == url("step", priority, number=1)
    step1 = client.post(
        url("step", priority, number=1),
        {
            "issue": "Young people are drawn into county lines.",
            "target_groups": "Young people aged 12-17\nParents",
            "overall_change": "Fewer young people exploited.",
            "principles_influence": "",
            "context": "",
            "version": 1,
        },
    )
    assert step1["Location"] == url("step", priority, number=2)
    client.post(
        url("step", priority, number=2),
        {
            "target_group": "Young people aged 12-17",
            "term": "short",
            "text": "Young people know where to get help.",
            "on_course": "",
        },
    )
    client.post(
        url("step", priority, number=3),
        {"title": "Detached youth work", "key_features": "", "delivered_by": "", "duration": ""},
    )
    with scopes_disabled():
        outcome = PriorityOutcome.objects.get(priority=priority)
        activity = priority.activities.get()
    linked = client.post(
        url("activity", priority, activity_id=activity.pk),
        {
            "action": "pathway",
            "outcome": outcome.pk,
            "because": "trusted adults hear about risk first",
        },
    )
    assert linked.status_code == 302
    twice = client.post(
        url("activity", priority, activity_id=activity.pk),
        {
            "action": "pathway",
            "outcome": outcome.pk,
            "because": "again",
        },
    )
    assert "already linked to that outcome" in twice.content.decode()
    client.post(
        url("step", priority, number=4),
        {
            "activity": activity.pk,
            "kind": "staff_time",
            "description": "Two youth workers",
            "provided_by": "The council",
        },
    )
    partial = {f"principle_{p.number}": f"Reflection {p.number}" for p in principles[:5]}
    client.post(url("step", priority, number=5), partial)
    refused = client.post(url("sign_off", priority), {"action": "request"})
    assert "Write a reflection on each of the six principles" in refused.content.decode()
    client.post(url("step", priority, number=5), partial | {"principle_6": "Reflection 6"})
    asked = client.post(url("sign_off", priority), {"action": "request"})
    assert asked.status_code == 302
    with scopes_disabled():
        assert (
            Pathway.objects.get(activity=activity).because == "trusted adults hear about risk first"
        )
        assert Reflection.objects.filter(priority=priority).count() == 6
        assert priority.activities.get().resources.get().kind == "staff_time"
    # Awaiting sign-off: the plan is locked.
    locked = client.post(url("step", priority, number=3), {"title": "Another"})
    assert locked.status_code == 302
    with scopes_disabled():
        assert priority.activities.count() == 1


def test_blank_reflection_removes_it(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    client.post(url("add"), {"title": "Online harm"})
    with scopes_disabled():
        priority = Priority.objects.get(title="Online harm")
    client.post(url("step", priority, number=5), {"principle_1": "Written", "principle_2": "Also"})
    client.post(url("step", priority, number=5), {"principle_1": "Written", "principle_2": " "})
    with scopes_disabled():
        assert [r.principle.number for r in priority.reflections.all()] == [1]
        assert len(services.missing_principles(priority)) == 5


def test_agreed_priority_is_locked_until_reopened(client_as):
    priority = neglect()
    assert priority.agreed
    client = client_as(Role.BUSINESS_MANAGER)
    page = client.get(url("step", priority, number=3)).content.decode()
    assert "awaiting or past sign-off" in page
    reopened = client.post(
        url("sign_off", priority),
        {"action": "reopen", "reason": "New activity agreed at the executive"},
    )
    assert reopened.status_code == 302
    with scopes_disabled():
        priority.refresh_from_db()
    assert not priority.agreed
    added = client.post(
        url("step", priority, number=3),
        {"title": "Neglect awareness week", "key_features": "", "delivered_by": "", "duration": ""},
    )
    assert added.status_code == 302


def test_progress_review_by_a_contributor_colours_the_tree(client_as):
    priority = neglect()
    with scopes_disabled():
        outcome = priority.outcomes.order_by("pk").first()
    page = client_as(Role.SUBGROUP_MEMBER).post(
        url("progress", priority, outcome_id=outcome.pk),
        {"date": "1/11/2026", "status": "off_track", "note": "Numbers rose again."},
    )
    assert page.status_code == 302
    with scopes_disabled():
        model = logic_model(priority)
        spec = priority_tree_spec(priority, model, "northshire")
    leaf = next(
        leaf
        for group in spec.leaf_groups
        for leaf in group.leaves
        if leaf.label.endswith("(Off track)")
    )
    assert leaf.colour == "#d4351c"


def test_tree_has_every_part_of_the_plan(demo):
    priority = neglect()
    with scopes_disabled():
        spec = priority_tree_spec(priority, logic_model(priority), "northshire")
    assert [g.name for g in spec.leaf_groups] == [
        "Children under 5 living with neglect",
        "Parents and carers",
        "Practitioners across agencies",
    ]
    assert len(spec.branches) == 3
    assert len(spec.trunk) == 5
    assert len(spec.roots) == 6
    assert spec.birds[0].label.startswith("Overall change:")


def test_word_document_has_headings_tables_and_the_tree(client_as):
    response = client_as(Role.OBSERVER).get(url("word", neglect()))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Step one: the issue" in headings
    assert "Step five: the principles (the roots)" in headings
    logic = document.tables[1]
    assert [c.text for c in logic.rows[0].cells][:2] == ["Resources (trunk)", "Activity (branch)"]
    assert any("Graded care profile" in row.cells[1].text for row in logic.rows[1:])
    assert len(document.inline_shapes) == 1
    assert "outcomes as leaves" in document.inline_shapes[0]._inline.docPr.get("descr")


@pytest.mark.parametrize("name", ["tree", "logic_model", "priority"])
def test_priority_pages_render(client_as, name):
    page = client_as(Role.OBSERVER).get(url(name, neglect()))
    assert page.status_code == 200
    assert "Graded care profile" in page.content.decode() or name == "priority"


def test_priorities_appear_under_their_outcomes_in_a_review(client_as, current_review):
    page = client_as(Role.BUSINESS_MANAGER).get(
        reverse("reviews:judgement", args=["northshire", current_review.pk, "1.2"])
    )
    assert "Priority: Neglect (agreed)" in page.content.decode()


def test_priority_list_has_a_fixed_query_count(client_as, django_assert_max_num_queries):
    client = client_as(Role.OBSERVER)
    with django_assert_max_num_queries(15):
        assert client.get(url("list")).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(url("logic_model", neglect())).status_code == 200


def test_an_empty_plan_still_has_a_tree_logic_model_and_word_file(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    client.post(url("add"), {"title": "Harm online"})
    with scopes_disabled():
        priority = Priority.objects.get(title="Harm online")
    for name in ("tree", "logic_model", "priority", "word"):
        assert client.get(url(name, priority)).status_code == 200, name
    for number in range(1, 6):
        assert client.get(url("step", priority, number=number)).status_code == 200, number


def test_a_priority_reuses_an_activity_and_a_resource_from_our_theory_of_change(client_as):
    from theory.models import Activity as TheoryActivity
    from theory.models import Resource as TheoryResource

    client = client_as(Role.BUSINESS_MANAGER)
    client.post(url("add"), {"title": "Online harm"})
    with scopes_disabled():
        priority = Priority.objects.get(title="Online harm")
        ours = TheoryActivity.objects.get(
            theory__partnership__slug="northshire",
            theory__period="2025-26",
            title__startswith="Practice forums",
        )
        resource = TheoryResource.objects.filter(theory=ours.theory).exclude(provided_by="")[0]
    step3 = url("step", priority, number=3)
    page = client.get(step3).content.decode()
    assert "One of our activities (optional)" in page
    blank = client.post(step3, {"from_theory": "", "title": ""})
    assert "Enter the activity, or choose one of your own above." in blank.content.decode()
    client.post(step3, {"from_theory": ours.pk, "title": ""})
    with scopes_disabled():
        activity = priority.activities.get()
    assert activity.title == ours.title
    assert activity.key_features == ours.description
    assert activity.from_theory == ours
    client.post(
        url("step", priority, number=4),
        {"from_theory": resource.pk, "activity": activity.pk, "kind": "funding"},
    )
    with scopes_disabled():
        added = activity.resources.get()
        from planning import signing

        frozen = signing.freeze(priority)
    assert added.from_theory == resource
    assert added.provided_by == resource.provided_by
    assert frozen["activities"][0]["from_theory"] == ours.title
    assert "From our theory of change" in client.get(step3).content.decode()


def test_only_those_who_may_change_a_plan_are_offered_its_forms(client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    manager.post(url("add"), {"title": "Domestic abuse"})
    with scopes_disabled():
        priority = Priority.objects.get(title="Domestic abuse")
    manager.post(url("step", priority, number=3), {"title": "Operation Encompass"})
    with scopes_disabled():
        activity = priority.activities.get()
    page = url("activity", priority, activity_id=activity.pk)
    assert "Add the pathway" in manager.get(page).content.decode()
    # A lead partner reads the plan (it is not locked) but does not change it.
    read_only = client_as(Role.LEAD_PARTNER).get(page).content.decode()
    assert "Operation Encompass" in read_only
    assert "Add the pathway" not in read_only
    assert "Remove this activity" not in read_only
    step = client_as(Role.LEAD_PARTNER).get(url("step", priority, number=3)).content.decode()
    assert "Operation Encompass" in step
    assert "Save and go to the next step" not in step
    assert ">View<span" in step
    assert "Change and link" not in step
    assert "Change and link" in manager.get(url("step", priority, number=3)).content.decode()

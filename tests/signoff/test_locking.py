"""One lock for every signed record: from the moment sign-off is asked until it is reopened,
every declared writer of the record or its parts is refused with the one message; and every
service function that writes those models is declared."""

from __future__ import annotations

import ast
import importlib
import inspect
from types import SimpleNamespace

import pytest
from django_scopes import scope, scopes_disabled

from demo.reviews import sign_by_every_body
from partnerships.models import Membership
from planning.models import Priority
from reports.models import YearlyReport
from reviews.models import OutcomeJudgement, Rating, Review
from signoff import services as signoff
from signoff.locking import REOPEN_HINT, WRITERS, RecordLocked
from signoff.models import SignoffState
from theory.models import TheoryOfChange

pytestmark = pytest.mark.django_db

# Modules whose functions may write a signable record or its parts.
WRITING_MODULES = [
    "reviews.services",
    "planning.services",
    "theory.services",
    "reports.services",
    "participation.workshops",
]
# The models that make up a signed record (the record itself and its parts).
SIGNED_PARTS = {
    "Review",
    "Rating",
    "OutcomeJudgement",
    "Priority",
    "PriorityOutcome",
    "Activity",
    "Pathway",
    "Resource",
    "Reflection",
    "YearlyReport",
    "NarrativeSection",
    "TheoryOfChange",
    "Factor",
}
WRITE_CALLS = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "update_or_create",
    "get_or_create",
    "set",
    "add",
    "remove",
    "clear",
    "save_values",
    "save_versioned",
}
# Functions that write those models but are not edits of a signed record, and why.
NOT_EDITS = {
    "reviews.services.review_start": "makes a new review (carried forward from the last)",
    "reviews.services.local_indicator_add": "a partnership's own indicator; it is rated in the "
    "open review only while that review is not locked",
    "reviews.services.review_request_signoff": "sign-off itself (signoff.services)",
    "planning.services.priority_start": "makes a new priority",
    "planning.services.priority_request_signoff": "sign-off itself",
    "planning.services.progress_add": "progress reviews continue after a plan is agreed",
    "theory.services.theory_start": "makes a new year (a copy of the year before)",
    "theory.services._from_indicative": "fills a new year, inside theory_start",
    "theory.services._copy": "fills a new year, inside theory_start",
    "theory.services.theory_request_signoff": "sign-off itself",
    "reports.services.report_start": "makes a new report",
    "reports.services.report_generate": "a draft file to read; changes nothing signed",
    "reports.services.report_request_signoff": "sign-off itself",
    "reports.services.report_publish": "publishes the signed version",
    "reports.services.report_withdraw": "takes a publication down; the signed version stays",
    "reports.services._keep": "stores a file made from the report",
    "participation.workshops.workshop_open": "a workshop, not a signed record",
}


def _writes_signed_parts(function) -> bool:
    tree = ast.parse(inspect.getsource(inspect.unwrap(function)).lstrip())
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    annotations = {
        n.annotation.id
        for n in ast.walk(tree)
        if isinstance(n, ast.arg) and isinstance(n.annotation, ast.Name)
    }
    calls = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                calls.add(node.func.attr)
            elif isinstance(node.func, ast.Name) and node.func.id.startswith("save_"):
                calls.add(node.func.id)
    touches = (names | annotations) & SIGNED_PARTS or {"form", "item"} & {
        a.arg for a in ast.walk(tree) if isinstance(a, ast.arg)
    }
    return bool(touches) and bool(calls & WRITE_CALLS)


def test_every_function_that_writes_a_signed_record_is_declared():
    undeclared = []
    for module_name in WRITING_MODULES:
        module = importlib.import_module(module_name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            qualified = f"{module_name}.{name}"
            if function.__module__ != module_name or qualified in NOT_EDITS:
                continue
            if qualified not in WRITERS and _writes_signed_parts(function):
                undeclared.append(qualified)
    assert undeclared == []


def test_the_declared_list_and_the_exemptions_name_real_functions():
    for qualified in [*WRITERS, *NOT_EDITS]:
        module_name, _, name = qualified.rpartition(".")
        assert hasattr(importlib.import_module(module_name), name), qualified


def _manager(demo):
    with scopes_disabled():
        return Membership.objects.get(
            partnership=demo["northshire"], user__email="manager@northshire.example"
        ).user


def _arguments(demo) -> tuple[dict[str, dict], dict]:
    """For each declared writer, arguments that name a record of each kind; the lock is checked
    before anything else, so nothing else in them needs to be real."""
    northshire = demo["northshire"]
    with scopes_disabled():
        review = Review.objects.get(partnership=northshire, period="2025-26")
        rating = Rating.objects.filter(review=review).first()
        judgement = OutcomeJudgement.objects.filter(review=review).first()
        priority = Priority.objects.get(partnership=northshire, title="Neglect")
        report = YearlyReport.objects.get(partnership=northshire, period="2024-25")
        section = report.sections.first()
        activity = priority.activities.first()
        outcome = priority.outcomes.first()
        workshop = SimpleNamespace(priority_id=priority.pk, priority=priority)
        toc = TheoryOfChange.objects.get(partnership=northshire, period="2025-26")
        toc_activity = toc.activities.first()
    dummy = SimpleNamespace()
    edit = {"values": {}, "expected_version": None}
    return {
        "reviews.services.rating_save": {"rating": rating, **edit},
        "reviews.services.judgement_save": {"judgement": judgement, **edit},
        "reviews.services.ratings_assign": {"review": review, "outcomes": [], "owner": dummy},
        "reviews.services.rating_owner_set": {"rating": rating, "owner": None},
        "reviews.services.ratings_import": {"review": review, "rows": [], "file_name": "x"},
        "reviews.services.review_focus_set": {
            "review": review,
            "outcome_ids": set(),
            "rating_ids": set(),
        },
        "planning.services.issue_save": {"priority": priority, **edit},
        "planning.services.outcome_save": {"priority": priority, "values": {}},
        "planning.services.activity_save": {"priority": priority, "values": {}},
        "planning.services.pathway_add": {"activity": activity, "outcome": dummy, "because": ""},
        "planning.services.resource_save": {"priority": priority, "values": {}},
        "planning.services.part_delete": {"priority": priority, "part": dummy},
        "planning.services.reflections_save": {"priority": priority, "reflections": {}},
        "reports.services.report_links_save": {"report": report, **edit},
        "reports.services.section_save": {"report": report, "values": {}},
        "reports.services.section_delete": {"section": section},
        "planning.services.outcome_add": {"priority": priority, "target_group": "", "text": ""},
        "planning.services.activity_add": {"priority": priority, "title": ""},
        "planning.services.context_append": {"priority": priority, "paragraph": ""},
        "planning.services.on_course_append": {
            "outcome": outcome,
            "paragraph": "",
        },
        "planning.services.because_append": {
            "pathway": SimpleNamespace(activity=activity),
            "paragraph": "",
        },
        "reviews.services.judgement_narrative_append": {"judgement": judgement, "paragraph": ""},
        "reviews.services.rating_text_append": {
            "rating": rating,
            "field": "commentary",
            "paragraph": "",
        },
        "theory.services.context_save": {"theory": toc, **edit},
        "theory.services.activity_save": {"theory": toc, "values": {}},
        "theory.services.pathway_add": {"activity": toc_activity, "outcome": dummy, "because": ""},
        "theory.services.resource_save": {"theory": toc, "values": {}},
        "theory.services.factor_save": {"theory": toc, "values": {}},
        "theory.services.part_delete": {"theory": toc, "part": dummy},
        "participation.workshops.note_promote": {
            "workshop": workshop,
            "item": dummy,
            "target": "outcome",
        },
    }, {"review": review, "priority": priority, "report": report, "theory": toc}


def _record_of(qualified: str) -> str:
    if qualified.startswith("reviews."):
        return "review"
    if qualified.startswith("reports."):
        return "report"
    if qualified.startswith("theory."):
        return "theory"
    return "priority"


@pytest.mark.parametrize("state", [SignoffState.AWAITING, SignoffState.SIGNED])
def test_every_declared_writer_is_refused_while_locked(demo, state):
    arguments, records = _arguments(demo)
    assert set(arguments) == set(WRITERS), "give every declared writer its arguments here"
    manager = _manager(demo)
    with scope(partnership=demo["northshire"]):
        for record in records.values():
            type(record).objects.filter(pk=record.pk).update(signoff_state=state)
        for qualified, kwargs in arguments.items():
            with pytest.raises(RecordLocked) as refused:
                WRITERS[qualified](**kwargs, actor=manager)
            assert REOPEN_HINT in refused.value.messages[0], qualified
            name = records[_record_of(qualified)].signoff_name
            assert refused.value.messages[0].startswith(name), qualified


def test_asking_for_sign_off_locks_at_once_and_reopening_unlocks(demo, rating_of):
    from reviews import services

    northshire = demo["northshire"]
    manager = _manager(demo)
    with scope(partnership=northshire):
        rating = rating_of("1.1.1")
        review = rating.review
        services.review_request_signoff(review=review, actor=manager)
        assert review.signoff_state == SignoffState.AWAITING
        with pytest.raises(RecordLocked, match="The review is awaiting sign-off"):
            services.rating_owner_set(rating=rating, owner=None, actor=manager)
        sign_by_every_body(northshire, review)
        review.refresh_from_db()
        assert review.signoff_state == SignoffState.SIGNED
        with pytest.raises(RecordLocked, match="The review has been signed off"):
            services.rating_owner_set(rating=rating, owner=None, actor=manager)
        signoff.signoff_reopen_current(target=review, reason="A rating was wrong.", actor=manager)
        review.refresh_from_db()
        assert review.signoff_state == SignoffState.DRAFT
        services.rating_owner_set(rating=rating_of("1.1.1"), owner=None, actor=manager)
        assert signoff.current_round(review) is None

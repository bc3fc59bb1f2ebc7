"""Workshops: guests join with a code and add notes anonymously; a guest reaches nothing
outside the session; the facilitator groups, hides and promotes notes into a priority's plan
or a review in one step; sessions export."""

from __future__ import annotations

import csv
import io

import pytest
from django.conf import settings
from django.db import models
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from audit.models import AuditEntry
from participation.models import Column, Note, NoteSupport, Workshop
from participation.workshops import normalise_code, workshop_by_code
from partnerships.roles import Role
from planning.models import Activity, Priority, PriorityOutcome


def url(name: str, **kwargs) -> str:
    return reverse(f"participation:{name}", kwargs={"partnership": "northshire", **kwargs})


def live(slug="northshire") -> Workshop:
    with scopes_disabled():
        return Workshop.objects.get(partnership__slug=slug, status=Workshop.Status.OPEN)


def join(code: str) -> Client:
    guest = Client()
    response = guest.post(reverse("workshop_guest:join"), {"code": code})
    assert response.status_code == 302
    return guest


def board(code: str) -> str:
    return reverse("workshop_guest:board", args=[code])


def test_a_note_has_no_author_time_or_order(demo):
    fields = {f.name for f in Note._meta.get_fields()}
    assert fields == {
        "id",
        "partnership",
        "workshop",
        "column",
        "text",
        "supports",
        "group",
        "hidden",
        "promoted_to",
        "promoted_href",
        "support_keys",
    }
    kinds = {type(f) for f in Note._meta.get_fields()}
    assert not kinds & {models.DateTimeField, models.DateField, models.GenericIPAddressField}
    assert isinstance(Note._meta.pk, models.UUIDField)


def test_guest_joins_and_adds_a_note_that_records_no_one(demo):
    workshop = live()
    guest = join(workshop.code.lower())  # codes are forgiving about case
    before = AuditEntry.objects.count()
    page = guest.get(board(workshop.code)).content.decode()
    assert workshop.title in page
    assert "Young people see their ideas change something" in page
    sent = guest.post(
        board(workshop.code),
        {"form": "note", "column": "enablers", "text": "A youth worker who knows us"},
    )
    assert sent.status_code == 302
    with scopes_disabled():
        note = Note.objects.get(text="A youth worker who knows us")
    assert note.workshop == workshop
    assert note.column == "enablers"
    assert AuditEntry.objects.count() == before  # guests' notes are never audited
    assert str(note.pk) not in str(dict(guest.session))


def test_a_note_must_say_something_and_choose_a_column(demo):
    workshop = live()
    guest = join(workshop.code)
    page = guest.post(
        board(workshop.code), {"form": "note", "column": "", "text": " "}
    ).content.decode()
    assert "Choose a column for your note." in page
    assert "Write your note." in page
    long = guest.post(board(workshop.code), {"form": "note", "column": "why", "text": "x" * 501})
    assert "500 characters" in long.content.decode()


def test_a_wrong_code_says_so_without_revealing_anything(client, demo):
    page = client.post(reverse("workshop_guest:join"), {"code": "ZZZZZZ"}).content.decode()
    assert "There is no open workshop with this code." in page
    short = client.post(reverse("workshop_guest:join"), {"code": "AB"}).content.decode()
    assert "The code is 6 letters and numbers" in short
    assert normalise_code(" k7m-p2q ") == "K7MP2Q"


def test_guest_cannot_reach_anything_outside_the_session(demo):
    workshop = live()
    guest = join(workshop.code)
    with scopes_disabled():
        other = Workshop.objects.create(
            partnership=demo["eastmere"],
            title="Eastmere session",
            code="EEEEEE",
            category=workshop.category,
        )
        secret = Note.objects.create(
            partnership=other.partnership, workshop=other, column="why", text="Eastmere only"
        )
        finished = Workshop.objects.get(partnership=demo["northshire"], status="closed")
    # Another open workshop's board, without joining it: sent to the join page.
    other_board = guest.get(board(other.code))
    assert other_board.status_code == 302
    assert other_board["Location"] == reverse("workshop_guest:join")
    # The finished workshop's board: its code no longer works.
    assert guest.get(board(finished.code)).status_code == 302
    # Supporting another workshop's note through this board changes nothing.
    guest.post(board(workshop.code), {"form": "support", "note": str(secret.pk)})
    with scopes_disabled():
        secret.refresh_from_db()
    assert secret.supports == 0
    # The facilitator's pages and the partnership's pages need an account.
    for path in (
        url("workshop", workshop_id=workshop.pk),
        url("voices"),
        url("export", workshop_id=workshop.pk, fmt="csv"),
    ):
        response = guest.get(path)
        assert response.status_code == 302
        assert "/sign-in/" in response["Location"]
    response = guest.post(url("workshop", workshop_id=workshop.pk), {"form": "close"})
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]
    with scopes_disabled():
        workshop.refresh_from_db()
    assert workshop.is_open


def test_guests_never_see_hidden_notes(client_as, demo):
    workshop = live()
    with scopes_disabled():
        note = Note.objects.filter(workshop=workshop).first()
    manager = client_as(Role.BUSINESS_MANAGER)
    manager.post(url("workshop", workshop_id=workshop.pk), {"form": "hide", "note": str(note.pk)})
    page = join(workshop.code).get(board(workshop.code)).content.decode()
    assert note.text not in page
    assert note.text in manager.get(url("workshop", workshop_id=workshop.pk)).content.decode()


def test_a_guest_supports_a_note_once(demo):
    workshop = live()
    guest = join(workshop.code)
    with scopes_disabled():
        note = Note.objects.filter(workshop=workshop).order_by("text").first()
        before = note.supports
    for _ in range(3):
        guest.post(board(workshop.code), {"form": "support", "note": str(note.pk)})
    with scopes_disabled():
        note.refresh_from_db()
    assert note.supports == before + 1
    assert "You support this" in guest.get(board(workshop.code)).content.decode()
    # A second guest adds their own support.
    join(workshop.code).post(board(workshop.code), {"form": "support", "note": str(note.pk)})
    with scopes_disabled():
        note.refresh_from_db()
    assert note.supports == before + 2


def test_a_support_is_recorded_on_the_server_and_says_nothing_of_the_guest(demo):
    workshop = live()
    guest = join(workshop.code)
    with scopes_disabled():
        note = Note.objects.filter(workshop=workshop).order_by("text").first()
        before = note.supports
    guest.post(board(workshop.code), {"form": "support", "note": str(note.pk)})
    # Whatever the browser forgets but its session, the guest is still known to have supported.
    for name in list(guest.cookies):
        if name != settings.SESSION_COOKIE_NAME:
            del guest.cookies[name]
    guest.post(board(workshop.code), {"form": "support", "note": str(note.pk)})
    secret = guest.session["workshop_guest"]
    with scopes_disabled():
        note.refresh_from_db()
        keys = list(NoteSupport.objects.filter(note=note).values_list("key", flat=True))
    assert note.supports == before + 1
    assert len(keys) == 1
    assert secret not in keys[0]
    assert {f.name for f in NoteSupport._meta.get_fields()} == {"id", "partnership", "note", "key"}


def test_a_finished_workshop_takes_no_more_notes(client_as, demo):
    workshop = live()
    guest = join(workshop.code)
    client_as(Role.BUSINESS_MANAGER).post(
        url("workshop", workshop_id=workshop.pk), {"form": "close"}
    )
    assert workshop_by_code(workshop.code) is None
    response = guest.post(board(workshop.code), {"form": "note", "column": "why", "text": "Late"})
    assert response.status_code == 302
    with scopes_disabled():
        assert not Note.objects.filter(text="Late").exists()


def test_joining_is_rate_limited(client, demo):
    for _ in range(60):
        client.post(reverse("workshop_guest:join"), {"code": "ZZZZZZ"})
    assert client.post(reverse("workshop_guest:join"), {"code": live().code}).status_code == 429


@pytest.fixture
def open_plan(demo):
    """A priority still being planned, with a workshop on it that has notes."""
    with scopes_disabled():
        northshire = demo["northshire"]
        neglect = Priority.objects.get(partnership=northshire, title="Neglect")
        priority = Priority.objects.create(
            partnership=northshire,
            edition=neglect.edition,
            title="Exploitation",
            target_groups="Teenagers at risk outside the home\nParents and carers",
        )
    return priority


def test_facilitator_promotes_notes_into_the_plan(client_as, open_plan):
    manager = client_as(Role.BUSINESS_MANAGER)
    opened = manager.post(
        url("workshop_add"),
        {
            "title": "Exploitation ideas",
            "subject": f"priority:{open_plan.pk}",
            "held_on": "20/11/2026",
        },
    )
    assert opened.status_code == 302
    with scopes_disabled():
        workshop = Workshop.objects.get(title="Exploitation ideas")
    guest = join(workshop.code)
    for column, text in [
        ("outcomes", "Teenagers know a trusted adult to go to"),
        ("activities", "Detached youth work in the town centre"),
        ("barriers", "Young people do not trust the police"),
    ]:
        guest.post(board(workshop.code), {"form": "note", "column": column, "text": text})
    with scopes_disabled():
        notes = {n.text: n for n in Note.objects.filter(workshop=workshop)}
    promote = url("promote", workshop_id=workshop.pk)
    form = manager.get(
        promote + f"?item=note:{notes['Teenagers know a trusted adult to go to'].pk}"
    )
    assert 'value="outcome" selected' in form.content.decode()
    for text, target in [
        ("Teenagers know a trusted adult to go to", "outcome"),
        ("Detached youth work in the town centre", "activity"),
        ("Young people do not trust the police", "context"),
    ]:
        done = manager.post(
            promote,
            {
                "item": f"note:{notes[text].pk}",
                "target": target,
                "target_group": "Teenagers at risk outside the home",
            },
        )
        assert done.status_code == 302, done.content.decode()
    with scopes_disabled():
        outcome = PriorityOutcome.objects.get(priority=open_plan)
        assert outcome.text == "Teenagers know a trusted adult to go to"
        assert outcome.target_group == "Teenagers at risk outside the home"
        assert (
            Activity.objects.get(priority=open_plan).title
            == "Detached youth work in the town centre"
        )
        open_plan.refresh_from_db()
        assert "Young people do not trust the police" in open_plan.context
        assert "From the workshop “Exploitation ideas”" in open_plan.context
        promoted = Note.objects.get(pk=notes["Young people do not trust the police"].pk)
    assert promoted.promoted_to == "the contextual factors of “Exploitation”"
    again = manager.post(promote, {"item": f"note:{promoted.pk}", "target": "context"})
    assert "This has already been added" in again.content.decode()
    board_page = manager.get(url("workshop", workshop_id=workshop.pk)).content.decode()
    assert "Added</strong> to" in board_page


def test_grouped_notes_go_into_a_review_in_one_step(client_as, current_review):
    from reviews.models import Rating

    workshop = live()
    manager = client_as(Role.BUSINESS_MANAGER)
    with scopes_disabled():
        ids = [str(n.pk) for n in Note.objects.filter(workshop=workshop, column="barriers")]
        Note.objects.create(
            partnership=workshop.partnership,
            workshop=workshop,
            column="outcomes",
            text="Other column",
        )
        other = str(Note.objects.get(text="Other column").pk)
    mixed = manager.post(
        url("workshop", workshop_id=workshop.pk),
        {"form": "group", "notes": [*ids, other], "name": "Mixed"},
    )
    assert "Choose notes from one column to group them." in mixed.content.decode()
    grouped = manager.post(
        url("workshop", workshop_id=workshop.pk), {"form": "group", "notes": ids, "name": "Timing"}
    )
    assert grouped.status_code == 302
    with scopes_disabled():
        group = workshop.groups.get(name="Timing")
        rating = Rating.objects.get(review=current_review, indicator__code="3.1.1")
        version = rating.version
    done = manager.post(
        url("promote", workshop_id=workshop.pk),
        {"item": f"group:{group.pk}", "target": f"rating:{rating.pk}"},
    )
    assert done.status_code == 302, done.content.decode()
    with scopes_disabled():
        rating.refresh_from_db()
    # A barriers note goes to the rating's barriers, and the version moves on so anyone
    # editing the rating at the same moment is told rather than overwritten.
    assert "Timing: Meetings are in school time" in rating.barriers
    assert rating.version == version + 1


def test_a_signed_off_plan_takes_no_notes(client_as, demo):
    with scopes_disabled():
        neglect = Priority.objects.get(partnership=demo["northshire"], title="Neglect")
        finished = Workshop.objects.get(partnership=demo["northshire"], priority=neglect)
        note = Note.objects.filter(workshop=finished, promoted_to="").first()
    manager = client_as(Role.BUSINESS_MANAGER)
    page = manager.get(url("promote", workshop_id=finished.pk) + f"?item=note:{note.pk}")
    assert "The plan is agreed or awaiting sign-off. Reopen it first." in page.content.decode()
    refused = manager.post(
        url("promote", workshop_id=finished.pk), {"item": f"note:{note.pk}", "target": "activity"}
    )
    assert "Reopen it first." in refused.content.decode()
    with scopes_disabled():
        note.refresh_from_db()
        assert note.promoted_to == ""
        assert not Activity.objects.filter(priority=neglect, title=note.text).exists()


def test_demo_workshop_notes_became_part_of_neglect(client_as, demo):
    with scopes_disabled():
        finished = Workshop.objects.get(partnership=demo["northshire"], status="closed")
    page = client_as(Role.OBSERVER).get(url("workshop", workshop_id=finished.pk)).content.decode()
    assert "a new activity in “Neglect”" in page
    assert "a new outcome for Parents and carers" in page


def test_session_exports_every_note_without_authors(client_as, demo):
    workshop = live()
    response = client_as(Role.OBSERVER).get(url("export", workshop_id=workshop.pk, fmt="csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Column", "Note", "Supports", "Group", "Hidden", "Added to"]
    assert {r[1] for r in rows[1:]} >= {"Meetings are in school time"}
    excel = client_as(Role.OBSERVER).get(url("export", workshop_id=workshop.pk, fmt="xlsx"))
    assert excel.status_code == 200
    assert excel.content[:2] == b"PK"


def test_board_query_count_is_fixed(client_as, django_assert_max_num_queries):
    workshop = live()
    client = client_as(Role.BUSINESS_MANAGER)
    client.get(url("workshop", workshop_id=workshop.pk))
    with scopes_disabled():
        Note.objects.bulk_create(
            Note(partnership=workshop.partnership, workshop=workshop, column=c, text=f"Idea {i}")
            for i, c in enumerate(Column.values * 10)
        )
    with django_assert_max_num_queries(30):
        assert client.get(url("workshop", workshop_id=workshop.pk)).status_code == 200


def test_the_board_counts_its_notes_for_the_new_notes_check(client_as, demo):
    """Guests and the facilitator ask how many notes the board shows; hidden notes are not
    counted, and a guest must have joined."""
    workshop = live()
    guest = join(workshop.code)
    with scopes_disabled():
        shown = Note.objects.filter(workshop=workshop, hidden=False).count()
    assert guest.get(board(workshop.code) + "?count=1").json() == {"notes": shown}
    guest.post(board(workshop.code), {"form": "note", "column": "enablers", "text": "Buses"})
    assert guest.get(board(workshop.code) + "?count=1").json() == {"notes": shown + 1}
    with scopes_disabled():
        Note.objects.filter(text="Buses").update(hidden=True)
    facilitator = client_as(Role.BUSINESS_MANAGER)
    counted = facilitator.get(url("workshop", workshop_id=workshop.pk) + "?count=1")
    assert counted.json() == {"notes": shown}
    assert Client().get(board(workshop.code) + "?count=1").status_code == 302  # not joined

"""One support per guest, recorded on the server (service level, built with factories)."""

from __future__ import annotations

import pytest
from django_scopes import scope

from participation import workshops
from participation.models import NoteSupport
from tests.factories import NoteFactory

pytestmark = pytest.mark.django_db


def test_each_guest_supports_a_note_once():
    note = NoteFactory()
    first, second = workshops.guest_secret(), workshops.guest_secret()
    with scope(partnership=note.partnership):
        assert workshops.note_support(workshop=note.workshop, note_id=note.pk, guest=first)
        assert not workshops.note_support(workshop=note.workshop, note_id=note.pk, guest=first)
        assert workshops.note_support(workshop=note.workshop, note_id=note.pk, guest=second)
        note.refresh_from_db()
        assert note.supports == 2
        assert workshops.notes_supported(workshop=note.workshop, guest=first, notes=[note]) == {
            note.pk
        }
        assert NoteSupport.objects.filter(note=note).count() == 2


def test_a_hidden_note_or_another_workshops_note_takes_no_support():
    hidden = NoteFactory(hidden=True)
    elsewhere = NoteFactory()
    guest = workshops.guest_secret()
    with scope(partnership=hidden.partnership):
        assert not workshops.note_support(workshop=hidden.workshop, note_id=hidden.pk, guest=guest)
        assert not workshops.note_support(
            workshop=hidden.workshop, note_id=elsewhere.pk, guest=guest
        )


def test_the_stored_key_is_not_the_guests_secret_and_differs_by_note():
    guest = workshops.guest_secret()
    one, two = NoteFactory(), NoteFactory()
    assert workshops.support_key(guest, one.pk) != workshops.support_key(guest, two.pk)
    assert guest not in workshops.support_key(guest, one.pk)

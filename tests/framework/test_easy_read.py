"""The outcomes in easy read: every outcome of the edition has its words, the page is public,
and it says the words are the platform's, not the report's."""

from __future__ import annotations

from django.urls import reverse

from framework.easy_read import EASY_READ, easy_read_outcomes
from framework.models import Outcome
from framework.selectors import current_edition


def test_every_outcome_of_the_current_edition_has_easy_read_words(db):
    edition = current_edition()
    written = {code for c in easy_read_outcomes(edition) for code in c.outcomes}
    codes = set(Outcome.objects.filter(edition=edition).values_list("code", flat=True))
    assert written == codes
    numbers = [c.number for c in easy_read_outcomes(edition)]
    assert numbers == sorted(set(numbers)) == [1, 2, 3, 4, 5]


def test_easy_read_sentences_are_short(db):
    for categories in EASY_READ.values():
        for category in categories:
            for words in category.outcomes.values():
                for sentence in words.split(". "):
                    assert len(sentence.split()) <= 15, sentence


def test_anyone_can_read_the_outcomes_in_easy_read(client, db):
    page = client.get(reverse("framework:easy_read"))
    body = page.content.decode()
    assert page.status_code == 200
    assert "<p>You can check our work too.</p>" in body
    assert "Working together" in body
    assert "They are not the report’s own words." in body


def test_an_edition_without_easy_read_words_says_so(client, db, monkeypatch):
    monkeypatch.setattr("framework.easy_read.EASY_READ", {})
    assert client.get(reverse("framework:easy_read")).status_code == 404

"""The easy-read "You said, we did" page: the easy-read words where they are written, the
usual words where not, only answered public feedback, one sentence a line, and never a name."""

from __future__ import annotations

import re

from django.urls import reverse
from django_scopes import scopes_disabled

from participation.models import Feedback
from partnerships.roles import Role
from ui.templatetags.easy_read import sentences


def _page(client, slug="northshire"):
    return client.get(reverse("participation:public_easy", args=[slug]))


def test_anyone_can_read_it_in_easy_read_words(client, demo):
    page = _page(client)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Young people told us" in body
    assert "Parents and carers told us" in body or "Families told us" in body
    # The easy-read words, a sentence a line, not the standard ones.
    assert "<p>You helped write the poster.</p>" in body
    assert "name and photo of its safeguarding lead" not in body
    assert "We did this" in body
    assert "We are still working on this" in body
    assert "Our social workers change too often" not in body  # not answered
    assert "Priya Shah" not in body  # never a name
    assert reverse("participation:public", args=["northshire"]) in body
    assert reverse("framework:easy_read") in body


def test_without_easy_read_words_it_uses_the_usual_ones(client, demo):
    with scopes_disabled():
        item = Feedback.objects.get(said__startswith="Meetings about young people")
        item.said_easy = item.response_easy = ""
        item.save()
    body = _page(client).content.decode()
    assert "<p>Meetings about young people use words we don&#x27;t understand.</p>" in body


def test_the_standard_page_links_to_the_easy_read_one(client, demo):
    body = client.get(reverse("participation:public", args=["northshire"])).content.decode()
    assert reverse("participation:public_easy", args=["northshire"]) in body


def test_an_unpublished_page_has_no_easy_read_version(client, demo):
    assert _page(client, "eastmere").status_code == 404
    assert _page(client, "nowhere").status_code == 404


def test_the_business_unit_writes_the_easy_read_words_with_the_response(client_as, client):
    with scopes_disabled():
        item = Feedback.objects.get(said__startswith="Our social workers change")
    manager = client_as(Role.BUSINESS_MANAGER)
    url = reverse("participation:feedback", args=["northshire", item.pk])
    data = {
        "status": "done",
        "response": "Each child now keeps one social worker for at least a year.",
        "responded_by": "Director of children's services",
        "public": "on",
        "said_easy": "Your social worker changes too often.",
        "response_easy": "Now you keep the same social worker for a year or more.",
        "version": item.version,
    }
    assert manager.post(url, data | {"response_easy": "x" * 1001}).status_code == 200
    assert manager.post(url, data).status_code == 302
    body = _page(client).content.decode()
    assert "<p>Now you keep the same social worker for a year or more.</p>" in body


def test_young_scrutineers_find_both_easy_read_pages(client_as):
    body = (
        client_as(Role.YOUNG_SCRUTINEER)
        .get(reverse("participation:voices", args=["northshire"]))
        .content.decode()
    )
    assert reverse("framework:easy_read") in body
    assert reverse("participation:public_easy", args=["northshire"]) in body


def test_sentences_split_where_a_sentence_ends():
    assert sentences("We did it. You helped!  Then “we” met? yes.") == [
        "We did it.",
        "You helped!",
        "Then “we” met? yes.",
    ]
    assert sentences("Aged 3.5 years. Done.") == ["Aged 3.5 years.", "Done."]
    assert sentences("") == []
    assert all(re.match(r"\S", s) for s in sentences(" a.  B. "))

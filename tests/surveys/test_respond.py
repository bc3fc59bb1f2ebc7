"""Answering a survey: anonymous, page by page, resumable, rate-limited; invitations record
completion without any link to the answers."""

from __future__ import annotations

import re

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from surveys import services
from surveys.models import Answer, Comment, Invitation, Response, Wave


@pytest.fixture
def open_wave(demo) -> Wave:
    with scopes_disabled():
        return Wave.objects.get(partnership__slug="northshire", period="2026")


def start(client: Client, wave: Wave) -> str:
    page = client.post(reverse("survey_respond:start", args=[wave.link_token]))
    assert page.status_code == 200
    return re.search(r'data-testid="resume-code">([A-Z0-9-]+)<', page.content.decode()).group(1)


def first_page_fields(wave: Wave) -> tuple[int, dict]:
    with scopes_disabled():
        statements = list(wave.statements.filter(category__number=1).order_by("number"))
    data = {f"s{s.pk}_truth": "2" for s in statements}
    data[f"s{statements[0].pk}_importance"] = "1"
    data["comment"] = "Joint decisions feel real now."
    return statements[0].pk, data


def test_respondent_answers_every_page_and_sends(open_wave):
    client = Client()
    start(client, open_wave)
    page = lambda n: reverse("survey_respond:page", args=[open_wave.link_token, n])  # noqa: E731
    assert client.post(page(0), {"position": "IC", "region": "East Midlands"}).status_code == 302
    first, data = first_page_fields(open_wave)
    assert client.post(page(1), data)["Location"] == page(2)
    check = client.get(reverse("survey_respond:check", args=[open_wave.link_token]))
    assert "6 of 6 statements answered" in check.content.decode()
    sent = client.post(reverse("survey_respond:check", args=[open_wave.link_token]))
    assert sent["Location"] == reverse("survey_respond:done", args=[open_wave.link_token])
    with scopes_disabled():
        response = Response.objects.get(
            wave=open_wave, position="IC", region="East Midlands", submitted=True
        )
        assert response.resume_hash is None
        answer = Answer.objects.get(response=response, statement_id=first)
        assert (answer.truth, answer.change, answer.importance) == (2, None, 1)
        assert Comment.objects.get(response=response).text == "Joint decisions feel real now."
    # Sent answers cannot be changed: the browser no longer has a response to fill in.
    assert client.get(page(1))["Location"] == reverse(
        "survey_respond:start", args=[open_wave.link_token]
    )


def test_resume_code_brings_answers_back_on_another_device(open_wave):
    code = start(Client(), open_wave)
    other = Client()
    wrong = other.post(
        reverse("survey_respond:resume", args=[open_wave.link_token]), {"code": "AAAA-BBBB-CCCC"}
    )
    assert "does not match" in wrong.content.decode()
    ok = other.post(
        reverse("survey_respond:resume", args=[open_wave.link_token]), {"code": code.lower()}
    )
    assert ok.status_code == 302
    assert other.get(ok["Location"]).status_code == 200


def test_resume_attempts_are_rate_limited(open_wave):
    client = Client()
    url = reverse("survey_respond:resume", args=[open_wave.link_token])
    statuses = [client.post(url, {"code": f"AAAA-BBBB-{i:04d}"}).status_code for i in range(12)]
    assert statuses[-1] == 429
    assert statuses[0] == 200


def test_starting_is_rate_limited_per_address(open_wave):
    statuses = [
        Client().post(reverse("survey_respond:start", args=[open_wave.link_token])).status_code
        for _ in range(22)
    ]
    assert statuses.count(429) == 2


def test_closed_wave_takes_no_answers(demo):
    with scopes_disabled():
        closed = Wave.objects.get(partnership__slug="northshire", period="2024")
    page = Client().post(reverse("survey_respond:start", args=[closed.link_token]))
    assert "This survey has closed" in page.content.decode()
    with scopes_disabled():
        assert not Response.objects.filter(wave=closed, submitted=False).exists()


def test_stored_response_holds_nothing_linking_it_to_a_person():
    """No account, address, invitation or time: the columns themselves say so."""
    for model in (Response, Answer, Comment):
        for field in model._meta.get_fields():
            assert not isinstance(
                field,
                models.DateTimeField
                | models.DateField
                | models.TimeField
                | models.GenericIPAddressField,
            ), (model, field.name)
            if field.is_relation and field.many_to_one:
                assert field.related_model.__name__ in {
                    "Partnership",
                    "Wave",
                    "Response",
                    "WaveStatement",
                    "SurveyCategory",
                }, (model, field.name)
    assert Response._meta.pk.get_internal_type() == "UUIDField"


def test_invitation_completion_is_recorded_without_a_link(open_wave):
    with scopes_disabled():
        open_wave.mode = Wave.Mode.INVITATIONS
        open_wave.save()
        tokens = []
        services.invitations_add(
            wave=open_wave,
            agency=None,
            emails=["a@example.org", "b@example.org"],
            link_for=lambda t: tokens.append(t) or t,
            actor=None,
        )
    client = Client()
    # Without the personal link there is no way in.
    assert (
        "Use the link in your invitation"
        in client.get(reverse("survey_respond:start", args=[open_wave.link_token])).content.decode()
    )
    assert client.get(reverse("survey_respond:invitation", args=[tokens[0]])).status_code == 302
    start(client, open_wave)
    client.post(reverse("survey_respond:check", args=[open_wave.link_token]))
    with scopes_disabled():
        done = Invitation.objects.get(wave=open_wave, email="a@example.org")
        assert done.completed
        assert not Invitation.objects.get(email="b@example.org").completed
        # Only a hash of the token is kept.
        assert tokens[0] not in {done.token_hash}
    again = client.get(reverse("survey_respond:invitation", args=[tokens[0]]))
    assert "already answered" in again.content.decode()
    # The session no longer carries the invitation or the response.
    assert not client.session.get("survey_invitations", {}).get(open_wave.link_token)
    assert not client.session.get("survey_responses", {}).get(open_wave.link_token)


def test_respondent_page_works_at_the_answer_limit(open_wave):
    client = Client()
    start(client, open_wave)
    first, data = first_page_fields(open_wave)
    data[f"s{first}_truth"] = "7"  # no such option
    data["comment"] = "x" * 5001
    page = client.post(reverse("survey_respond:page", args=[open_wave.link_token, 1]), data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "govuk-error-summary" in text
    with scopes_disabled():
        assert not Answer.objects.filter(
            response__wave=open_wave, response__submitted=False
        ).exists()


def test_start_page_counts_only_the_statements_asked(open_wave):
    with scopes_disabled():
        open_wave.statements.filter(number=34).update(included=False)
    page = Client().get(reverse("survey_respond:start", args=[open_wave.link_token]))
    assert "You will see 33 statements" in page.content.decode()


def test_results_are_recomputed_when_a_response_is_sent(
    open_wave, django_capture_on_commit_callbacks
):
    from surveys.results import statement_results

    def answered_first() -> int:
        with scopes_disabled():
            return next(r for r in statement_results(open_wave) if r.statement.number == 1).truth.n

    before = answered_first()
    with scopes_disabled():
        first = open_wave.statements.get(number=1)
        for _ in range(3):
            response, _code = services.response_start(wave=open_wave)
            services.response_page_save(
                response=response,
                category=first.category,
                answers={first.pk: (1, None, None)},
                comment="",
            )
            with django_capture_on_commit_callbacks(execute=True):
                services.response_submit(response=response)
    assert answered_first() != before

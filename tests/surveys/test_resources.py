"""Resources asked of respondents (the report's Table A11): an optional last page, counts and
percentages of those who answered each question, withheld below the wave's smallest group,
what else is needed shown only when enough wrote something, and the business unit's own
answer beside it on the resources year."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from partnerships.roles import Role
from surveys.adequacy import adequacy_answers, survey_for_year
from surveys.models import ResourceAnswer, Response, Wave
from tests.surveys.test_respond import start


def _wave(period: str) -> Wave:
    with scopes_disabled():
        return Wave.objects.get(partnership__slug="northshire", period=period)


def test_a_wave_that_asks_has_a_resources_page_before_checking(demo):
    wave = _wave("2026")
    with scopes_disabled():
        Wave.objects.filter(pk=wave.pk).update(asks_resources=True)
        wave.refresh_from_db()
        pages = wave.statements.filter(included=True).values("category").distinct().count()
    client = Client()
    start(client, wave)
    last = reverse("survey_respond:page", args=[wave.link_token, pages])
    resources = reverse("survey_respond:page", args=[wave.link_token, pages + 1])
    assert client.post(last, {"comment": ""})["Location"] == resources
    page = client.get(resources).content.decode()
    assert "Adequate admin/data systems, data collection and analysis?" in page
    sent = client.post(
        resources, {"financial": "no", "training": "yes", "needed": "A shared data analyst."}
    )
    assert sent["Location"] == reverse("survey_respond:check", args=[wave.link_token])
    check = client.get(sent["Location"]).content.decode()
    assert "2 of 4 questions answered" in check
    wrong = client.post(resources, {"financial": "maybe"}).content.decode()
    assert "Choose adequate financial resources? from the options given." in wrong
    with scopes_disabled():
        saved = ResourceAnswer.objects.get(response__wave=wave, needed="A shared data analyst.")
    assert (saved.financial, saved.staffing, saved.training) == ("no", "", "yes")


def test_a_wave_that_does_not_ask_has_no_resources_page(demo):
    wave = _wave("2026")
    with scopes_disabled():
        pages = wave.statements.filter(included=True).values("category").distinct().count()
    client = Client()
    start(client, wave)
    assert (
        client.get(reverse("survey_respond:page", args=[wave.link_token, pages + 1])).status_code
        == 404
    )


def test_results_are_counts_and_shares_of_those_who_answered(demo):
    wave = _wave("2024")
    with scopes_disabled():
        found = adequacy_answers(wave)
        answers = ResourceAnswer.objects.filter(response__wave=wave, response__submitted=True)
        yes = answers.filter(financial="yes").count()
        no = answers.filter(financial="no").count()
    financial = found.rows[0]
    assert (financial.yes, financial.no) == (yes, no)
    assert financial.yes_text == f"{yes} ({round(100 * yes / (yes + no))}%)"
    assert all(row.shown for row in found.rows)
    assert found.needed  # enough people wrote something in the demo


def test_small_groups_are_withheld_and_their_words_too(demo):
    wave = _wave("2024")
    with scopes_disabled():
        keep = list(
            ResourceAnswer.objects.filter(response__wave=wave)
            .order_by("pk")
            .values_list("pk", flat=True)[:4]
        )
        ResourceAnswer.objects.filter(response__wave=wave).exclude(pk__in=keep).delete()
        ResourceAnswer.objects.filter(pk__in=keep).update(needed="We need an analyst.")
        found = adequacy_answers(wave)
    assert not any(row.shown for row in found.rows)
    assert found.needed == []
    assert found.needed_count == 4


def test_the_results_page_and_the_resources_year_show_it(client_as, demo):
    wave = _wave("2024")
    manager = client_as(Role.BUSINESS_MANAGER)
    results = manager.get(reverse("surveys:results", args=["northshire", wave.pk])).content.decode()
    assert "Adequate financial, staff, training and administrative resources" in results
    assert "Yes n (%)" in results
    from resources.models import ResourceYear

    with scopes_disabled():
        year = ResourceYear.objects.get(partnership__slug="northshire", year="2024-25")
        assert survey_for_year("2024-25") == wave
    page = manager.get(reverse("resources:year", args=["northshire", year.pk])).content.decode()
    assert "What survey respondents said about resources" in page
    assert "The business unit's answer" in page
    with scopes_disabled():
        assert Wave.objects.get(pk=wave.pk).results_shown


def test_an_unsent_response_is_never_counted(demo):
    wave = _wave("2024")
    with scopes_disabled():
        before = adequacy_answers(wave).rows[0]
        response = Response.objects.create(partnership=wave.partnership, wave=wave)
        ResourceAnswer.objects.create(
            partnership=wave.partnership, response=response, financial="yes"
        )
        after = adequacy_answers(wave).rows[0]
    assert (after.yes, after.no) == (before.yes, before.no)


def test_the_exports_carry_resources_but_never_link_words_to_a_profile(client_as, demo):
    import csv
    import io

    wave = _wave("2024")
    manager = client_as(Role.BUSINESS_MANAGER)

    def table(name):
        response = manager.get(reverse("surveys:export", args=["northshire", wave.pk, name, "csv"]))
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    resources = table("resources")
    assert resources[0] == ["Question", "Yes", "Yes (%)", "No", "No (%)"]
    with scopes_disabled():
        first = adequacy_answers(wave).rows[0]
    assert resources[1] == [
        first.question,
        str(first.yes),
        str(first.share(first.yes)),
        str(first.no),
        str(first.share(first.no)),
    ]
    assert any(row[0] == "What other resources are needed" for row in resources)
    responses = table("responses")
    assert responses[0][-4:] == [
        "resources_financial",
        "resources_staffing",
        "resources_systems",
        "resources_training",
    ]
    assert {row[-1] for row in responses[1:]} <= {"Yes", "No", ""}
    with scopes_disabled():
        needed = set(ResourceAnswer.objects.exclude(needed="").values_list("needed", flat=True))
    assert not needed & {cell for row in responses for cell in row}

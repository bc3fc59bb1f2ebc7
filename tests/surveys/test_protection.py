"""Small groups of people protected on the pages people read: findings published in full, small
groups never shown, results fixed once shown, nothing ordered by person or time, respondents
told the rule and the rule kept."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

from django.urls import reverse
from django_scopes import scopes_disabled

from partnerships.roles import Role
from surveys.models import Comment, Response, Wave


def wave(period: str) -> Wave:
    with scopes_disabled():
        return Wave.objects.get(partnership__slug="northshire", period=period)


def url(name: str, w: Wave | None = None, **kwargs) -> str:
    kwargs = {"partnership": "northshire", **({"wave_id": w.pk} if w else {}), **kwargs}
    return reverse(f"surveys:{name}", kwargs=kwargs)


def test_demo_2025_publishes_every_statement_chart_bar_and_group_n(client_as):
    from surveys.results import statement_results

    w = wave("2025")
    with scopes_disabled():
        results = statement_results(w)
    assert len(results) == 34
    assert not any(r.truth.withheld for r in results)
    client = client_as(Role.BUSINESS_MANAGER)
    page = client.get(url("results", w)).content.decode()
    assert "Not shown: fewer" not in page
    assert "not published" not in page
    assert ">c<" not in page
    profile = client.get(url("profile", w)).content.decode()
    assert "Overall (N=63)" in profile
    assert "(N=c)" not in profile
    assert re.search(r"Other groups \(combined\): (IS|BM)", profile)


def test_a_group_below_the_minimum_shows_no_cell_anywhere(client_as):
    w = wave("2025")  # one business manager and one independent scrutineer answered
    client = client_as(Role.BUSINESS_MANAGER)
    page = client.get(url("breakdown", w) + "?by=position").content.decode()
    assert 'scope="row" class="govuk-table__header">BM<' not in page
    assert 'scope="row" class="govuk-table__header">IS<' not in page
    assert "Other groups (combined)" in page
    data = client.get(url("export", w, table="responses", fmt="csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    position = rows[0].index("Your position in the LSCP, or your sector or service")
    assert {row[position] for row in rows[1:]}.isdisjoint({"BM", "IS"})
    profile = client.get(url("export", w, table="profile", fmt="csv")).content.decode("utf-8-sig")
    assert "BM (N=" not in profile
    assert "IS (N=" not in profile


def _edit(client, w: Wave, **changes):
    data = {
        "title": w.title,
        "opens_on": w.opens_on.strftime("%d/%m/%Y"),
        "closes_on": w.closes_on.strftime("%d/%m/%Y"),
        "min_group_size": str(w.min_group_size),
        "min_group_reason": "Agreed with the executive group.",
        "breakdown_questions": w.breakdown_questions,
        "version": w.version,
    } | changes
    return client.post(url("edit", w), data)


def test_results_are_fixed_once_shown(client_as):
    w = wave("2025")
    client = client_as(Role.BUSINESS_MANAGER)
    # Before anyone has seen the results, the wave can still change.
    assert not w.results_shown
    client.get(url("results", w))
    w = wave("2025")
    assert w.results_shown
    reopened = _edit(client, w, closes_on=(date.today() + timedelta(days=7)).strftime("%d/%m/%Y"))
    assert "so it cannot reopen" in reopened.content.decode()
    lowered = _edit(client, w, min_group_size="4")
    assert "its smallest group cannot be lowered" in lowered.content.decode()
    # Leaving out the position breakdown would offer another one instead: refused.
    swapped = _edit(client, w, breakdown_questions=["region", "service_length"])
    assert "not offer a new one" in swapped.content.decode()
    imported = client.post(
        url("import", w),
        {"file": io.BytesIO(b"position,s1_true\nHealth,Mostly true\n")},
    )
    assert "no more responses can be added" in imported.content.decode()
    with scopes_disabled():
        assert not Response.objects.filter(wave=w, imported=True).exists()
    # Stopping a breakdown is allowed.
    assert _edit(client, w, breakdown_questions=[]).status_code == 302


def test_the_minimum_cannot_go_below_three(client_as):
    w = wave("2025")
    page = _edit(client_as(Role.BUSINESS_MANAGER), w, min_group_size="2")
    assert "The smallest group shown must be at least 3." in page.content.decode()


def test_comments_have_random_keys_and_are_not_in_order_of_writing(client_as):
    w = wave("2025")
    page = client_as(Role.BUSINESS_MANAGER).get(url("comments", w)).content.decode()
    keys = re.findall(r"/comments/([0-9a-f-]{36})/", page)
    with scopes_disabled():
        comments = Comment.objects.filter(response__wave=w)
        assert len(keys) == comments.count() > 5
        by_category = {}
        for c in comments.select_related("category"):
            by_category.setdefault(c.category.number, []).append(str(c.key))
    expected = [k for number in sorted(by_category) for k in sorted(by_category[number])]
    assert keys == expected


def test_answered_counts_per_agency_wait_for_the_close(client_as):
    w = wave("2026")
    with scopes_disabled():
        w.mode = Wave.Mode.INVITATIONS
        w.save()
    client = client_as(Role.BUSINESS_MANAGER)
    client.post(url("invitations", w), {"emails": "one@example.org"})
    page = client.get(url("invitations", w)).content.decode()
    assert "After the survey closes" in page


def test_the_first_page_states_the_rule_and_the_keeping_time(demo, client):
    w = wave("2026")
    page = client.get(reverse("survey_respond:start", args=[w.link_token])).content.decode()
    assert "A statement is reported only if at least 5 people answered it" in page
    assert "your answers are never linked to it" in page
    assert "deleted 3 years after the survey closes" in page


def test_purge_keeps_the_promise(demo):
    from surveys.retention import answers_purge

    with scopes_disabled():
        old = wave("2024")
        Wave.objects.filter(pk=old.pk).update(
            opens_on=date.today() - timedelta(days=4 * 366),
            closes_on=date.today() - timedelta(days=4 * 365),
        )
        unsent = Response.objects.create(partnership=old.partnership, wave=wave("2025"))
        removed = answers_purge()
        assert not Response.objects.filter(wave=old).exists()
        assert not Response.objects.filter(pk=unsent.pk).exists()
        assert Response.objects.filter(wave=wave("2025"), submitted=True).count() == 63
    assert removed["survey responses past their time"] == 48

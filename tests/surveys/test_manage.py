"""Running a wave: creating it, choosing statements, the smallest group shown, invitations,
imports (all or nothing), exports that protect respondents, coding comments."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from audit.models import AuditEntry
from partnerships.roles import Role
from surveys.models import Comment, CommentCode, ResourceAnswer, Response, Wave


def wave(period: str) -> Wave:
    with scopes_disabled():
        return Wave.objects.get(partnership__slug="northshire", period=period)


def url(name: str, w: Wave | None = None, **kwargs) -> str:
    kwargs = {"partnership": "northshire", **({"wave_id": w.pk} if w else {}), **kwargs}
    return reverse(f"surveys:{name}", kwargs=kwargs)


def test_new_wave_asks_all_34_statements_with_their_outcomes(client_as):
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("add"),
        {
            "title": "Survey 2027",
            "period": "2027",
            "opens_on": "1/4/2027",
            "closes_on": "30/4/2027",
            "mode": "link",
        },
    )
    assert page.status_code == 302
    created = wave("2027")
    with scopes_disabled():
        assert created.statements.filter(included=True).count() == 34
        shared_vision = created.statements.get(number=1)
        assert [o.code for o in shared_vision.outcomes.all()] == ["1.1"]
        assert CommentCode.objects.filter(partnership=created.partnership, name="Barrier").exists()


def test_new_wave_refuses_a_closing_date_before_opening(client_as):
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("add"),
        {
            "title": "X",
            "period": "2030",
            "opens_on": "2/4/2030",
            "closes_on": "1/4/2030",
            "mode": "link",
        },
    )
    assert "The closing date must be on or after the opening date." in page.content.decode()
    with scopes_disabled():
        assert not Wave.objects.filter(period="2030").exists()


def test_statements_are_fixed_once_anyone_has_answered(client_as):
    w = wave("2026")
    with scopes_disabled():
        first = w.statements.order_by("number").first()
    page = client_as(Role.BUSINESS_MANAGER).post(url("statements", w), {"included": [first.pk]})
    assert "already answered" in page.content.decode()
    with scopes_disabled():
        assert w.statements.filter(included=True).count() == 34


def test_local_statement_and_leaving_statements_out_before_anyone_answers(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    client.post(
        url("add"),
        {
            "title": "Survey 2028",
            "period": "2028",
            "opens_on": "1/4/2028",
            "closes_on": "30/4/2028",
            "mode": "link",
        },
    )
    w = wave("2028")
    with scopes_disabled():
        category = w.edition.survey_categories.get(number=6)
        keep = list(w.statements.filter(category__number__lte=2).values_list("pk", flat=True))
    added = client.post(
        url("statement_add", w),
        {"category": category.pk, "text": "The young scrutineers' findings are acted on"},
    )
    assert added.status_code == 302
    client.post(url("statements", w), {"included": keep})
    with scopes_disabled():
        local = w.statements.get(source__isnull=True)
        assert local.number == 101
        assert not local.included
        assert w.statements.filter(included=True).count() == len(keep)


def test_lowering_the_smallest_group_needs_a_reason_kept_in_the_audit_trail(client_as):
    w = wave("2025")
    client = client_as(Role.BUSINESS_MANAGER)
    data = {
        "title": w.title,
        "opens_on": "7/4/2025",
        "closes_on": "16/5/2025",
        "min_group_size": "3",
        "min_group_reason": "",
        "version": w.version,
    }
    page = client.post(url("edit", w), data)
    assert "Say why you are lowering the smallest group shown." in page.content.decode()
    data["min_group_reason"] = "Agreed with the executive group for the 2025 report."
    assert client.post(url("edit", w), data).status_code == 302
    with scopes_disabled():
        entry = AuditEntry.objects.filter(object_pk=str(w.pk), content_type__model="wave").latest(
            "timestamp"
        )
    assert "Agreed with the executive group" in str(entry.changes)


def test_invitations_are_emailed_and_counted_per_agency(
    client_as, django_capture_on_commit_callbacks
):
    w = wave("2026")
    with scopes_disabled():
        w.mode = Wave.Mode.INVITATIONS
        w.save()
    client = client_as(Role.BUSINESS_MANAGER)
    page = client.post(
        url("invitations", w), {"emails": "one@example.org, two@example.org\nnot-an-email"}
    )
    assert "These are not email addresses: not-an-email." in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("invitations", w), {"emails": "one@example.org, two@example.org"})
    assert len(mail.outbox) == 2
    assert "/s/i/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("invitations", w), {"remind": "1"})
    assert len(mail.outbox) == 4
    assert mail.outbox[2].subject.startswith("Reminder")
    rates = client.get(url("invitations", w)).content.decode()
    assert "0 of 2 invited have answered" in rates


IMPORT_HEADER = "position,region,s1_true,s1_change,s1_importance,s2_true,comment_1\n"


def test_import_reports_every_bad_row_and_saves_nothing(client_as):
    w = wave("2026")
    with scopes_disabled():
        before = Response.objects.filter(wave=w).count()
    body = (
        IMPORT_HEADER
        + "BM,Southeast,Mostly true,improved,quite important,,fine\nXX,Southeast,Very true,,,,\n,,,,,,\n"
    )
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("import", w), {"file": SimpleUploadedFile("old.csv", body.encode(), "text/csv")}
    )
    text = page.content.decode()
    assert "Nothing has been imported" in text
    assert "Row 3: position: “XX” is not one of the survey&#x27;s options." in text
    assert "“Very true” is not one of the answers" in text
    with scopes_disabled():
        assert Response.objects.filter(wave=w).count() == before


def test_import_of_a_clean_file_adds_submitted_responses(client_as):
    w = wave("2026")
    body = (
        IMPORT_HEADER
        + "BM,Southeast,Mostly true,improved,quite important,Don’t know,fine\nHealth,,not true at all,,,,\n"
    )
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("import", w), {"file": SimpleUploadedFile("old.csv", body.encode(), "text/csv")}
    )
    assert page.status_code == 302
    with scopes_disabled():
        imported = Response.objects.filter(wave=w, imported=True)
        assert imported.count() == 2
        assert all(r.submitted for r in imported)
        bm = imported.get(position="BM")
        assert {
            (a.statement.number, a.truth, a.change, a.importance) for a in bm.answers.all()
        } == {(1, 2, 1, 2), (2, 6, None, None)}
        assert Comment.objects.get(response=bm).text == "fine"


def test_import_reads_the_answers_on_resources(client_as):
    w = wave("2026")
    header = "s1_true,resources_financial,resources_training,resources_needed\n"
    client = client_as(Role.BUSINESS_MANAGER)

    def send(body: str):
        return client.post(
            url("import", w),
            {"file": SimpleUploadedFile("old.csv", (header + body).encode(), "text/csv")},
        )

    # A wave that does not ask about resources refuses them, by row.
    refused = send("Mostly true,No,,\n").content.decode()
    assert "Row 2: resources_financial: this wave does not ask about resources." in refused
    with scopes_disabled():
        Wave.objects.filter(pk=w.pk).update(asks_resources=True)
    wrong = send("Mostly true,Maybe,,\n").content.decode()
    assert "Row 2: resources_financial: “Maybe” is not yes or no." in wrong
    assert "resources_needed" in client.get(url("import", w)).content.decode()
    assert send("Mostly true,NO,yes,A data analyst\n,,No,\n").status_code == 302
    with scopes_disabled():
        given = sorted(
            ResourceAnswer.objects.filter(response__wave=w, response__imported=True).values_list(
                "financial", "staffing", "training", "needed"
            )
        )
    assert given == [("", "", "no", ""), ("no", "", "yes", "A data analyst")]


def test_exported_responses_and_comments_carry_no_small_groups(client_as):
    w = wave("2025")
    client = client_as(Role.BUSINESS_MANAGER)
    data = client.get(url("export", w, table="responses", fmt="csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    headers, body = rows[0], rows[1:]
    profile_columns = [i for i, h in enumerate(headers) if not h.startswith("s")]
    combos = Counter(tuple(row[i] for i in profile_columns) for row in body)
    assert len(body) == 63
    assert min(combos.values()) >= w.min_group_size
    comments = client.get(url("export", w, table="comments", fmt="csv")).content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(comments))) == ["Category", "Comment", "Codes"]


def test_coding_a_comment_counts_under_its_codes(client_as):
    w = wave("2025")
    with scopes_disabled():
        comment = Comment.objects.filter(response__wave=w).order_by("pk").first()
        barrier = CommentCode.objects.get(partnership=w.partnership, name="Barrier")
        before = barrier.comments.filter(response__wave=w).count()
    client = client_as(Role.BUSINESS_MANAGER)
    client.post(url("comment", w, comment_key=comment.key), {"codes": [barrier.pk]})
    page = client.get(url("comments", w) + f"?code={barrier.pk}").content.decode()
    with scopes_disabled():
        assert list(comment.codes.all()) == [barrier]
        after = barrier.comments.filter(response__wave=w).count()
    assert after in (before, before + 1)
    assert f"Barrier</a> ({after})" in page


def test_comment_quotes_name_only_big_enough_groups(client_as):
    page = client_as(Role.OBSERVER).get(url("comments", wave("2025"))).content.decode()
    assert "· BM" not in page
    assert "· IS" not in page


@pytest.mark.parametrize("name", ["list", "results", "profile"])
def test_survey_pages_have_a_fixed_query_count(client_as, name, django_assert_max_num_queries):
    client = client_as(Role.BUSINESS_MANAGER)
    target = url(name) if name == "list" else url(name, wave("2025"))
    client.get(target)  # results computed and cached
    with django_assert_max_num_queries(20):
        assert client.get(target).status_code == 200


def test_other_partnership_cannot_see_a_wave(outsider_client):
    assert outsider_client.get(url("results", wave("2025"))).status_code == 404


def test_closing_a_wave_prepares_its_results_and_tells_the_business_unit(client_as):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from notifications.models import Notification

    w = wave("2026")
    with scopes_disabled():
        Wave.objects.filter(pk=w.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with scopes_disabled():
        ready = Notification.objects.filter(title=f"Results of {w.title} are ready")
        assert ready.count() == 2  # the business manager and the business unit officer, once each


def _statement_one_answers(w: Wave) -> int | None:
    from surveys.results import statement_results

    with scopes_disabled():
        first = next(r for r in statement_results(w) if r.statement.number == 1)
    return first.truth.base


def test_results_are_recomputed_after_an_import(client_as, django_capture_on_commit_callbacks):
    w = wave("2026")
    before = _statement_one_answers(w)
    body = IMPORT_HEADER + "".join("BM,Southeast,Mostly true,,,,\n" for _ in range(12))
    with django_capture_on_commit_callbacks(execute=True):
        page = client_as(Role.BUSINESS_MANAGER).post(
            url("import", w), {"file": SimpleUploadedFile("more.csv", body.encode(), "text/csv")}
        )
    assert page.status_code == 302
    assert _statement_one_answers(wave("2026")) == before + 12


def test_cached_results_are_read_without_a_query(demo, django_assert_num_queries):
    from surveys.results import statement_results

    w = wave("2024")
    with scopes_disabled():
        first = statement_results(w)
        # The cache here is in memory; a database cache costs two lookups, still no answers read.
        with django_assert_num_queries(0):
            again = statement_results(w)
    assert [(r.statement.pk, r.truth) for r in again] == [(r.statement.pk, r.truth) for r in first]

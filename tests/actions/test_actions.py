"""Learning turned into actions: overdue actions stand out and reach the home page, escalation
to the lead partners and their response, the action-log import, and the challenge log."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from actions.models import Action, Challenge, Escalation
from notifications.models import Notification
from partnerships.roles import Role


def url(name: str, **kwargs) -> str:
    return reverse(f"actions:{name}", kwargs={"partnership": "northshire", **kwargs})


def first(model, **filters):
    with scopes_disabled():
        return (
            model.objects.filter(partnership__slug="northshire", **filters).order_by("pk").first()
        )


def test_overdue_means_past_due_and_not_done(demo):
    today = timezone.localdate()
    assert Action(due_date=today - timedelta(days=1), status=Action.Status.IN_PROGRESS).is_overdue
    assert not Action(due_date=today - timedelta(days=1), status=Action.Status.DONE).is_overdue
    assert not Action(due_date=today, status=Action.Status.NOT_STARTED).is_overdue


def test_log_shows_overdue_actions_and_filters(client_as):
    page = client_as(Role.OBSERVER).get(url("log") + "?show=overdue").content.decode()
    assert "Overdue</strong>" in page
    assert "Add the standard to the multi-agency information-sharing protocol" in page
    assert "Train all health visitors" not in page  # done
    everything = client_as(Role.OBSERVER).get(url("log") + "?show=all").content.decode()
    assert "Train all health visitors" in everything
    assert "Escalated</strong>" not in everything


def test_overdue_actions_reach_the_managers_home_page(client_as):
    home = client_as(Role.BUSINESS_MANAGER).get(reverse("partnerships:home", args=["northshire"]))
    assert "Overdue action: Add the standard" in home.content.decode()


def test_escalation_notifies_the_leads_who_respond(client_as):
    action = first(Action, title__startswith="Add the standard")
    manager = client_as(Role.BUSINESS_MANAGER)
    empty = manager.post(url("action", action_id=action.pk), {"form": "escalate", "reason": ""})
    assert "Enter why the action is being escalated." in empty.content.decode()
    sent = manager.post(
        url("action", action_id=action.pk),
        {"form": "escalate", "reason": "No owner has started it."},
    )
    assert sent.status_code == 302
    with scopes_disabled():
        assert Notification.objects.filter(
            title__startswith="Escalated to the lead partners"
        ).exists()
    lead = client_as(Role.LEAD_PARTNER)
    home = lead.get(reverse("partnerships:home", args=["northshire"])).content.decode()
    assert "awaiting your response" in home
    lead.post(
        url("action", action_id=action.pk),
        {"form": "respond", "response": "The ICB will lead it from Monday."},
    )
    with scopes_disabled():
        escalation = Escalation.objects.get(action=action)
    assert escalation.response == "The ICB will lead it from Monday."
    assert escalation.responded_on
    # A manager cannot answer for the leads; the policy lets them post but the view ignores it.
    again = manager.post(url("action", action_id=action.pk), {"form": "respond", "response": "x"})
    assert again.status_code == 200


def test_completing_an_action_records_the_date(client_as):
    action = first(Action, title__startswith="Re-audit")
    client = client_as(Role.BUSINESS_MANAGER)
    data = {
        "title": action.title,
        "due_date": action.due_date.strftime("%d/%m/%Y"),
        "status": "done",
        "lead": "",
        "completion_evidence": "Done",
        "impact_evidence": "",
        "version": action.version,
    }
    assert client.post(url("action_edit", action_id=action.pk), data).status_code == 302
    with scopes_disabled():
        action.refresh_from_db()
    assert action.completed_on == timezone.localdate()


def test_import_lists_every_bad_row_and_saves_nothing(client_as):
    with scopes_disabled():
        before = Action.objects.count()
    body = (
        "action,due date,source,owner agency,status\n"
        "Good row,31/3/2027,Rapid review: Child H,,in progress\n"
        ",1/2/2027,,,\n"
        "Bad date,31/13/2027,No such review,No such agency,maybe\n"
    )
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("import"), {"file": SimpleUploadedFile("log.csv", body.encode(), "text/csv")}
    )
    text = page.content.decode()
    assert "Nothing has been imported" in text
    assert "Row 3: Enter the action." in text
    assert "Row 4: “31/13/2027” is not a date" in text
    assert "There is no agency called “No such agency”" in text
    assert "Status must be not started, in progress or done." in text
    with scopes_disabled():
        assert Action.objects.count() == before


def test_import_of_a_clean_log(client_as):
    body = "action,due date,status\nMap neglect training gaps,31/3/2027,\nShare the audit,1/1/2026,done\n"
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("import"), {"file": SimpleUploadedFile("log.csv", body.encode(), "text/csv")}
    )
    assert page.status_code == 302
    with scopes_disabled():
        shared = Action.objects.get(title="Share the audit")
    assert shared.status == Action.Status.DONE
    assert shared.completed_on


def test_challenge_needs_a_response_before_it_is_resolved(client_as):
    client = client_as(Role.INDEPENDENT_SCRUTINEER)
    data = {
        "raised_on": "1/10/2026",
        "raised_by": "Independent scrutineer",
        "subject": "Thresholds",
        "detail": "Schools and police read thresholds differently.",
        "response": "",
        "status": "resolved",
        "resolution": "",
    }
    page = client.post(url("challenge_add"), data)
    assert "Enter the response before marking it responded or resolved." in page.content.decode()
    data |= {"response": "A joint threshold workshop is booked.", "status": "responded"}
    assert client.post(url("challenge_add"), data).status_code == 302
    with scopes_disabled():
        saved = Challenge.objects.get(subject="Thresholds")
    assert saved.responded_on == timezone.localdate()


def test_actions_and_challenges_appear_under_their_outcomes(client_as, current_review):
    client = client_as(Role.BUSINESS_MANAGER)
    judged = client.get(reverse("reviews:judgement", args=["northshire", current_review.pk, "2.1"]))
    assert "Challenges (3)" in judged.content.decode()
    learning = client.get(
        reverse("reviews:judgement", args=["northshire", current_review.pk, "4.3"])
    )
    assert "Audit of 20 cases: the profile was used in 17" in learning.content.decode()


def test_good_practice_is_recorded_to_celebrate(client_as):
    page = client_as(Role.OBSERVER).get(url("log")).content.decode()
    assert "Riverton family hub" in page
    assert "Good practice</strong>" in page


def test_action_log_query_count_is_fixed(client_as, django_assert_max_num_queries):
    client = client_as(Role.OBSERVER)
    client.get(url("log") + "?show=all")
    with django_assert_max_num_queries(20):
        assert client.get(url("log") + "?show=all").status_code == 200


def test_overdue_actions_are_reminded_once(demo):
    from django.core.management import call_command

    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with scopes_disabled():
        told = Notification.objects.filter(title__startswith="Overdue action").count()
        call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert told > 0
        assert Notification.objects.filter(title__startswith="Overdue action").count() == told


def test_two_people_editing_a_challenge_see_a_conflict(client_as):
    challenge = first(Challenge, status="responded")
    data = {
        "raised_on": challenge.raised_on.strftime("%d/%m/%Y"),
        "raised_by": challenge.raised_by,
        "subject": challenge.subject,
        "detail": challenge.detail,
        "response": challenge.response,
        "status": "resolved",
        "resolution": "Agreed at the executive.",
        "version": challenge.version,
    }
    assert (
        client_as(Role.BUSINESS_MANAGER)
        .post(url("challenge", challenge_id=challenge.pk), data)
        .status_code
        == 302
    )
    late = client_as(Role.INDEPENDENT_SCRUTINEER).post(
        url("challenge", challenge_id=challenge.pk), data | {"resolution": "Not yet resolved."}
    )
    assert late.status_code == 409
    with scopes_disabled():
        challenge.refresh_from_db()
    assert challenge.resolution == "Agreed at the executive."


def test_linked_work_shows_beside_an_indicator_rating(client_as, current_review):
    from reviews.models import Rating

    with scopes_disabled():
        rating = Rating.objects.get(review=current_review, indicator__code="1.2.1")
    page = (
        client_as(Role.BUSINESS_MANAGER)
        .get(reverse("reviews:rating", args=["northshire", current_review.pk, rating.pk]))
        .content.decode()
    )
    assert "Also about outcome 1.2" in page
    assert "Priority: Neglect" in page


def test_import_reads_an_excel_action_log(client_as):
    from trust.tabular import XLSX_TYPE, xlsx_bytes

    data = xlsx_bytes(
        "Actions",
        ["Action", "Due date", "Owner agency", "Status"],
        [["Refresh the escalation policy", "30/6/2027", "", "In progress"]],
    )
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("import"), {"file": SimpleUploadedFile("log.xlsx", data, XLSX_TYPE)}
    )
    assert page.status_code == 302
    with scopes_disabled():
        assert (
            Action.objects.get(title="Refresh the escalation policy").status
            == Action.Status.IN_PROGRESS
        )

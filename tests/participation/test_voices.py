"""Voices and "you said, we did": the response loop, the overdue flag and its reminder, young
scrutineers limited to their own group in plain pages, diversity numbers protected, and the
public page."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from notifications.models import Notification
from participation.models import DiversityCount, Feedback, VoiceGroup
from participation.selectors import diversity_summary
from partnerships.roles import Role


def url(name: str, **kwargs) -> str:
    return reverse(f"participation:{name}", kwargs={"partnership": "northshire", **kwargs})


def group(kind=VoiceGroup.Kind.YOUNG_SCRUTINEERS) -> VoiceGroup:
    with scopes_disabled():
        return VoiceGroup.objects.get(partnership__slug="northshire", kind=kind)


def feedback(**filters) -> Feedback:
    with scopes_disabled():
        return Feedback.objects.filter(partnership__slug="northshire", **filters).first()


def test_feedback_is_due_after_the_groups_set_time(demo):
    young = group()
    received = timezone.localdate() - timedelta(days=30)
    assert Feedback.due(received, young) == received + timedelta(days=21)
    overdue = Feedback(response="", respond_by=timezone.localdate() - timedelta(days=1))
    assert overdue.is_overdue
    overdue.response = "We did it."
    assert not overdue.is_overdue


def test_young_scrutineer_writes_feedback_that_reaches_the_business_unit(client_as):
    young = client_as(Role.YOUNG_SCRUTINEER)
    form = young.get(url("feedback_add")).content.decode()
    assert "What do you want to tell the partnership?" in form
    assert "Please do not write anyone's name." in form
    empty = young.post(url("feedback_add"), {"group": group().pk, "said": ""})
    assert "Write what you want to tell the partnership." in empty.content.decode()
    sent = young.post(
        url("feedback_add"), {"group": group().pk, "said": "The bus to the youth club stopped."}
    )
    assert sent.status_code == 302
    saved = feedback(said="The bus to the youth club stopped.")
    assert saved.by_the_group
    assert saved.received_on == timezone.localdate()
    assert saved.respond_by == timezone.localdate() + timedelta(days=21)
    voices = client_as(Role.BUSINESS_MANAGER).get(url("voices") + "?show=waiting")
    assert "The bus to the youth club stopped." in voices.content.decode()


def test_response_loop_shows_the_group_what_was_done(client_as):
    item = feedback(said__startswith="Our social workers change")
    manager = client_as(Role.BUSINESS_MANAGER)
    data = {"status": "done", "response": "", "responded_by": "", "version": item.version}
    problem = manager.post(url("feedback", feedback_id=item.pk), data).content.decode()
    assert "Write what the partnership did or decided." in problem
    data |= {
        "response": "Each child now keeps one social worker for at least a year.",
        "responded_by": "Director of children's services",
        "public": "on",
    }
    assert manager.post(url("feedback", feedback_id=item.pk), data).status_code == 302
    with scopes_disabled():
        item.refresh_from_db()
    assert item.responded_on == timezone.localdate()
    assert not item.is_overdue
    young_view = client_as(Role.YOUNG_SCRUTINEER).get(url("feedback", feedback_id=item.pk))
    page = young_view.content.decode()
    assert "You said" in page
    assert "one social worker for at least a year" in page
    assert "We did something" in page


def test_a_response_must_say_where_things_stand(client_as):
    item = feedback(said__startswith="Our social workers change")
    page = (
        client_as(Role.BUSINESS_MANAGER)
        .post(
            url("feedback", feedback_id=item.pk),
            {
                "status": "awaiting",
                "response": "Done.",
                "responded_by": "Me",
                "version": item.version,
            },
        )
        .content.decode()
    )
    assert "Choose where things stand now that there is a response." in page


def test_two_people_responding_at_once_see_a_conflict(client_as):
    item = feedback(said__startswith="Our social workers change")
    data = {
        "status": "considering",
        "response": "Looking at caseloads.",
        "responded_by": "A",
        "version": item.version,
    }
    assert (
        client_as(Role.BUSINESS_MANAGER)
        .post(url("feedback", feedback_id=item.pk), data)
        .status_code
        == 302
    )
    late = client_as(Role.BUSINESS_UNIT_OFFICER).post(
        url("feedback", feedback_id=item.pk), data | {"response": "Something else."}
    )
    assert late.status_code == 409


def test_overdue_feedback_reaches_the_business_managers_home_page(client_as):
    home = client_as(Role.BUSINESS_MANAGER).get(reverse("partnerships:home", args=["northshire"]))
    page = home.content.decode()
    assert "Feedback waiting for a response: “Our social workers change too often" in page
    assert "Overdue</strong>" in page
    observer = client_as(Role.OBSERVER).get(reverse("partnerships:home", args=["northshire"]))
    assert "Feedback waiting for a response" not in observer.content.decode()


def test_feedback_answered_in_time_is_not_flagged(client_as):
    page = client_as(Role.BUSINESS_MANAGER).get(url("voices") + "?show=overdue").content.decode()
    assert "Our social workers change too often" in page
    assert "Letters from services are hard to read" not in page  # received 10 days ago
    assert "who to talk to at school" not in page  # answered


def test_overdue_feedback_is_reminded_once(demo):
    from django.core.management import call_command

    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with scopes_disabled():
        told = Notification.objects.filter(title__startswith="Feedback from").count()
        call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert told > 0
        assert Notification.objects.filter(title__startswith="Feedback from").count() == told


def test_young_scrutineer_sees_only_their_own_group(client_as):
    young = client_as(Role.YOUNG_SCRUTINEER)
    page = young.get(url("voices")).content.decode()
    assert "who to talk to at school" in page
    assert "Parents are scared" not in page  # the family panel's
    family = feedback(group__kind=VoiceGroup.Kind.FAMILY_PANEL)
    assert young.get(url("feedback", feedback_id=family.pk)).status_code == 403
    assert (
        young.get(url("group", group_id=group(VoiceGroup.Kind.FAMILY_PANEL).pk)).status_code == 403
    )
    # Only the business unit responds.
    own = feedback(group__kind=VoiceGroup.Kind.YOUNG_SCRUTINEERS)
    assert young.post(url("feedback", feedback_id=own.pk), {"status": "done"}).status_code == 403


def test_young_scrutineer_home_page_shows_new_responses(client_as):
    home = client_as(Role.YOUNG_SCRUTINEER).get(reverse("partnerships:home", args=["northshire"]))
    assert "You said: “We don" in home.content.decode()


def test_diversity_small_numbers_are_hidden_with_a_complement(demo):
    with scopes_disabled():
        sections = {s.characteristic: s for s in diversity_summary(VoiceGroup.objects.all())}
    age = sections["Age"]
    shown = {row.category: row.shown for row in age.rows}
    # 4 is below 5; 7 alone would give it away from the total of 14, so more is hidden, and
    # every hidden count reads the same.
    assert shown["12 to 14"] == "hidden"
    assert "4" not in shown.values()
    assert list(shown.values()).count("hidden") >= 2
    assert age.total.isdigit()  # the total is a one-way count: always shown


def test_diversity_numbers_need_consent_and_replace_the_same_date(client_as):
    young = group()
    manager = client_as(Role.BUSINESS_MANAGER)
    data = {
        "as_at": "1/9/2026",
        "characteristic": "disability",
        "counts": "Disabled, 3\nNot disabled, 9",
    }
    refused = manager.post(url("diversity", group_id=young.pk), data).content.decode()
    assert "Confirm that everyone counted agreed to share this." in refused
    bad = manager.post(
        url("diversity", group_id=young.pk), data | {"consent": "on", "counts": "Disabled 3"}
    )
    assert "Line 1: write the group, a comma, then the number." in bad.content.decode()
    assert (
        manager.post(url("diversity", group_id=young.pk), data | {"consent": "on"}).status_code
        == 302
    )
    assert (
        manager.post(
            url("diversity", group_id=young.pk), data | {"consent": "on", "counts": "Disabled, 2"}
        ).status_code
        == 302
    )
    with scopes_disabled():
        rows = DiversityCount.objects.filter(group=young, characteristic="disability")
        assert [(r.category, r.count) for r in rows] == [("Disabled", 2)]


def test_public_page_shows_only_answered_public_feedback(client, demo):
    public = client.get(reverse("participation:public", args=["northshire"]))
    text = public.content.decode()
    assert public.status_code == 200
    assert "You said, we did" in text
    assert "who to talk to at school" in text
    assert "Our social workers change too often" not in text  # not answered
    assert "Jay" not in text  # never a name


def test_public_page_can_be_unpublished(client, client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    assert manager.post(url("publish"), {"introduction": "Hello"}).status_code == 302
    assert client.get(reverse("participation:public", args=["northshire"])).status_code == 404
    assert client.get(reverse("participation:public", args=["eastmere"])).status_code == 404


def test_voices_page_query_count_is_fixed(client_as, django_assert_max_num_queries):
    client = client_as(Role.BUSINESS_MANAGER)
    client.get(url("voices"))
    with django_assert_max_num_queries(25):
        assert client.get(url("voices")).status_code == 200


def test_feedback_shows_under_its_outcome_in_a_review(client_as, current_review):
    page = client_as(Role.BUSINESS_MANAGER).get(
        reverse("reviews:judgement", args=["northshire", current_review.pk, "3.1"])
    )
    assert "Voices of children, families and communities" in page.content.decode()


def test_your_data_lists_the_groups_you_belong_to(demo):
    from accounts.models import User
    from accounts.personal_data import collect

    young = User.objects.get(email="young@northshire.example")
    data = collect(young)
    assert data["voice_groups"] == [
        {
            "partnership": "Northshire Safeguarding Children Partnership",
            "group": "Northshire Young Scrutineers",
            "kind": "Young scrutineers",
        }
    ]


def test_a_young_scrutineer_is_told_honestly_when_an_answer_is_late(client_as):
    young = client_as(Role.YOUNG_SCRUTINEER)
    sent = young.post(url("feedback_add"), {"group": group().pk, "said": "The park is dark."})
    assert sent.status_code == 302
    item = feedback(said="The park is dark.")
    due = f"{item.respond_by:%-d %B %Y}"
    assert f"We will answer by {due}." in young.get(url("voices")).content.decode()
    with scopes_disabled():
        Feedback.objects.filter(pk=item.pk).update(respond_by=timezone.localdate() - timedelta(1))
        item.refresh_from_db()
    late = f"We said we would answer by {item.respond_by:%-d %B %Y}, so we are late. Sorry."
    for page in (url("voices"), url("feedback", feedback_id=item.pk)):
        text = young.get(page).content.decode()
        assert late in text
        assert "We will answer by" not in text.split("The park is dark.")[1].split("</div>")[0]

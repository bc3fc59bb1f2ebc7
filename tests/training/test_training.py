"""Training: recording a session and who attended, participants' anonymous evaluations through
the session's public link, what may be shown (small sessions combined, nothing before closing),
the training record in the evidence register, the signals beside outcomes 4.3 and 5.1, and the
yearly report's section."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from audit.models import AuditEntry
from evidence.models import EvidenceItem
from framework.models import Outcome
from partnerships.models import Agency, Membership
from partnerships.roles import Role
from reviews.models import Review
from reviews.outcome_signals import signals_for
from training import evaluate, services
from training.models import Evaluation, SessionAttendance, TrainingSession
from training.selectors import training_year

COMBINED = (
    "2 sessions combined: Listening to young people: relationship-based practice; "
    "Equality, equity, diversity and inclusion in safeguarding"
)
GOOD = {"relevant": "1", "will_use": "2", "other_agencies": "2", "confident": "3"}


def url(name: str, *args) -> str:
    return reverse(f"training:{name}", args=["northshire", *args])


def manager():
    with scopes_disabled():
        return Membership.objects.get(user__email="manager@northshire.example").user


def session_called(title: str) -> TrainingSession:
    with scopes_disabled():
        return TrainingSession.objects.get(partnership__slug="northshire", title=title)


def open_session() -> TrainingSession:
    return session_called("Graded care profile 2 for schools")


def test_the_year_shows_reach_and_combines_small_sessions(demo):
    with scope(partnership=demo["northshire"]):
        year = training_year(demo["northshire"], "2024-25")
    assert len(year.sessions) == 4
    assert year.people == 51
    assert (year.agencies_reached, year.agencies_total) == (7, 11)
    sectors = {row.sector: (row.people, row.sessions) for row in year.sectors}
    assert sectors["Local authority"] == (24, 4)
    assert sectors["Education"] == (6, 2)
    assert [(g.label, g.evaluations) for g in year.groups] == [
        ("Neglect: using the graded care profile 2 (18 September 2024)", 14),
        (COMBINED, 7),
    ]
    # The briefing's two evaluations are too few and nothing closed after it: they wait.
    assert [s.title for s in year.held] == ["Contextual safeguarding: a briefing"]
    assert year.held_evaluations == 2
    # The year's figures add up only the groups shown.
    for overall, *parts in zip(year.overall, *(g.results for g in year.groups), strict=True):
        assert overall.counts == tuple(map(sum, zip(*(p.counts for p in parts), strict=True)))
        assert overall.answered == 21


def test_a_session_is_recorded_with_attendance_and_kept_in_the_evidence_register(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    with scopes_disabled():
        schools = Agency.objects.get(partnership__slug="northshire", name__contains="Schools")
    missing = client.post(url("add"), {"title": "", "date": "31/2/2026"})
    text = missing.content.decode()
    assert "Enter the topic of the session." in text
    assert "Enter the date of the session as day/month/year" in text
    before = client.post(
        url("add"),
        {"title": "Early help", "date": "4/3/2026", "evaluation_closes_on": "1/3/2026"},
    )
    assert "Evaluations must close on or after the day of the session." in before.content.decode()
    added = client.post(url("add"), {"title": "Early help", "date": "4/3/2026", "eedi": "on"})
    session = session_called("Early help")
    assert added["Location"] == url("session", session.pk)
    assert session.evaluation_closes_on == date(2026, 3, 18)  # two weeks by default
    page = url("session", session.pk)
    wrong = client.post(page, {"action": "attend", "agency": schools.pk, "attended": "0"})
    assert "Enter a number of people, 1 or more." in wrong.content.decode()
    client.post(page, {"action": "attend", "agency": schools.pk, "attended": "12"})
    client.post(page, {"action": "attend", "agency": schools.pk, "attended": "9"})
    with scopes_disabled():
        # The second number for the same agency replaces the first.
        assert list(SessionAttendance.objects.filter(session=session).values_list("attended")) == [
            (9,)
        ]
        item = EvidenceItem.objects.get(pk=TrainingSession.objects.get(pk=session.pk).evidence_id)
    assert item.local_type == "Training records and evaluations"
    assert item.summary.startswith("9 attended from 1 agencies.")
    assert "About equality, equity, diversity and inclusion." in item.summary
    register = client.get(reverse("evidence:register", args=["northshire"])).content.decode()
    assert "Training record: Early help" in register
    detail = client.get(reverse("evidence:detail", args=["northshire", item.pk])).content.decode()
    assert "Training session: Early help (4 March 2026)" in detail


def test_another_partnerships_agency_review_or_priority_is_refused(demo):
    with scopes_disabled():
        theirs = Agency.objects.create(partnership=demo["eastmere"], name="X", sector="other")
        session = TrainingSession.objects.filter(partnership=demo["northshire"]).first()
        with pytest.raises(ValidationError):
            services.attendance_set(session=session, agency=theirs, attended=3, actor=manager())
        from actions.models import LearningSource

        their_review = LearningSource.objects.create(
            partnership=demo["eastmere"], kind="rapid_review", title="Theirs", date=date(2026, 1, 1)
        )
        with pytest.raises(ValidationError) as refused:
            services.session_save(
                partnership=demo["northshire"],
                values={"title": "T", "date": date(2026, 1, 5), "learning_source": their_review},
                actor=manager(),
            )
    assert "learning_source" in refused.value.error_dict


def test_a_participant_evaluates_anonymously_once(demo):
    session = open_session()
    participant = Client()
    form_url = reverse("training_evaluate:form", args=[session.evaluation_token])
    page = participant.get(form_url, secure=True).content.decode()
    assert "Your evaluation is anonymous" in page
    trail = AuditEntry.objects.count()
    half = participant.post(form_url, {"relevant": "1"}, secure=True).content.decode()
    assert "Choose how far you agree that you will use what you learned." in half
    with scopes_disabled():
        before = Evaluation.objects.filter(session=session).count()
    sent = participant.post(form_url, {**GOOD, "change": "Ask sooner."}, secure=True)
    assert sent["Location"] == reverse("training_evaluate:done", args=[session.evaluation_token])
    with scopes_disabled():
        assert Evaluation.objects.filter(session=session).count() == before + 1
        newest = Evaluation.objects.filter(session=session).order_by("-pk").first()
    assert (newest.relevant, newest.confident, newest.change) == (1, 3, "Ask sooner.")
    # Nothing about who or when: the record holds the answers and the session only.
    assert {f.name for f in Evaluation._meta.fields} == {
        "id",
        "partnership",
        "session",
        "relevant",
        "will_use",
        "other_agencies",
        "confident",
        "change",
    }
    assert AuditEntry.objects.count() == trail
    # The same browser is not asked again.
    again = participant.get(form_url, secure=True)
    assert again.status_code == 302
    participant.post(form_url, GOOD, secure=True)
    with scopes_disabled():
        assert Evaluation.objects.filter(session=session).count() == before + 1


def test_evaluations_are_refused_before_the_session_and_after_closing(demo):
    earlier = session_called("Neglect: using the graded care profile 2")
    page = Client().get(
        reverse("training_evaluate:form", args=[earlier.evaluation_token]), secure=True
    )
    assert "Evaluations for this session have closed" in page.content.decode()
    with scopes_disabled():
        with pytest.raises(ValidationError):
            services.evaluation_send(session=earlier, values={k: int(v) for k, v in GOOD.items()})
        later = services.session_save(
            partnership=demo["northshire"],
            values={"title": "Next month", "date": timezone.localdate() + timedelta(days=30)},
            actor=manager(),
        )
    page = Client().get(
        reverse("training_evaluate:form", args=[later.evaluation_token]), secure=True
    )
    assert "are not open yet" in page.content.decode()
    assert Client().get("/t/not-a-token/", secure=True).status_code == 404


def test_too_many_evaluations_from_one_address_are_refused(demo, monkeypatch):
    monkeypatch.setattr(evaluate, "SEND_LIMIT", (2, 3600))
    form_url = reverse("training_evaluate:form", args=[open_session().evaluation_token])
    codes = [Client().post(form_url, GOOD, secure=True).status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_an_open_sessions_answers_are_not_shown_and_a_waiting_one_says_why(client_as):
    client = client_as(Role.OBSERVER)
    page = client.get(url("session", open_session().pk)).content.decode()
    assert "Answers are shown after evaluations close." in page
    assert "Agreed (%)" not in page
    assert "evaluation-link" in page
    briefing = client.get(
        url("session", session_called("Contextual safeguarding: a briefing").pk)
    ).content.decode()
    assert "waiting to be shown with other sessions of 2024-25" in briefing
    assert "Agreed (%)" not in briefing
    combined = client.get(
        url("session", session_called("Listening to young people: relationship-based practice").pk)
    ).content.decode()
    assert "shown together with Equality, equity, diversity and inclusion" in combined
    assert "Ask the young person what they want me to write down." in combined


def test_once_evaluations_have_closed_the_dates_are_fixed(demo):
    closed = session_called("Neglect: using the graded care profile 2")
    with scopes_disabled():
        with pytest.raises(ValidationError) as refused:
            services.session_save(
                partnership=demo["northshire"],
                session=closed,
                values={"date": closed.date, "evaluation_closes_on": date(2030, 1, 1)},
                actor=manager(),
            )
        assert "can no longer change" in str(refused.value)
        # An open session with evaluations cannot be closed on a day already past.
        current = open_session()
        with pytest.raises(ValidationError):
            services.session_save(
                partnership=demo["northshire"],
                session=current,
                values={
                    "date": current.date,
                    "evaluation_closes_on": timezone.localdate() - timedelta(days=1),
                },
                actor=manager(),
            )
        # Its other details may still change.
        services.session_save(
            partnership=demo["northshire"],
            session=closed,
            values={"delivered_by": "The training officer"},
            actor=manager(),
        )


def test_outcomes_43_and_51_in_a_review_show_the_years_training(demo):
    with scopes_disabled():
        review = Review.objects.get(partnership=demo["northshire"], period="2024-25")
        workforce = Outcome.objects.get(edition=review.edition, code="4.3")
        learning = Outcome.objects.get(edition=review.edition, code="5.1")
    with scope(partnership=demo["northshire"]):
        signals = [s for s in signals_for(review, workforce) if s.title.startswith("Training")]
        assert not [s for s in signals_for(review, learning) if s.title.startswith("Training")]
    assert signals[0].title == "Training in 2024-25"
    assert signals[0].lines[0] == (
        "4 sessions; 51 people attended from 7 of the partnership's 11 agencies."
    )
    assert signals[0].lines[2].startswith("21 evaluations shown: 95% agreed")
    assert signals[0].href.endswith("?year=2024-25")


def test_the_yearly_report_has_training_without_participants_words(demo):
    from reports.assemble import assemble
    from reports.document import Heading, Paragraph, Table
    from reports.models import YearlyReport

    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
        document = assemble(report)
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert "Training and its evaluation" in headings
    table = next(
        b for b in document.blocks if isinstance(b, Table) and b.caption.startswith("Participants")
    )
    assert [row[:2] for row in table.rows] == [
        ["Neglect: using the graded care profile 2 (18 September 2024)", "14"],
        [COMBINED, "7"],
        ["All shown", "21"],
    ]
    words = " ".join(b.text for b in document.blocks if isinstance(b, Paragraph))
    assert "2 evaluations from 1 session were too few to show." in words
    assert "Ask the school for its view" not in words


@pytest.mark.parametrize("name", ["list", "year", "session"])
def test_pages_take_the_same_queries_however_many_sessions(client_as, name):
    client = client_as(Role.OBSERVER)
    first = session_called("Neglect: using the graded care profile 2")
    target = {"list": url("list"), "year": url("year") + "?year=2024-25"}.get(
        name, url("session", first.pk)
    )
    client.get(target)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target).status_code == 200
        return len(queries)

    before = count()
    with scopes_disabled():
        agency = Agency.objects.filter(partnership__slug="northshire").last()
        for day in (1, 2, 3):
            session = services.session_save(
                partnership=first.partnership,
                values={"title": f"Extra {day}", "date": date(2024, 10, day)},
                actor=manager(),
            )
            services.attendance_set(session=session, agency=agency, attended=4, actor=manager())
            for _ in range(6):
                Evaluation.objects.create(
                    partnership=first.partnership,
                    session=session,
                    relevant=1,
                    will_use=2,
                    other_agencies=3,
                    confident=4,
                    change="More, please.",
                )
    assert count() == before


def test_another_partnerships_session_is_not_found(outsider_client):
    session = session_called("Neglect: using the graded care profile 2")
    assert outsider_client.get(url("session", session.pk)).status_code == 404


def test_evaluations_are_deleted_three_years_after_their_year_ends(demo):
    from datetime import datetime

    with scopes_disabled():
        kept = Evaluation.objects.filter(session__date__year=2024).count()
        assert kept
        # 2024-25 ends on 31 March 2025: its evaluations stay until 31 March 2028.
        services.evaluations_purge(now=timezone.make_aware(datetime(2028, 3, 31, 12)))
        assert Evaluation.objects.filter(session__date__year=2024).count() == kept
        removed = services.evaluations_purge(now=timezone.make_aware(datetime(2028, 4, 1, 12)))
        assert removed == {"training evaluations past their time": kept + 6}
        assert not Evaluation.objects.filter(session__date__lt=date(2025, 4, 1)).exists()

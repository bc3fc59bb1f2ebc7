"""Writes to surveys: waves and their statements, invitations, the respondent's answers (saved
page by page), the comment code frame, and imported responses (all or nothing)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from framework.models import Edition, Outcome, OutcomeCategory, SurveyCategory
from trust.acting import acting_as
from trust.imports import ImportResult, validate_rows
from trust.signals import data_imported
from trust.versioning import save_values

from .models import (
    Answer,
    Comment,
    CommentCode,
    Invitation,
    ResourceAnswer,
    Response,
    Wave,
    WaveStatement,
)
from .results import plan, results_changed

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


RESULTS_SHOWN_IMPORT = (
    "The results of this wave have been shown, so no more responses can be added to it. "
    "Import them into a new wave instead."
)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch in CODE_ALPHABET)


def new_resume_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@transaction.atomic
def wave_create(
    *,
    partnership,
    edition: Edition,
    title: str,
    period: str,
    opens_on: date,
    closes_on: date,
    mode: str,
    asks_resources: bool = False,
    actor,
) -> Wave:
    """A wave with all 34 statements, each mapped to the outcomes the content suggests."""
    with acting_as(actor):
        wave = Wave.objects.create(
            partnership=partnership,
            edition=edition,
            title=title,
            period=period,
            opens_on=opens_on,
            closes_on=closes_on,
            mode=mode,
            asks_resources=asks_resources,
        )
        for category in SurveyCategory.objects.filter(edition=edition).prefetch_related(
            "statements__default_outcomes"
        ):
            for source in category.statements.all():
                statement = WaveStatement.objects.create(
                    partnership=partnership,
                    wave=wave,
                    category=category,
                    source=source,
                    number=source.number,
                    text=source.text,
                )
                statement.outcomes.set(source.default_outcomes.all())
        code_frame_ensure(partnership=partnership, edition=edition)
        return wave


@transaction.atomic
def results_fixed_problems(
    wave: Wave, *, closes_on=None, min_group_size=None, breakdown_questions=None
) -> dict[str, str]:
    """Once a wave's results have been shown, what was shown must stay all that can be known:
    no reopening, no lower minimum, no new breakdown (any of which would let a reader compare
    two versions and single someone out)."""
    if not wave.results_shown:
        return {}
    problems = {}
    if closes_on is not None and closes_on >= timezone.localdate():
        problems["closes_on"] = (
            "The results of this wave have been shown, so it cannot reopen. Start a new wave "
            "instead."
        )
    if min_group_size is not None and min_group_size < wave.min_group_size:
        problems["min_group_size"] = (
            "The results of this wave have been shown, so its smallest group cannot be lowered."
        )
    if breakdown_questions is not None:
        now = set(plan(wave).offered)
        if set(plan(wave, chosen=list(breakdown_questions)).offered) - now:
            problems["breakdown_questions"] = (
                "The results of this wave have been shown, so you can stop offering a breakdown "
                "but not offer a new one."
            )
    return problems


def results_shown_mark(wave: Wave) -> None:
    """Record that a closed wave's results have been shown (see `results_fixed_problems`)."""
    if wave.is_closed and not wave.results_shown:
        Wave.objects.filter(pk=wave.pk).update(results_shown=True)
        wave.results_shown = True


def wave_save(*, wave: Wave, values: dict, expected_version: int | None, actor) -> Wave:
    """Change a wave's details; what fixes shown results cannot change (see
    `results_fixed_problems`)."""
    with acting_as(actor):
        stored = Wave.objects.get(pk=wave.pk)
        problems = results_fixed_problems(
            stored,
            **{
                name: values.get(name, getattr(stored, name))
                for name in ("closes_on", "min_group_size", "breakdown_questions")
            },
        )
        if problems:
            raise ValidationError(problems)
        return save_values(wave, values, expected_version=expected_version)


def _has_responses(wave: Wave) -> bool:
    return wave.responses.exists()


@transaction.atomic
def statements_choose(*, wave: Wave, included: set[int], actor) -> None:
    """Ask only the chosen statements. Not once anyone has answered: the results would mix."""
    with acting_as(actor):
        if _has_responses(wave):
            raise ValidationError(
                "People have already answered this wave, so its statements are fixed."
            )
        if not included:
            raise ValidationError("Choose at least one statement to ask.")
        for statement in wave.statements.all():
            if statement.included != (statement.pk in included):
                statement.included = statement.pk in included
                statement.save(update_fields=["included"])
        results_changed(wave)


@transaction.atomic
def local_statement_add(
    *, wave: Wave, category: SurveyCategory, text: str, outcomes, actor
) -> WaveStatement:
    with acting_as(actor):
        if _has_responses(wave):
            raise ValidationError(
                "People have already answered this wave, so its statements are fixed."
            )
        number = max(wave.statements.aggregate(n=Max("number"))["n"] or 0, 100) + 1
        statement = WaveStatement.objects.create(
            partnership=wave.partnership, wave=wave, category=category, number=number, text=text
        )
        statement.outcomes.set(outcomes)
        results_changed(wave)
        return statement


@transaction.atomic
def statement_outcomes_set(*, statement: WaveStatement, outcomes, actor) -> None:
    """The editable mapping from a statement to the framework outcomes it speaks to."""
    with acting_as(actor):
        statement.outcomes.set(outcomes)
        results_changed(statement.wave)


@transaction.atomic
def invitations_add(*, wave: Wave, agency, emails: list[str], link_for, actor) -> int:
    """Create a personal link for each new address and email it; returns how many."""
    with acting_as(actor):
        existing = set(wave.invitations.values_list("email", flat=True))
        sent = 0
        for email in emails:
            if email in existing:
                continue
            token = secrets.token_urlsafe(24)
            Invitation.objects.create(
                partnership=wave.partnership,
                wave=wave,
                agency=agency,
                email=email,
                token_hash=_hash(token),
            )
            _email_invitation(wave, email, link_for(token), reminder=False)
            sent += 1
        return sent


@transaction.atomic
def invitations_remind(*, wave: Wave, link_for, actor) -> int:
    """Remind everyone invited who has not answered. Their links are re-issued (only hashes
    are kept), so the reminder carries a working link."""
    with acting_as(actor):
        count = 0
        for invitation in wave.invitations.filter(completed=False):
            token = secrets.token_urlsafe(24)
            invitation.token_hash = _hash(token)
            invitation.reminded_at = timezone.now()
            invitation.save(update_fields=["token_hash", "reminded_at"])
            _email_invitation(wave, invitation.email, link_for(token), reminder=True)
            count += 1
        return count


def _email_invitation(wave: Wave, email: str, link: str, *, reminder: bool) -> None:
    subject = f"{'Reminder: ' if reminder else ''}{wave.title}"
    body = (
        f"{wave.partnership.name} asks everyone involved in its work to answer {wave.title}.\n\n"
        f"It is open until {wave.closes_on:%-d %B %Y}. Your answers are anonymous: they are "
        "never linked to you or to this email. We record only that this link has been used, "
        "so that we know the response rate.\n\n"
        f"{link}\n"
    )
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))


def invitation_for(wave: Wave, token: str) -> Invitation | None:
    return wave.invitations.filter(token_hash=_hash(token)).first()


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("wave", "wave__partnership")
        .filter(token_hash=_hash(token))
        .first()
    )


@transaction.atomic
def response_start(*, wave: Wave) -> tuple[Response, str]:
    """A new, empty response and the code the respondent keeps to come back to it."""
    if not wave.is_open:
        raise ValidationError("This survey is not open.")
    code = new_resume_code()
    response = Response.objects.create(
        partnership=wave.partnership, wave=wave, resume_hash=_hash(normalise_code(code))
    )
    return response, code


def response_resume(*, wave: Wave, code: str) -> Response | None:
    return wave.responses.filter(resume_hash=_hash(normalise_code(code)), submitted=False).first()


@transaction.atomic
def response_profile_save(*, response: Response, profile: dict[str, str]) -> None:
    for key, value in profile.items():
        setattr(response, key, value or "")
    response.save(update_fields=list(profile))


@transaction.atomic
def response_resources_save(*, response: Response, values: dict) -> None:
    """Save the resources page (Table A11's questions and what else is needed); a page left
    blank keeps nothing."""
    if response.submitted:
        raise ValidationError("This response has already been sent.")
    if not response.wave.asks_resources:
        raise ValidationError("This survey does not ask about resources.")
    names = [name for name, _ in ResourceAnswer.QUESTIONS] + ["needed"]
    given = {name: (values.get(name) or "").strip() for name in names}
    if not any(given.values()):
        ResourceAnswer.objects.filter(response=response).delete()
        return
    ResourceAnswer.objects.update_or_create(
        response=response, defaults={"partnership_id": response.partnership_id, **given}
    )


def response_page_save(
    *,
    response: Response,
    category: SurveyCategory,
    answers: dict[int, tuple[int | None, int | None, int | None]],
    comment: str,
) -> None:
    """Save one page: the answers to its statements and its comment (blank removes it).

    Answers and the comment are written with upserts (INSERT ... ON CONFLICT UPDATE): one
    statement for the page's answers and one for its comment, whatever it held before, so a
    burst of respondents stays cheap."""
    if response.submitted:
        raise ValidationError("This response has already been sent.")
    on_page = set(response.wave.statements.filter(category=category).values_list("pk", flat=True))
    if not set(answers) <= on_page:
        raise ValidationError("That statement is not on this page.")
    cleared = [pk for pk, given in answers.items() if given == (None, None, None)]
    if cleared:
        Answer.objects.filter(response=response, statement_id__in=cleared).delete()
    Answer.objects.bulk_create(
        [
            Answer(
                partnership_id=response.partnership_id,
                response=response,
                statement_id=pk,
                truth=truth,
                change=change,
                importance=importance,
            )
            for pk, (truth, change, importance) in answers.items()
            if pk not in cleared
        ],
        update_conflicts=True,
        unique_fields=["response", "statement"],
        update_fields=["truth", "change", "importance"],
    )
    comment = comment.strip()
    if comment:
        Comment.objects.bulk_create(
            [
                Comment(
                    partnership_id=response.partnership_id,
                    response=response,
                    category=category,
                    text=comment,
                )
            ],
            update_conflicts=True,
            unique_fields=["response", "category"],
            update_fields=["text"],
        )
    else:
        Comment.objects.filter(response=response, category=category).delete()


@transaction.atomic
def response_submit(*, response: Response, invitation_token: str | None = None) -> None:
    """Send the response: it can no longer be changed or resumed. If it came through a personal
    link, that invitation is marked answered, with no date and no pointer to the response."""
    if not response.wave.is_open:
        raise ValidationError("This survey has closed.")
    response.submitted = True
    response.resume_hash = None
    response.save(update_fields=["submitted", "resume_hash"])
    results_changed(response.wave)
    if invitation_token:
        Invitation.objects.filter(wave=response.wave, token_hash=_hash(invitation_token)).update(
            completed=True
        )


@transaction.atomic
def code_frame_ensure(*, partnership, edition: Edition) -> None:
    """Seed the template for coding comments: the survey's categories and statements, the
    framework's outcome categories and outcomes, and "enabler" and "barrier"."""
    if CommentCode.objects.filter(partnership=partnership).exists():
        return
    seeds: list[tuple[str, str]] = []
    for category in SurveyCategory.objects.filter(edition=edition).prefetch_related("statements"):
        seeds.append((CommentCode.Group.SURVEY_CATEGORY, category.name))
        seeds += [(CommentCode.Group.STATEMENT, s.text) for s in category.statements.all()]
    for category in OutcomeCategory.objects.filter(edition=edition).order_by("number"):
        seeds.append((CommentCode.Group.OUTCOME_CATEGORY, f"{category.number} {category.name}"))
    for outcome in Outcome.objects.filter(edition=edition).order_by("category__number", "position"):
        seeds.append((CommentCode.Group.OUTCOME, f"{outcome.code} {outcome.short_name}"))
    seeds += [
        (CommentCode.Group.ENABLER_BARRIER, "Enabler"),
        (CommentCode.Group.ENABLER_BARRIER, "Barrier"),
    ]
    CommentCode.objects.bulk_create(
        CommentCode(partnership=partnership, group=group, name=name[:300], position=index)
        for index, (group, name) in enumerate(seeds)
    )


@transaction.atomic
def comment_code_add(*, partnership, name: str, actor) -> CommentCode:
    with acting_as(actor):
        last = CommentCode.objects.filter(partnership=partnership).aggregate(p=Max("position"))["p"]
        return CommentCode.objects.create(
            partnership=partnership,
            group=CommentCode.Group.LOCAL,
            name=name,
            position=(last or 0) + 1,
        )


@transaction.atomic
def comment_codes_set(*, comment: Comment, codes, actor) -> None:
    with acting_as(actor):
        comment.codes.set(codes)


def _answers_insert(partnership_id: int, answers: list[tuple]) -> None:
    """Many answers in one prepared INSERT. Each is (the response's key as the database stores
    it, statement id, truth, change, importance). Building 340,000 model instances cost far more
    than writing the rows: a 10,000-row import took 14 s with bulk_create and 4.5 s like this."""
    if not answers:
        return
    table = connection.ops.quote_name(Answer._meta.db_table)
    columns = ["partnership_id", "response_id", "statement_id", "truth", "change", "importance"]
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL's COPY is several times faster than even a prepared INSERT.
            # The values are whole numbers, UUIDs and NULLs, which need no escaping in COPY's
            # text format; writing it in blocks is twice as fast as row by row.
            def text(value) -> str:
                return r"\N" if value is None else str(value)

            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for start in range(0, len(answers), 20_000):
                    copy.write(
                        "".join(
                            f"{partnership_id}\t{key}\t{statement}\t{text(truth)}\t"
                            f"{text(change)}\t{text(importance)}\n"
                            for key, statement, truth, change, importance in answers[
                                start : start + 20_000
                            ]
                        )
                    )
            return
        cursor.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 (our own names)
            [(partnership_id, *answer) for answer in answers],
        )


@transaction.atomic
def responses_import(*, wave: Wave, rows: list, file_name: str, actor) -> ImportResult:
    """Responses exported by another tool, in the documented layout: every row valid, or
    nothing is saved. Bulk inserts, one audited import event."""
    from .imports import response_row_cleaner

    if wave.results_shown:
        raise ValidationError(RESULTS_SHOWN_IMPORT)
    result = validate_rows(rows, response_row_cleaner(wave))
    if not result.ok:
        return result
    responses, answers, comments, resources = [], [], [], []
    for data in result.rows:
        response = Response(
            partnership=wave.partnership,
            wave=wave,
            submitted=True,
            imported=True,
            **data["profile"],
        )
        responses.append(response)
        key = Response._meta.pk.get_db_prep_value(response.pk, connection)
        answers += [
            (key, statement_id, truth, change, importance)
            for statement_id, (truth, change, importance) in data["answers"].items()
        ]
        comments += [
            Comment(partnership=wave.partnership, response=response, category_id=cid, text=text)
            for cid, text in data["comments"].items()
        ]
        if data["resources"]:
            resources.append(
                ResourceAnswer(partnership=wave.partnership, response=response, **data["resources"])
            )
    Response.objects.bulk_create(responses, batch_size=500)
    _answers_insert(wave.partnership_id, answers)
    Comment.objects.bulk_create(comments, batch_size=500)
    ResourceAnswer.objects.bulk_create(resources, batch_size=500)
    results_changed(wave)
    data_imported.send(
        sender=Response,
        actor=actor,
        partnership=wave.partnership,
        what=f"responses to {wave.title}",
        file_name=file_name,
        rows=len(result.rows),
    )
    return result

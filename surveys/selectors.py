"""Reads for surveys. Counting happens in the database (GROUP BY); nothing here loops over
responses."""

from __future__ import annotations

from collections import defaultdict

from django.db import connection
from django.db.models import Count, Q

from .models import PROFILE_KEYS, Answer, Comment, CommentCode, Response, Wave, WaveStatement

QUESTION_FIELDS = ("truth", "change", "importance")


def wave_list():
    return Wave.objects.annotate(
        answered=Count("responses", filter=Q(responses__submitted=True))
    ).order_by("-opens_on")


def response_counts(wave: Wave) -> dict[str, int]:
    return wave.responses.aggregate(
        sent=Count("id", filter=Q(submitted=True)),
        unsent=Count("id", filter=Q(submitted=False)),
    )


def invitation_rates(wave: Wave) -> list[dict]:
    """Invited and answered per agency (one query)."""
    return list(
        wave.invitations.values("agency__name")
        .annotate(invited=Count("id"), answered=Count("id", filter=Q(completed=True)))
        .order_by("agency__name")
    )


def asked_statements(wave: Wave) -> list[WaveStatement]:
    # No outcomes: the results pages never show them, and reading them doubled the cost of
    # working out a wave's results (`outcomes.outcome_signals` reads the mapping itself).
    return list(
        wave.statements.filter(included=True)
        .select_related("category", "source")
        .order_by("category__number", "number")
    )


def asked_statement_rows(wave: Wave) -> list[tuple]:
    """(id, number, text, category id, category number, category name, the report's number)
    of each asked statement, in the report's order."""
    return list(
        wave.statements.filter(included=True)
        .order_by("category__number", "number")
        .values_list(
            "pk",
            "number",
            "text",
            "category_id",
            "category__number",
            "category__name",
            "source__number",
        )
    )


def answer_counts(wave: Wave, sizes: dict[str, int]) -> dict[str, dict[int, dict[int, int]]]:
    """counts[question][statement_id][option] over submitted responses (`sizes`: how many
    options each question has): one grouped query, each option counted in the database.

    Written as SQL: it is the whole cost of working out a wave's results, and building the
    same query through the ORM's 16 annotations took longer than running it."""
    options = [(f, i) for f in QUESTION_FIELDS for i in range(1, sizes[f] + 1)]
    counted = ", ".join(f"COUNT(*) FILTER (WHERE a.{f} = {i})" for f, i in options)
    sql = (
        f"SELECT a.statement_id, {counted} FROM {Answer._meta.db_table} a "  # noqa: S608 (our own names)
        f"JOIN {Response._meta.db_table} r ON r.id = a.response_id "
        "WHERE r.wave_id = %s AND r.submitted GROUP BY a.statement_id"
    )
    result: dict[str, dict[int, dict[int, int]]] = {f: {} for f in QUESTION_FIELDS}
    with connection.cursor() as cursor:
        cursor.execute(sql, [wave.pk])
        for statement, *counts in cursor.fetchall():
            for field in QUESTION_FIELDS:
                result[field][statement] = {}
            for (field, option), n in zip(options, counts, strict=True):
                result[field][statement][option] = n
    return result


def _answers(wave: Wave):
    return Answer.objects.filter(response__wave=wave, response__submitted=True)


def breakdown_counts(wave: Wave, attribute: str) -> dict[int, dict[str, dict[int, int]]]:
    """counts[statement_id][group][truth option] for one profile attribute (one query)."""
    if attribute not in PROFILE_KEYS:
        raise ValueError(attribute)
    rows = (
        _answers(wave)
        .exclude(truth__isnull=True)
        .values("statement_id", f"response__{attribute}", "truth")
        .annotate(n=Count("id"))
    )
    result: dict[int, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        result[row["statement_id"]][row[f"response__{attribute}"]][row["truth"]] = row["n"]
    return result


def profile_combinations(wave: Wave) -> dict[tuple[str, ...], int]:
    """Respondents counted by their answers to every profile question, in PROFILE_KEYS order
    (one grouped query)."""
    rows = (
        Response.objects.filter(wave=wave, submitted=True)
        .values_list(*PROFILE_KEYS)
        .annotate(n=Count("id"))
        .order_by()
    )
    return {tuple(row[:-1]): row[-1] for row in rows}


def previous_wave(wave: Wave) -> Wave | None:
    return (
        Wave.objects.filter(opens_on__lt=wave.opens_on)
        .exclude(pk=wave.pk)
        .order_by("-opens_on")
        .first()
    )


def comments(wave: Wave, *, category: int | None = None, code: int | None = None):
    found = (
        Comment.objects.filter(response__wave=wave, response__submitted=True)
        .select_related("category", "response")
        .prefetch_related("codes")
        .order_by("category__number", "key")
    )
    if category:
        found = found.filter(category__number=category)
    if code:
        found = found.filter(codes__pk=code)
    return found


def code_counts(wave: Wave):
    """Every code with the number of this wave's comments carrying it (one query)."""
    return CommentCode.objects.annotate(
        uses=Count(
            "comments",
            filter=Q(comments__response__wave=wave, comments__response__submitted=True),
        )
    ).order_by("position", "name")

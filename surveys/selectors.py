"""Reads for surveys. Counting happens in the database (GROUP BY); nothing here loops over
responses."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q

from .models import PROFILE_KEYS, Comment, CommentCode, Response, Wave, WaveStatement

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
    return list(
        wave.statements.filter(included=True)
        .select_related("category", "source")
        .prefetch_related("outcomes")
        .order_by("category__number", "number")
    )


def answer_counts(wave: Wave, sizes: dict[str, int]) -> dict[str, dict[int, dict[int, int]]]:
    """counts[question][statement_id][option] over submitted responses (`sizes`: how many
    options each question has): one grouped query, each option counted in the database."""
    columns = {
        f"{field}_{i}": Count("id", filter=Q(**{field: i}))
        for field in QUESTION_FIELDS
        for i in range(1, sizes[field] + 1)
    }
    rows = _answers(wave).values("statement_id").annotate(**columns).order_by()
    result: dict[str, dict[int, dict[int, int]]] = {f: {} for f in QUESTION_FIELDS}
    for row in rows:
        for field in QUESTION_FIELDS:
            result[field][row["statement_id"]] = {
                i: row[f"{field}_{i}"] for i in range(1, sizes[field] + 1)
            }
    return result


def _answers(wave: Wave):
    from .models import Answer

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

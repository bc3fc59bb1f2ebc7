"""What partners sign when they sign a yearly report: the assembled document exactly as it will
be published (survey figures as published at that moment), and the figures the national
picture takes from it. Publication and the national share read this, never live records."""

from __future__ import annotations

from reviews.models import OutcomeJudgement, Rating, Review
from surveys.results import statement_results

from .assemble import assemble
from .document import Heading, document_from_data, document_to_data
from .models import YearlyReport


def _national(report: YearlyReport) -> dict:
    review = report.review
    wave = report.wave if report.wave and report.wave.is_closed else None
    data = {
        "review_signed": bool(review and review.status == Review.Status.SIGNED_OFF),
        "edition": review.edition.name if review else "",
        "ratings": [],
        "judgements": [],
        "wave_period": wave.period if wave else "",
        "statements": [],
    }
    if review is not None:
        data["ratings"] = [
            [r["indicator__outcome__code"], r["indicator__code"], r["level"]]
            for r in Rating.objects.filter(
                review=review, indicator__isnull=False, level__isnull=False, in_focus=True
            )
            .order_by("indicator__outcome__code", "indicator__code")
            .values("indicator__outcome__code", "indicator__code", "level")
        ]
        data["judgements"] = [
            [code, level]
            # This year's focus only: a judgement carried forward is never counted as this year's.
            for code, level in OutcomeJudgement.objects.filter(
                review=review, level__isnull=False, in_focus=True
            )
            .order_by("outcome__code")
            .values_list("outcome__code", "level")
        ]
    if wave is not None:
        for result in statement_results(wave):
            true = result.truth.groups.get("true")
            if result.statement.number < 100 and true is not None and true.whole is not None:
                data["statements"].append([result.statement.number, true.whole])
    return data


def freeze(report: YearlyReport) -> dict:
    return {
        "kind": "report",
        "title": str(report),
        "period": report.period,
        "partnership": report.partnership.name,
        "document": document_to_data(assemble(report)),
        "national": _national(report),
    }


def summary(content: dict) -> list[str]:
    blocks = content["document"]["blocks"]
    headings = [b["text"] for b in blocks if b["kind"] == Heading.kind and b["level"] == 1]
    tables = sum(1 for b in blocks if b["kind"] == "table")
    charts = sum(1 for b in blocks if b["kind"] == "chart")
    return [
        f"{len(headings)} sections: {', '.join(headings)}.",
        f"{tables} {'table' if tables == 1 else 'tables'} and "
        f"{charts} {'chart' if charts == 1 else 'charts'}.",
        "The Word file and the PDF made at publication are made from exactly this version.",
    ]


def page_context(content: dict) -> dict:
    return {"document": document_from_data(content["document"])}


def _sections(content: dict) -> dict[str, list]:
    sections: dict[str, list] = {}
    current = "Opening"
    for block in content["document"]["blocks"]:
        if block["kind"] == Heading.kind and block["level"] == 1:
            current = block["text"]
        sections.setdefault(current, []).append(block)
    return sections


def changes(old: dict, new: dict) -> list[str]:
    """What changed between two versions of a report, section by section, in plain words."""
    before, after = _sections(old), _sections(new)
    lines = [f"Section added: “{name}”." for name in after if name not in before]
    lines += [f"Section removed: “{name}”." for name in before if name not in after]
    lines += [
        f"Section changed: “{name}”."
        for name in after
        if name in before and before[name] != after[name]
    ]
    return lines


def signoff_blocks(round_) -> list:
    """The signed document's sign-off section: who signed for which partner body (a delegate
    for their lead), when, and any reservation. Added to the published page and files."""
    from .document import Table

    rows = []
    for signature in round_.signatures.select_related(
        "partner_body", "signed_by", "on_behalf_of__membership__user"
    ).order_by("partner_body__name"):
        who = str(signature.signed_by or "")
        if signature.on_behalf_of_id:
            who += f", for {signature.on_behalf_of.membership.user}"
        rows.append(
            [
                signature.partner_body.name,
                who,
                f"{signature.signed_at:%-d %B %Y}",
                signature.reservation or "None",
            ]
        )
    return [
        Heading("Sign-off", 1, "sign-off"),
        Table(
            "Signed by every statutory partner body",
            ["Partner body", "Signed by", "Date", "Reservation"],
            rows,
        ),
    ]

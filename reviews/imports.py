"""Bringing existing work: ratings and commentary from a spreadsheet in the layout of the review
export (columns Code and Rating, optionally Commentary, Enablers, Barriers, Next steps)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from trust.tabular import Row

RATING_COLUMNS = ("code", "rating")
TEXT_COLUMNS = {
    "commentary": "commentary",
    "enablers": "enablers",
    "barriers": "barriers",
    "next steps": "next_steps",
}
NOT_ASSESSED = "not yet assessed"


def _level(rating_text: str, levels: dict[str, int], problems: list[str]) -> int | None:
    if not rating_text or rating_text.lower() == NOT_ASSESSED:
        return None
    level = levels.get(rating_text.lower())
    if level is None:
        problems.append(
            f"{rating_text[:40]} is not a rating. Use one of: "
            + ", ".join(label for label in levels if not label.isdigit()).title()
            + ", or Not yet assessed."
        )
    return level


def _texts(row: Row, problems: list[str]) -> dict[str, str]:
    """The commentary columns present in the file (a missing column leaves the text alone)."""
    texts = {}
    for column, field in TEXT_COLUMNS.items():
        if column in row.values:
            value = row.values[column]
            if len(value) > 10_000:
                problems.append(f"{column.capitalize()} must be 10,000 characters or fewer.")
            texts[field] = value
    return texts


def rating_row_cleaner(
    codes: dict[str, int], levels: dict[str, int], out_of_focus: frozenset[str] = frozenset()
):
    """`codes`: indicator code -> rating id in this year's focus; `levels`: label or number ->
    value; `out_of_focus`: the review's other indicator codes (named as such when given)."""

    def clean(row: Row, seen: dict) -> dict:
        problems = []
        code = row.values.get("code", "").strip()
        rating_text = row.values.get("rating", "").strip()
        rating_id = codes.get(code)
        if not code:
            problems.append("Enter the indicator code, like 1.1.3.")
        elif code in out_of_focus:
            problems.append(
                f"Indicator {code} is not in this year's focus: add it on the focus page first."
            )
        elif rating_id is None:
            problems.append(f"{code[:20]} is not an indicator in this review.")
        elif code in seen:
            problems.append(f"Indicator {code} is also on row {seen[code]}.")
        level = _level(rating_text, levels, problems)
        texts = _texts(row, problems)
        if problems:
            raise ValidationError(problems)
        seen[code] = row.number
        return {"rating_id": rating_id, "level": level, **texts}

    return clean

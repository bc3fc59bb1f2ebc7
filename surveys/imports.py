"""Reading a wave's responses exported by another tool (documented in README.md).

One row per respondent. Profile columns (optional, blank = not answered): position, region,
service_length, leadership_experience, professional_experience, lscb_experience, holding the
report's labels (Table A6), e.g. "BM", "Southeast", "3-4 years". For statement number N:
sN_true, sN_change, sN_importance holding the report's answer words, any case ("Mostly true",
"improved", "quite important", "don't know"), or blank. Comments: comment_K for survey
category K (1-6). Resources (Table A11, for a wave that asks them): resources_financial,
resources_staffing, resources_systems, resources_training holding "yes" or "no" (any case),
and resources_needed in the respondent's words.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from trust.tabular import Row

from .forms import MAX_COMMENT
from .models import PROFILE_KEYS, ResourceAnswer, Wave

QUESTIONS = (
    ("true", "true_options"),
    ("change", "change_options"),
    ("importance", "importance_options"),
)


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def layout(wave: Wave) -> dict:
    """What the import accepts for this wave: profile values, answer words, statement columns."""
    survey = wave.edition.survey
    profile = {
        p["key"]: {_norm(o["code"]): o["code"] for o in p["options"]}
        | {_norm(o["label"]): o["code"] for o in p["options"]}
        for p in survey.get("profile", [])
    }
    answers = {
        name: {_norm(label): i for i, label in enumerate(survey[key], start=1)}
        for name, key in QUESTIONS
    }
    statements = {
        s.number: s.pk for s in wave.statements.filter(included=True).only("pk", "number")
    }
    categories = {c.number: c.pk for c in wave.edition.survey_categories.all()}
    return {
        "profile": profile,
        "answers": answers,
        "statements": statements,
        "categories": categories,
        "asks_resources": wave.asks_resources,
    }


def response_row_cleaner(wave: Wave):
    return ResponseRowCleaner(layout(wave))


class ResponseRowCleaner:
    """Cleans one respondent's row; each part (profile, answers, comments) adds its problems
    to the row's list, so a person sees everything wrong with a row at once."""

    POSITIONS = {q: i for i, (q, _) in enumerate(QUESTIONS)}

    def __init__(self, spec: dict):
        self.spec = spec
        # Every row has the same columns and a handful of different answer words, so what a
        # column means and what a word is worth are worked out once (a 10,000-row file has
        # 340,000 cells).
        self.columns: dict[str, tuple | None] = {}
        self.words: dict[tuple[str, str], int | None] = {}

    def __call__(self, row: Row, _seen: dict) -> dict:
        problems: list[str] = []
        profile = self.profile(row, problems)
        answers = self.answers(row, problems)
        comments = self.comments(row, problems)
        resources = self.resources(row, problems)
        if not problems and not answers and not comments and not resources:
            problems.append("The row has no answers and no comments.")
        if problems:
            raise ValidationError(problems)
        return {
            "profile": profile,
            "answers": answers,
            "comments": comments,
            "resources": resources,
        }

    def profile(self, row: Row, problems: list[str]) -> dict[str, str]:
        profile = {}
        for key in PROFILE_KEYS:
            raw = row.values.get(key, "").strip()
            if not raw:
                continue
            code = self.spec["profile"].get(key, {}).get(_norm(raw))
            if code is None:
                problems.append(f"{key}: “{raw[:40]}” is not one of the survey's options.")
            else:
                profile[key] = code
        return profile

    def answers(self, row: Row, problems: list[str]) -> dict[int, tuple]:
        answers: dict[int, list] = {}
        for column, raw in row.values.items():
            meaning = self.column_meaning(column)
            raw = raw.strip()
            if meaning is None or not raw:
                continue
            statement, question = meaning
            if statement == "problem":
                problems.append(question)
                continue
            value = self.answer_value(question, raw)
            if value is None:
                problems.append(
                    f"{column}: “{raw[:40]}” is not one of the answers to this question."
                )
                continue
            slot = answers.setdefault(statement, [None, None, None])
            slot[self.POSITIONS[question]] = value
        return {k: tuple(v) for k, v in answers.items()}

    def comments(self, row: Row, problems: list[str]) -> dict[int, str]:
        comments = {}
        for column, raw in row.values.items():
            if not column.startswith("comment_") or not raw.strip():
                continue
            number = column.removeprefix("comment_")
            category = self.spec["categories"].get(int(number)) if number.isdigit() else None
            if category is None:
                problems.append(f"{column}: there is no survey category {number[:10]}.")
            elif len(raw) > MAX_COMMENT:
                problems.append(f"{column}: comments can be at most {MAX_COMMENT} characters.")
            else:
                comments[category] = raw.strip()
        return comments

    RESOURCES = {f"resources_{name}": name for name, _ in ResourceAnswer.QUESTIONS}
    ADEQUATE = {value: value for value in ResourceAnswer.Adequate.values}

    def resources(self, row: Row, problems: list[str]) -> dict[str, str]:
        """The Table A11 answers: yes or no to each question, and what else is needed."""
        found: dict[str, str] = {}
        for column, raw in row.values.items():
            raw = raw.strip()
            if not raw or not (column in self.RESOURCES or column == "resources_needed"):
                continue
            if not self.spec["asks_resources"]:
                problems.append(f"{column}: this wave does not ask about resources.")
            elif column == "resources_needed":
                if len(raw) > MAX_COMMENT:
                    problems.append(f"{column}: answers can be at most {MAX_COMMENT} characters.")
                else:
                    found["needed"] = raw
            elif _norm(raw) not in self.ADEQUATE:
                problems.append(f"{column}: “{raw[:40]}” is not yes or no.")
            else:
                found[self.RESOURCES[column]] = _norm(raw)
        return found

    def column_meaning(self, column: str) -> tuple | None:
        """None (not an answer column), ("problem", text), or (statement, question)."""
        if column not in self.columns:
            meaning = None
            if column.startswith("s") and "_" in column:
                number, _, question = column[1:].partition("_")
                if number.isdigit() and question in self.spec["answers"]:
                    statement = self.spec["statements"].get(int(number))
                    meaning = (
                        ("problem", f"{column}: statement {number} is not asked in this wave.")
                        if statement is None
                        else (statement, question)
                    )
            self.columns[column] = meaning
        return self.columns[column]

    def answer_value(self, question: str, raw: str) -> int | None:
        if (question, raw) not in self.words:
            self.words[question, raw] = self.spec["answers"][question].get(_norm(raw))
        return self.words[question, raw]

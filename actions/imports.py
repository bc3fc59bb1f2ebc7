"""Reading an existing action log (CSV or Excel): action and due date required; source (an
existing source's title), owner agency (an agency's name), lead and status optional."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError

from partnerships.models import Agency
from trust.tabular import Row

from .models import Action, LearningSource

ACTION_COLUMNS = ("action", "due date")
STATUS_WORDS = {
    "": Action.Status.NOT_STARTED,
    "not started": Action.Status.NOT_STARTED,
    "in progress": Action.Status.IN_PROGRESS,
    "ongoing": Action.Status.IN_PROGRESS,
    "done": Action.Status.DONE,
    "complete": Action.Status.DONE,
    "completed": Action.Status.DONE,
}


def _date(raw: str) -> date | None:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _due_date(raw: str, problems: list[str]) -> date | None:
    due = _date(raw) if raw else None
    if not raw:
        problems.append("Enter the due date, like 31/3/2026.")
    elif due is None:
        problems.append(f"“{raw[:30]}” is not a date; use day/month/year, like 31/3/2026.")
    return due


def action_row_cleaner(partnership):
    sources = {s.title.lower(): s for s in LearningSource.objects.filter(partnership=partnership)}
    agencies = {a.name.lower(): a for a in Agency.objects.filter(partnership=partnership)}

    def clean(row: Row, _seen: dict) -> dict:
        problems = []
        title = " ".join(row.values.get("action", "").split())
        due = _due_date(row.values.get("due date", "").strip(), problems)
        source_name = row.values.get("source", "").strip()
        agency_name = row.values.get("owner agency", "").strip()
        status_word = " ".join(row.values.get("status", "").lower().split())
        if not title:
            problems.append("Enter the action.")
        elif len(title) > 300:
            problems.append("The action must be 300 characters or fewer.")
        if source_name and source_name.lower() not in sources:
            problems.append(
                f"There is no learning source called “{source_name[:60]}”. Add it first."
            )
        if agency_name and agency_name.lower() not in agencies:
            problems.append(f"There is no agency called “{agency_name[:60]}”.")
        if status_word not in STATUS_WORDS:
            problems.append("Status must be not started, in progress or done.")
        lead = row.values.get("lead", "").strip()
        if len(lead) > 150:
            problems.append("The lead must be 150 characters or fewer.")
        if problems:
            raise ValidationError(problems)
        status = STATUS_WORDS[status_word]
        return {
            "title": title,
            "due_date": due,
            "source": sources.get(source_name.lower()),
            "owner_agency": agencies.get(agency_name.lower()),
            "lead": lead,
            "status": status,
            "completed_on": due if status == Action.Status.DONE else None,
        }

    return clean

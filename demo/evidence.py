"""The evidence register's part of the demo: Northshire's evidence, typed by the report's
sources of evidence, one with a file."""

from __future__ import annotations

from datetime import date

from django_scopes import scope

from evidence.models import EvidenceItem
from framework.models import EvidenceSource
from framework.selectors import current_edition
from partnerships.models import Agency

# (source number, title, date, owner agency, summary)
ITEMS = [
    (
        4,
        "Independent scrutineer's annual report 2024",
        date(2024, 11, 20),
        None,
        "Scrutiny of the arrangements, including challenge between agencies and the voice of children.",
    ),
    (
        5,
        "Joint targeted area inspection: findings letter",
        date(2024, 6, 12),
        "Northshire County Council children's services",
        "Inspectorate findings on the multi-agency response to children at risk of exploitation.",
    ),
    (
        3,
        "Multi-agency audit: neglect",
        date(2024, 9, 30),
        "Northshire Safeguarding Children Partnership business unit",
        "Case audit of 24 neglect cases across agencies, with actions.",
    ),
    (
        2,
        "Partnership dataset, Q4 2024-25",
        date(2025, 4, 15),
        "Northshire Safeguarding Children Partnership business unit",
        "Quarterly multi-agency dataset: contacts, referrals, re-referrals and timeliness.",
    ),
    (
        1,
        "Young scrutineers' feedback on the front door",
        date(2025, 2, 8),
        None,
        "What young people said about contacting services for help, and what they would change.",
    ),
    (
        18,
        "Rapid review learning briefing: baby J",
        date(2025, 1, 22),
        "Northshire Hospitals NHS Foundation Trust",
        "Learning from a rapid review about safe sleep and pre-birth planning.",
    ),
    (
        19,
        "Section 11 audit summary 2024",
        date(2024, 12, 5),
        "Northshire Safeguarding Children Partnership business unit",
        "Agencies' self-assessment against their Section 11 duties.",
    ),
    (
        12,
        "Executive group minutes, March 2025",
        date(2025, 3, 18),
        None,
        "Decisions on priorities and the escalation of two inter-agency challenges.",
    ),
]


def demo_evidence(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    sources = {s.number: s for s in EvidenceSource.objects.filter(edition=edition)}
    with scope(partnership=northshire):
        agencies = {a.name: a for a in Agency.objects.filter(partnership=northshire)}
        for number, title, when, agency, summary in ITEMS:
            EvidenceItem.objects.create(
                partnership=northshire,
                source=sources[number],
                title=title,
                date=when,
                owner_agency=agencies.get(agency),
                summary=summary,
            )

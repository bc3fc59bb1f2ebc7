"""Easy-read words for the theory of change's outcomes, for children, young people and
families. These are the platform's words, not the report's: every page that shows them says
so, and the report's own wording stays on the framework pages.

Written to the usual easy-read rules: one idea a sentence, everyday words, "we" for the
partnership and "you" for the reader, and a picture beside each part.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Edition


@dataclass(frozen=True)
class EasyCategory:
    number: int
    heading: str
    picture: str  # a name in ui/_easy_picture.html
    outcomes: dict[str, str]  # outcome code -> easy-read sentences


INTRODUCTION = [
    "Lots of groups work together to keep children safe where you live.",
    "They include the council, the police, the NHS, schools and charities.",
    "Together they are called the safeguarding partnership.",
    "This page says what the partnership wants to get better at.",
]

# By edition name: a new edition gets its own words only when someone has written them.
EASY_READ: dict[str, list[EasyCategory]] = {
    "MACS 2024": [
        EasyCategory(
            1,
            "Leading the way",
            "flag",
            {
                "1.1": "We agree with children and families what we want for every child. "
                "We keep making things better.",
                "1.2": "We choose what to work on first. "
                "We look early for dangers, and for chances to help.",
                "1.3": "We make big decisions together. "
                "Everyone who works with children has a say.",
            },
        ),
        EasyCategory(
            2,
            "Checking our work",
            "check",
            {
                "2.1": "The groups check each other's work. "
                "They speak up when something is not right.",
                "2.2": "You can check our work too. You can tell us when we get it wrong.",
                "2.3": "We check that children and families get the right help at the right time.",
            },
        ),
        EasyCategory(
            3,
            "Listening to you",
            "speech",
            {
                "3.1": "Children, young people and families help choose what we work on. "
                "We respect your rights.",
                "3.2": "We listen to children and families. "
                "What you tell us changes the decisions about you.",
                "3.3": "We are fair to everyone. We include people from every background.",
                "3.4": "You know how to spot danger and who to tell. "
                "You can help keep children safe where you live.",
            },
        ),
        EasyCategory(
            4,
            "Working together",
            "together",
            {
                "4.1": "All the groups work together towards the same goals.",
                "4.2": "The groups share the right information with each other, "
                "safely and quickly.",
                "4.3": "Staff have the skills to work together. "
                "They treat every child and family fairly.",
            },
        ),
        EasyCategory(
            5,
            "Learning and being fair",
            "book",
            {
                "5.1": "We learn from research and from times things went wrong. "
                "Then we change how we work.",
                "5.2": "Children and families are treated fairly. "
                "Nobody is treated badly because of who they are.",
                "5.3": "Our leaders think about what works and what does not. "
                "They keep making things better.",
            },
        ),
    ]
}


def easy_read_outcomes(edition: Edition) -> list[EasyCategory]:
    """The edition's easy-read outcomes, or an empty list if none have been written."""
    return EASY_READ.get(edition.name, [])

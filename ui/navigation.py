"""The partnership's menu: a few sections in the service navigation, and the pages of the
section a person is in beneath it. Apps list their pages for the "partnership_menu" hook
(trust.hooks); a person sees only the pages they may use (the access policy)."""

from __future__ import annotations

from dataclasses import dataclass

# The sections, in the order of the MACS cycle: understand, review, plan and act, hear, report,
# and the partnership itself.
SECTIONS = (
    ("home", "Home"),
    ("framework", "Framework"),
    ("review", "Review and evidence"),
    ("improve", "Plans and actions"),
    ("voices", "Voices"),
    ("report", "Reports"),
    ("partnership", "Partnership"),
)


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str  # takes the partnership's slug
    order: int
    section: str = "partnership"  # one of SECTIONS
    # What the entry reads for members who see none of the staff pages (young scrutineers).
    label_for_young_people: str = ""
    # The pages (URL names, or their beginnings) that belong to this entry: by default every
    # page of its app. The longest match wins, so an app can share its pages out.
    covers: tuple[str, ...] = ()

    @property
    def prefixes(self) -> tuple[str, ...]:
        return self.covers or (self.url_name.split(":")[0] + ":",)


def current_entry(entries, here: str) -> MenuItem | None:
    """The menu entry the page called `here` belongs to: its own, else the longest cover."""
    for entry in entries:
        if entry.url_name == here:
            return entry
    covering = [
        (len(prefix), entry)
        for entry in entries
        for prefix in entry.prefixes
        if here.startswith(prefix)
    ]
    return max(covering, key=lambda found: found[0])[1] if covering else None


@dataclass
class Section:
    key: str
    label: str
    pages: list[dict]  # {"label", "href", "current"}
    current: bool = False

    @property
    def href(self) -> str:
        return self.pages[0]["href"]

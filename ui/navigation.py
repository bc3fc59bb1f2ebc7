"""An entry in the partnership's menu. Apps list theirs for the "partnership_menu" hook
(trust.hooks); the page shows only the entries the person may use (the access policy)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str  # takes the partnership's slug
    order: int
    # What the entry reads for members who see none of the staff pages (young scrutineers).
    label_for_young_people: str = ""

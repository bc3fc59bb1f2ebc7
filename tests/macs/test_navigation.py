"""The partnership's menu: a few sections, the pages of the current one, and only what the
person may use."""

from __future__ import annotations

from django.urls import reverse

from partnerships.roles import Role


def _menu(client, name: str, *args) -> list:
    response = client.get(reverse(name, args=["northshire", *args]))
    assert response.status_code == 200
    return response.context["navigation"]


def _current(sections) -> tuple[str, list[str]]:
    section = next(s for s in sections if s.current)
    return section.label, [p["label"] for p in section.pages if p["current"]]


def test_sections_for_a_business_manager_and_the_current_page(client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    sections = _menu(manager, "reviews:list")
    assert [s.label for s in sections] == [
        "Home",
        "Framework",
        "Review and evidence",
        "Plans and actions",
        "Voices",
        "Reports",
        "Partnership",
    ]
    assert _current(sections) == ("Review and evidence", ["Reviews"])
    review = next(s for s in sections if s.current)
    assert [p["label"] for p in review.pages] == ["Reviews", "Evidence", "Monitors", "Survey"]
    # A page with no menu entry of its own belongs to the entry covering its app.
    assert _current(_menu(manager, "partnerships:agencies")) == ("Partnership", ["Partnership"])
    assert _current(_menu(manager, "partnerships:people")) == ("Partnership", ["People"])
    assert _current(_menu(manager, "partnerships:home")) == ("Home", ["Home"])


def test_a_young_scrutineer_sees_only_their_pages_in_their_words(client_as):
    sections = _menu(client_as(Role.YOUNG_SCRUTINEER), "partnerships:home")
    pages = [p["label"] for s in sections for p in s.pages]
    assert "You said, we did" in pages
    assert not {"Reviews", "Audit trail", "People", "Actions"} & set(pages)

"""Template context every page needs: service name, environment, current partnership, and the
partnership's menu (the apps' "partnership_menu" hooks) with only the pages this person may
use (the access policy's `can`)."""

from django.conf import settings

from accounts import two_factor
from trust import hooks
from ui.navigation import SECTIONS, Section, current_entry
from ui.templatetags.ui_links import link

from .access import can


def navigation(request) -> list[Section]:
    """The sections this person has pages in, each with those pages; the section of the page
    being shown (by its URL's app) is current, and so is the page itself."""
    partnership = getattr(request, "partnership", None)
    if partnership is None or not hasattr(request, "roles"):
        return []
    staff = can(request, "partnerships:about")
    entries = sorted(
        (entry for menu in hooks.get_hooks("partnership_menu") for entry in menu()),
        key=lambda entry: entry.order,
    )
    match = getattr(request, "resolver_match", None)
    entries = [entry for entry in entries if can(request, entry.url_name)]
    here = current_entry(entries, match.view_name if match else "")
    sections = {key: Section(key, label, []) for key, label in SECTIONS}
    for entry in entries:
        sections[entry.section].pages.append(
            {
                "label": entry.label if staff else entry.label_for_young_people or entry.label,
                "href": link(entry.url_name, partnership.slug),
                "current": entry is here,
            }
        )
        sections[entry.section].current |= entry is here
    return [section for section in sections.values() if section.pages]


def service(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "two_factor_relaxed": bool(
            user is not None and user.is_authenticated and two_factor.is_relaxed(user)
        ),
        "session_warning_seconds": settings.MACS_SESSION_WARNING_SECONDS,
        "service_name": settings.MACS_SERVICE_NAME,
        "environment": getattr(settings, "MACS_ENVIRONMENT", ""),
        "partnership": getattr(request, "partnership", None),
        "membership": getattr(request, "membership", None),
        "roles": getattr(request, "roles", frozenset()),
        "navigation": navigation(request),
    }

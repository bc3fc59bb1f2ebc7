"""Everything held about a person, for the "download your data" page (UK GDPR Article 15).

Each app that keeps data about people registers a collector for the "personal_data" hook in its
hooks.py (trust.hooks); this module never imports them. A collector takes the user and returns
{section name: JSON-ready data}.
"""

from __future__ import annotations

from trust import hooks


def collect(user) -> dict[str, object]:
    data: dict[str, object] = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "platform_administrator": user.is_staff,
        }
    }
    sections: dict[str, object] = {}
    for collector in hooks.get_hooks("personal_data"):
        sections.update(collector(user))
    return data | dict(sorted(sections.items()))

"""Everything held about a person, for the "download your data" page (UK GDPR Article 15).

Each app that keeps data about people registers a collector in its AppConfig.ready(); this
module never imports them. A collector takes the user and returns JSON-ready data.
"""

from __future__ import annotations

from collections.abc import Callable

Collector = Callable[[object], object]
_collectors: dict[str, Collector] = {}


def register(name: str, collector: Collector) -> None:
    _collectors[name] = collector


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
    for name, collector in sorted(_collectors.items()):
        data[name] = collector(user)
    return data

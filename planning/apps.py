from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = "Priority planning"

    def ready(self) -> None:
        from signoff.services import register_kind, status_follows

        from . import signing
        from .models import Priority

        register_kind(
            Priority,
            freeze=signing.freeze,
            summary=signing.summary,
            template="planning/signed_version.html",
            changes=signing.changes,
            on_state=status_follows("agreed", {"draft": False, "awaiting": False, "signed": True}),
        )

from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = "Priority planning"

    def ready(self) -> None:
        from audit.tracking import track
        from partnerships.demo import register_extension
        from reviews import outcome_signals

        from .demo import demo_priorities
        from .models import (
            Activity,
            Pathway,
            Priority,
            PriorityOutcome,
            ProgressUpdate,
            Reflection,
            Resource,
        )
        from .outcomes import outcome_signals as priority_signals

        def of(o):
            return o.partnership_id

        from signoff.services import register_kind, status_follows

        from . import signing

        register_kind(
            Priority, freeze=signing.freeze, summary=signing.summary,
            template="planning/signed_version.html", changes=signing.changes, on_state=status_follows(
                "agreed", {"draft": False, "awaiting": False, "signed": True}
            ),
        )  # fmt: skip
        track(Priority, partnership=of)
        track(
            PriorityOutcome,
            partnership=of,
            m2m_fields=("framework_outcomes", "indicators", "monitors"),
        )
        track(Activity, partnership=of)
        track(Pathway, partnership=of)
        track(Resource, partnership=of)
        track(Reflection, partnership=of)
        track(ProgressUpdate, partnership=of, m2m_fields=("evidence",))
        outcome_signals.register(priority_signals)
        register_extension(demo_priorities)

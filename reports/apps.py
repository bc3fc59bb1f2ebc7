from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Yearly reports"

    def ready(self) -> None:
        from signoff.services import register_kind, status_follows

        from . import signing
        from .models import YearlyReport

        register_kind(
            YearlyReport,
            freeze=signing.freeze,
            summary=signing.summary,
            template="reports/signed_version.html",
            changes=signing.changes,
            on_state=status_follows(
                "status",
                {
                    "draft": YearlyReport.Status.DRAFT,
                    "awaiting": YearlyReport.Status.IN_REVIEW,
                    "signed": YearlyReport.Status.SIGNED_OFF,
                },
            ),
            context=signing.page_context,
        )

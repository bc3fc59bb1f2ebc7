from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Yearly reports"

    def ready(self) -> None:
        from audit.tracking import track
        from partnerships.demo import register_extension

        from .demo import demo_reports
        from .models import GeneratedFile, NarrativeSection, YearlyReport

        def of(o):
            return o.partnership_id

        from signoff.services import register_kind, status_follows

        from . import signing

        register_kind(
            YearlyReport, freeze=signing.freeze, summary=signing.summary,
            template="reports/signed_version.html", changes=signing.changes, on_state=status_follows("status", {
                "draft": YearlyReport.Status.DRAFT, "awaiting": YearlyReport.Status.IN_REVIEW,
                "signed": YearlyReport.Status.SIGNED_OFF,
            }),
            context=signing.page_context,
        )  # fmt: skip
        track(YearlyReport, partnership=of)
        track(NarrativeSection, partnership=of)
        track(GeneratedFile, partnership=of)
        register_extension(demo_reports)

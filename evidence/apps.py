from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "evidence"
    verbose_name = "Evidence register"

    def ready(self) -> None:
        from audit.tracking import track
        from partnerships.demo import register_extension

        from .demo import demo_evidence
        from .models import EvidenceItem

        track(EvidenceItem, partnership=lambda o: o.partnership_id)
        register_extension(demo_evidence)

from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "Partnership survey"

    def ready(self) -> None:
        from trust.signals import purge_due

        from .services import answers_purge_due

        purge_due.connect(answers_purge_due, dispatch_uid="surveys.answers_purge")

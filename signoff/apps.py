from django.apps import AppConfig


class SignoffConfig(AppConfig):
    name = "signoff"
    verbose_name = "Joint sign-off"

    def ready(self) -> None:
        from audit.tracking import track
        from notifications import reminders

        from .models import Signature, SignOff
        from .services import signoff_due_reminders

        reminders.register(signoff_due_reminders)
        track(SignOff, partnership=lambda o: o.partnership_id)
        track(Signature, partnership=lambda o: o.signoff.partnership_id)

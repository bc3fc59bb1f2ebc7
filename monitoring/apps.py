from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Monitors"

    def ready(self) -> None:
        from audit.tracking import track
        from partnerships.demo import register_extension

        from .demo import demo_monitors
        from .models import Monitor

        # Values arrive in bulk by import (one audited import event), so only monitors are
        # tracked field by field.
        track(
            Monitor, partnership=lambda o: o.partnership_id, m2m_fields=("indicators", "outcomes")
        )
        register_extension(demo_monitors)

from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "trust"
    verbose_name = "Trust mechanisms (versions, soft deletion, uploads, tables)"

    def ready(self) -> None:
        from . import hooks

        # Every app's hooks.py: what later apps add to earlier ones (trust/hooks.py).
        hooks.discover()

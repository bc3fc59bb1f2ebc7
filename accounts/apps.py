from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from trust.signals import purge_due

        from . import checks  # noqa: F401  (registers the system checks)
        from .lockout import sign_in_records_purge

        purge_due.connect(sign_in_records_purge, dispatch_uid="accounts.sign_in_records_purge")

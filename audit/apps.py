from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from partnerships import models as p

        from . import receivers  # noqa: F401  (connects sign-in, lockout and reset signals)
        from .tracking import track, track_registered

        # Accounts are not in any one partnership: their changes (name, email) are platform-level.
        track(
            get_user_model(),
            partnership=lambda _: None,
            exclude_fields=("password", "last_login"),
        )
        track(p.Partnership, partnership=lambda o: o.pk)
        track(p.PartnerBody, partnership=lambda o: o.partnership_id)
        track(p.Agency, partnership=lambda o: o.partnership_id)
        track(p.Membership, partnership=lambda o: o.partnership_id)
        track(p.RoleAssignment, partnership=lambda o: o.membership.partnership_id)
        track(p.Subgroup, partnership=lambda o: o.partnership_id, m2m_fields=("members",))
        track(p.Invitation, partnership=lambda o: o.partnership_id, exclude_fields=("token_hash",))
        # The later apps' models, listed in their hooks.py.
        track_registered()

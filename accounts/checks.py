"""System checks: production never relaxes two-factor sign-in."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def two_factor_never_relaxed_in_production(app_configs, **kwargs) -> list[Error]:
    if getattr(settings, "MACS_ENVIRONMENT", "") == "production" and getattr(
        settings, "MACS_TWO_FACTOR_RELAXED_DOMAINS", []
    ):
        return [
            Error(
                "Two-factor sign-in must not be relaxed in production.",
                hint="Remove MACS_TWO_FACTOR_RELAXED_DOMAINS from the production settings.",
                id="macs.E001",
            )
        ]
    return []

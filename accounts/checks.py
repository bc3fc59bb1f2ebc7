"""System checks: production never relaxes two-factor sign-in or the abuse rate limits."""

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


@register()
def rate_limits_never_raised_in_production(app_configs, **kwargs) -> list[Error]:
    if (
        getattr(settings, "MACS_ENVIRONMENT", "") == "production"
        and getattr(settings, "MACS_RATE_LIMIT_FACTOR", 1) != 1
    ):
        return [
            Error(
                "The abuse rate limits must not be raised in production.",
                hint="Remove MACS_RATE_LIMIT_FACTOR from the production settings.",
                id="macs.E002",
            )
        ]
    return []

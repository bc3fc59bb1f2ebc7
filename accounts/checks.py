"""System checks: production never relaxes two-factor sign-in or the abuse rate limits, and\nsays how many proxies it trusts."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def two_factor_never_relaxed_in_production(**kwargs) -> list[Error]:
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
def rate_limits_never_raised_in_production(**kwargs) -> list[Error]:
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


@register()
def trusted_proxies_set_in_production(**kwargs) -> list[Error]:
    if getattr(settings, "MACS_ENVIRONMENT", "") == "production" and not isinstance(
        getattr(settings, "MACS_TRUSTED_PROXIES", None), int
    ):
        return [
            Error(
                "Say how many proxies stand in front of the app servers.",
                hint="Set MACS_TRUSTED_PROXIES to a whole number: 1 for nginx alone, 2 for a "
                "cloud load balancer in front of nginx, 0 when browsers reach gunicorn "
                "directly (docs/deployment.md).",
                id="macs.E003",
            )
        ]
    return []

"""Two-factor sign-in: authenticator apps (TOTP), recovery codes, and emailed codes for young
scrutineers. Everything that reads or changes a person's second factor is here.

Who may use emailed codes is decided by a later app (partnerships knows roles): it registers a
rule with the "email_code_rule" hook. Resetting someone's second factor sends `two_factor_was_reset`,
which the audit app records.
"""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from trust import hooks
from ui.qr import qr_svg

from .signals import two_factor_was_reset

RECOVERY_CODE_COUNT = 10


def may_use_email_codes(user) -> bool:
    """Whether an account may sign in with emailed codes: a later app's "email_code_rule"
    hook says so (none registered: no one)."""
    return any(rule(user) for rule in hooks.get_hooks("email_code_rule"))


def is_relaxed(user) -> bool:
    """Development only: the demo accounts may skip two-factor (a banner says so)."""
    domains = settings.MACS_TWO_FACTOR_RELAXED_DOMAINS
    return bool(domains) and user.email.rsplit("@", 1)[-1] in domains


def acceptable_device(user, device) -> bool:
    """Emailed codes count only while the account may use them; other devices always count."""
    if isinstance(device, EmailDevice):
        return may_use_email_codes(user)
    return device is not None


def is_verified(request) -> bool:
    """Signed in with both factors (or relaxed for the demo in development)."""
    user = request.user
    if not user.is_authenticated:
        return False
    if is_relaxed(user):
        return True
    device = getattr(user, "otp_device", None)
    return bool(user.is_verified()) and acceptable_device(user, device)


def has_second_factor(user) -> bool:
    """Has a confirmed authenticator app, or (when allowed) confirmed email codes."""
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return True
    return (
        may_use_email_codes(user) and EmailDevice.objects.filter(user=user, confirmed=True).exists()
    )


def sign_in_devices(user) -> list:
    """Confirmed devices that can finish this person's sign-in."""
    return [d for d in devices_for_user(user, confirmed=True) if acceptable_device(user, d)]


def totp_start(user) -> TOTPDevice:
    """An unconfirmed authenticator for set-up (reused while the person is still setting up)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The key to type into an app, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(device: TOTPDevice) -> str:
    """The set-up QR code as an inline SVG."""
    return qr_svg(device.config_url)


@transaction.atomic
def totp_confirm(*, user, device: TOTPDevice, token: str) -> bool:
    """Confirm the set-up device with a code from the app; replaces any earlier authenticator."""
    if device.user_id != user.pk or not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    EmailDevice.objects.filter(user=user).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def email_device_start(user) -> EmailDevice:
    device = EmailDevice.objects.filter(user=user).first()
    if device is None:
        device = EmailDevice.objects.create(user=user, name="Email", confirmed=False)
    return device


@transaction.atomic
def email_device_confirm(*, user, device: EmailDevice, token: str) -> bool:
    if device.user_id != user.pk or not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def recovery_codes_create(user) -> list[str]:
    """Ten new single-use recovery codes; earlier codes stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Recovery codes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def two_factor_reset(*, user, actor, partnership=None) -> None:
    """Remove every second factor: the person sets one up again at their next sign-in."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    two_factor_was_reset.send(sender=None, user=user, actor=actor, partnership=partnership)

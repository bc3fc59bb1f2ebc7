"""A new user signs in (setting up two-factor sign-in), opens the MACS tree and follows a leaf
to its outcome category. axe-core checks every page on the way."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import totp

from demo.partnerships import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def authenticator_code(secret: str) -> str:
    """What an authenticator app shows for this key now (RFC 6238, 30 s, 6 digits)."""
    key = re.sub(r"\s", "", secret)
    key_bytes = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(key_bytes):06d}"


def test_sign_in_open_tree_and_follow_a_leaf(site, page):
    page.goto(site + reverse("partnerships:home", args=["northshire"]))
    assert page.get_by_role("heading", name="Sign in to MACS").is_visible()
    assert_accessible(page, "01-sign-in")

    page.get_by_label("Email address").fill("manager@northshire.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # First sign-in: set up an authenticator app, as a new user would.
    assert page.get_by_role("heading", name="Set up two-factor sign-in").is_visible()
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    assert_accessible(page, "02-two-factor-set-up")
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("code.macs-secret").inner_text()
    page.get_by_label("Code from your authenticator app").fill(authenticator_code(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    assert page.get_by_role("heading", name="Your recovery codes").is_visible()
    assert len(page.locator(".macs-codes li").all()) == 10
    assert_accessible(page, "02-recovery-codes")
    page.get_by_role("button", name="I have saved my codes, continue").click()

    assert page.get_by_role("heading", name="Welcome, Priya").is_visible()
    assert_accessible(page, "02-home")

    page.get_by_role("link", name="The MACS theory of change").click()
    assert page.get_by_role("heading", name="The MACS theory of change tree").is_visible()
    assert_accessible(page, "03-tree")

    page.get_by_role(
        "link", name="2.2 Accountability – CYP, families and communities"
    ).first.click()
    assert page.get_by_role("heading", level=1, name="Accountability").is_visible()
    assert page.get_by_role(
        "heading", name="2.2 Accountability – CYP, families and communities"
    ).is_visible()
    assert "#outcome-2.2" in page.url
    assert_accessible(page, "04-category")


def test_wrong_password_shows_the_error_beside_the_form(site, page):
    page.goto(site + reverse("accounts:login"))
    page.get_by_label("Email address").fill("manager@northshire.example")
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_text("Enter a correct email address and password.").first.is_visible()
    assert_accessible(page, "05-sign-in-error")

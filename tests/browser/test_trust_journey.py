"""A business manager with an authenticator app signs in, uses the trust pages (audit trail,
documents, an import with a bad row, recently deleted, an edit conflict, their account), and
stays signed in through the timeout warning without losing what they typed. axe-core checks
every page."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from demo.partnerships import DEMO_PASSWORD
from tests.browser.conftest import ARTIFACTS, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_with_app(
    page, site, email: str = "manager@northshire.example", welcome: str = "Welcome, Priya"
) -> None:
    """Sign in through the pages with a password and an authenticator code."""
    user = User.objects.get(email=email)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    page.goto(site + reverse("partnerships:home", args=["northshire"]))
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", name="Enter your sign-in code").is_visible()
    assert_accessible(page, "10-two-factor-code")
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", name=welcome).is_visible()


def test_trust_pages_as_a_business_manager(site, page):
    sign_in_with_app(page, site)

    page.get_by_role("link", name="Documents", exact=True).first.click()
    assert page.get_by_role("heading", name="Documents", exact=True).is_visible()
    assert page.get_by_role("link", name="Multi-agency safeguarding arrangements").is_visible()
    assert_accessible(page, "11-documents")

    page.get_by_role("link", name="Partnership", exact=True).first.click()
    page.get_by_role("link", name="Agencies").first.click()
    page.get_by_role("link", name="Import agencies from a spreadsheet").click()
    bad = ARTIFACTS / "agencies-with-a-bad-row.csv"
    ARTIFACTS.mkdir(exist_ok=True)
    bad.write_text("name,sector\nRiverton Food Bank,VCSE\n,Police\n")
    page.get_by_label("CSV or Excel file").set_input_files(str(bad))
    page.get_by_role("button", name="Import agencies").click()
    assert page.get_by_text("Row 3: Enter the agency's name.").is_visible()
    assert_accessible(page, "12-import-problems")

    page.goto(site + reverse("partnerships:deleted", args=["northshire"]))
    assert page.get_by_role(
        "button", name="Restore Northshire Youth Offending Service"
    ).is_visible()
    assert_accessible(page, "13-recently-deleted")

    page.get_by_role("link", name="Audit trail").click()
    assert page.get_by_role("heading", name="Audit trail").is_visible()
    page.get_by_label("What happened").select_option("signed-in")
    page.get_by_role("button", name="Filter").click()
    assert page.get_by_role("cell", name="Signed in: Priya Shah").first.is_visible()
    assert_accessible(page, "14-audit-trail")

    page.get_by_role("link", name="Your account").click()
    assert page.get_by_role("heading", name="Your account").is_visible()
    assert_accessible(page, "15-account")


def test_trust_edit_conflict_page(site, page):
    from django_scopes import scopes_disabled

    from partnerships.models import Agency

    sign_in_with_app(page, site)
    with scopes_disabled():
        agency = Agency.objects.get(name="Riverton Youth Trust")
    page.goto(site + reverse("partnerships:agency_edit", args=["northshire", agency.pk]))
    page.get_by_label("Name").fill("Riverton Youth Trust (mine)")
    with scopes_disabled():  # a colleague saves first
        agency.name = "Riverton Youth Trust (theirs)"
        agency.version += 1
        agency.save()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Someone else changed this while you were editing").is_visible()
    assert page.get_by_role("cell", name="Riverton Youth Trust (theirs)").is_visible()
    assert_accessible(page, "16-edit-conflict")


@override_settings(MACS_SESSION_IDLE_SECONDS=126, MACS_SESSION_WARNING_SECONDS=120)
def test_trust_timeout_warning_keeps_what_was_typed(site, page):
    sign_in_with_app(page, site)
    page.goto(site + reverse("partnerships:agency_add", args=["northshire"]))
    page.get_by_label("Name").fill("Half-typed agency name")
    page.get_by_label("Sector").select_option(label="Education")
    dialog = page.get_by_role("dialog", name="You will be signed out soon")
    dialog.wait_for(state="visible", timeout=20_000)
    assert_accessible(page, "17-timeout-warning")
    page.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden", timeout=5_000)
    assert page.get_by_label("Name").input_value() == "Half-typed agency name"
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Agency added.").is_visible()

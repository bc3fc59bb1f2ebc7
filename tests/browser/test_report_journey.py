"""The business manager opens the resources and the yearly report, previews the web version,
and makes and downloads the Word and PDF files; a national viewer reads the national picture.
axe-core checks every page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_downloads_the_yearly_report_as_word_and_pdf(site, page):
    from docx import Document as WordDocument
    from pypdf import PdfReader

    sign_in_with_app(page, site)
    page.get_by_role("link", name="Resources: budget, posts and adequacy").click()
    page.get_by_role("link", name="2024-25").click()
    assert page.get_by_role("heading", name="2024-25").is_visible()
    assert_accessible(page, "90-resources-year")

    page.get_by_role("link", name="Reports", exact=True).first.click()
    assert_accessible(page, "91-reports")
    page.get_by_role("link", name="Yearly report 2024-25").click()
    assert_accessible(page, "92-report")
    page.get_by_role("link", name="Preview the web version").click()
    assert page.get_by_role("heading", name="Summary of progress towards the outcomes").is_visible()
    assert_accessible(page, "93-report-preview")
    page.get_by_role("link", name="Back to the report").click()

    ARTIFACTS.mkdir(exist_ok=True)
    page.get_by_role("button", name="Make the Word document").click()
    assert page.get_by_text("The Word document is ready.").is_visible()
    with page.expect_download() as word:
        page.get_by_role("link", name="Download Northshire yearly report 2024-25.docx").click()
    word_path = Path(ARTIFACTS / "yearly-report.docx")
    word.value.save_as(word_path)
    document = WordDocument(io.BytesIO(word_path.read_bytes()))
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)

    page.get_by_role("button", name="Make the PDF").click()
    assert page.get_by_text("The PDF is ready.").is_visible()
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download Northshire yearly report 2024-25.pdf").click()
    pdf_path = Path(ARTIFACTS / "yearly-report.pdf")
    pdf.value.save_as(pdf_path)
    text = PdfReader(io.BytesIO(pdf_path.read_bytes())).pages[0].extract_text()
    assert "yearly report 2024-25" in text

    page.reload()
    assert page.get_by_role("link", name="Word file made").first.is_visible()
    assert page.get_by_role("link", name="PDF file made").first.is_visible()


def test_national_viewer_reads_the_national_picture(site, page):
    from django.urls import reverse
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import User
    from demo.partnerships import DEMO_PASSWORD

    viewer = User.objects.get(email="viewer@national.example")
    device = TOTPDevice.objects.create(user=viewer, name="App", confirmed=True)
    page.goto(site + reverse("national:picture"))
    page.get_by_label("Email address").fill(viewer.email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="National picture").first.click()
    assert page.get_by_role("heading", name="The national picture").is_visible()
    assert_accessible(page, "94-national-picture")
    page.get_by_role("link", name="3.1").first.click()
    assert_accessible(page, "95-national-outcome")

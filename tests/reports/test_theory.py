"""Our theory of change as Word and PDF: a draft as it stands and says so; once sign-off has been
asked, the fixed version the partners agreed (or are asked to agree), never the live record."""

from __future__ import annotations

import io

from django.urls import reverse
from django_scopes import scopes_disabled
from docx import Document

from audit.models import AuditEntry
from partnerships.roles import Role
from tests.conftest import client_for
from theory.models import TheoryOfChange


def theory(slug: str, period: str) -> TheoryOfChange:
    with scopes_disabled():
        return TheoryOfChange.objects.get(partnership__slug=slug, period=period)


def download(client, found: TheoryOfChange, fmt: str = "docx"):
    return client.get(reverse("reports:theory_file", args=[found.partnership.slug, found.pk, fmt]))


def word_text(response) -> tuple[list[str], list[str], object]:
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    text = [p.text for p in document.paragraphs]
    return headings, text, document


def test_a_draft_is_downloaded_as_it_stands_and_says_it_is_a_draft(client_as):
    draft = theory("northshire", "2025-26")
    response = download(client_as(Role.OBSERVER), draft)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "theory of change 2025-26.docx" in response["Content-Disposition"]
    headings, text, document = word_text(response)
    assert text[0] == "Northshire Safeguarding Children Partnership: our theory of change 2025-26"
    assert any(line.startswith("A draft, not yet agreed by the partners.") for line in text)
    assert "Graded care profile training for every agency" in headings
    assert any(line.startswith("Leads to ") and ", because " in line for line in text)
    resources, factors = document.tables
    assert [c.text for c in resources.rows[0].cells] == [
        "Resource",
        "Provided by",
        "Makes possible",
    ]
    assert {row.cells[0].text for row in factors.rows[1:]} <= {"Enabler", "Barrier"}
    assert len(document.inline_shapes) == 1  # the tree
    assert "activities as its branches" in document.inline_shapes[0]._inline.docPr.get("descr")
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            partnership=draft.partnership,
            event="export",
            additional_data__what="theory of change 2025-26",
        ).exists()


def test_a_version_asked_for_sign_off_is_the_fixed_one_not_the_live_record(demo):
    asked = theory("eastmere", "2025-26")
    with scopes_disabled():
        # Written past the lock, as a fault or an attack would: the download must not show it.
        TheoryOfChange.objects.filter(pk=asked.pk).update(context="Changed after it was asked.")
    client = client_for("manager@eastmere.example")
    _headings, text, _document = word_text(download(client, asked))
    assert any(line.startswith("Waiting for sign-off: this is the version") for line in text)
    assert "Changed after it was asked." not in text
    agreed = theory("northshire", "2024-25")
    _headings, text, _document = word_text(
        download(client_for("manager@northshire.example"), agreed)
    )
    assert any(line.startswith("Agreed by every partner body") for line in text)


def test_the_pdf_is_made_from_the_same_document(client_as):
    response = download(client_as(Role.BUSINESS_MANAGER), theory("northshire", "2025-26"), "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_another_partnerships_theory_or_an_unknown_format_is_not_found(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    assert download(client, theory("eastmere", "2025-26")).status_code == 404
    assert download(client, theory("northshire", "2025-26"), "odt").status_code == 404

"""The yearly report: one document rendered to Word (headings in Word's styles, real tables,
pictures with alternative text), PDF (text extractable, page numbers, contents) and the web;
every judgement carries its evidence references; files are kept; sign-off before publishing."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from files.models import StoredFile
from partnerships.roles import Role
from reports.assemble import assemble
from reports.document import Heading, Paragraph, Table
from reports.models import GeneratedFile, YearlyReport
from reviews.models import OutcomeJudgement, Rating


def url(name: str, **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={"partnership": "northshire", **kwargs})


@pytest.fixture
def report(demo) -> YearlyReport:
    with scopes_disabled():
        return YearlyReport.objects.select_related(
            "partnership", "review", "wave", "resource_year"
        ).get(partnership=demo["northshire"], period="2024-25")


@pytest.fixture
def document(report):
    with scope(partnership=report.partnership):
        return assemble(report)


def _read(stored: StoredFile) -> bytes:
    from django.conf import settings

    return (settings.MACS_UPLOAD_ROOT / stored.stored_name).read_bytes()


def test_every_judgement_and_rating_carries_its_evidence_references(report, document):
    with scopes_disabled():
        judgements = {
            j.outcome.code: j
            for j in OutcomeJudgement.objects.filter(review=report.review).select_related("outcome")
        }
        linked = {
            r.indicator.code: r.evidence.count()
            for r in Rating.objects.filter(
                review=report.review, indicator__isnull=False
            ).select_related("indicator")
        }
    blocks = document.blocks
    seen = 0
    for position, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 3:
            code = block.text.split(" ")[0]
            following = [
                b
                for b in blocks[position + 1 : position + 4]
                if isinstance(b, Paragraph) and b.note
            ]
            assert following, code
            assert following[0].text.startswith("Evidence: "), code
            with scopes_disabled():
                own = (
                    set(judgements[code].evidence.values_list("pk", flat=True))
                    if code in judgements
                    else set()
                )
                beneath = set(
                    Rating.evidence.through.objects.filter(
                        rating__review=report.review, rating__indicator__outcome__code=code
                    ).values_list("evidenceitem_id", flat=True)
                )
                count = len(own | beneath)
                assert count > 0, code
            refs = re.findall(r"\[(\d+)\]", following[0].text)
            assert len(refs) == count, (code, following[0].text)
            seen += 1
    assert seen == 16
    tables = [
        b for b in blocks if isinstance(b, Table) and b.caption.startswith("Indicators of outcome")
    ]
    rows = [row for t in tables for row in t.rows]
    assert len(rows) == len(linked)
    for code, _text, _level, refs in rows:
        assert len(re.findall(r"\[(\d+)\]", refs)) == linked[code], code
    # Every number cited is listed at the end, once.
    listed = next(b for b in blocks if isinstance(b, Table) and b.caption == "Evidence cited")
    cited = {
        int(n) for b in blocks if isinstance(b, Paragraph) for n in re.findall(r"\[(\d+)\]", b.text)
    }
    cited |= {int(n) for row in rows for n in re.findall(r"\[(\d+)\]", row[3])}
    assert {int(r[0].strip("[]")) for r in listed.rows} == cited


def test_document_covers_every_source(document):
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "Introduction",
        "Summary of progress towards the outcomes",
        "What the partnership survey found",
        "Priorities",
        "Learning, actions and challenge",
        "Good practice",
        "Meetings and representation",
        "Training and its evaluation",
        "Voices of children, families and communities",
        "Monitoring",
        "Resources",
        "Looking ahead",
        "Evidence",
    ]
    categories = [
        b.text
        for b in document.blocks
        if isinstance(b, Heading) and b.level == 2 and b.text[0].isdigit()
    ][:5]
    assert categories == [
        "1. Leadership",
        "2. Accountability",
        "3. Participation",
        "4. Collaboration",
        "5. Culture",
    ]


def test_word_file_has_heading_styles_tables_and_pictures_with_alt_text(client_as, report):
    from docx import Document as WordDocument

    response = client_as(Role.BUSINESS_MANAGER).post(
        url("generate", report_id=report.pk, fmt="docx")
    )
    assert response.status_code == 302
    with scopes_disabled():
        generated = GeneratedFile.objects.get(report=report, fmt="docx", snapshot=None)
        assert generated.generated_by.email == "manager@northshire.example"
        content = _read(generated.file)
    word = WordDocument(io.BytesIO(content))
    styles = {(p.style.name, p.text) for p in word.paragraphs}
    assert ("Heading 1", "Summary of progress towards the outcomes") in styles
    assert ("Heading 2", "3. Participation") in styles
    assert any(name == "Heading 3" and text.startswith("3.1 ") for name, text in styles)
    assert len(word.tables) >= 20
    assert word.tables[0].rows[0].cells[0].text == "Indicator"
    pictures = word.inline_shapes
    # The coloured tree, each monitor's trend and the two bar charts, each described.
    described = [p._inline.docPr.get("descr", "") for p in pictures]
    assert len(described) == 5
    assert described[0].startswith("The MACS theory of change tree")
    assert sum(d.startswith("Line chart of") for d in described) == 2
    assert sum(d.startswith("Bar chart") for d in described) == 2
    # Back on the report, the new file is offered; the download goes through the files app,
    # named as people name the report.
    ready = client_as(Role.BUSINESS_MANAGER).get(response["Location"]).content.decode()
    assert "The Word document is ready." in ready
    file_url = reverse("files:download", args=["northshire", generated.file.public_id])
    assert file_url in ready
    download = client_as(Role.BUSINESS_MANAGER).get(file_url)
    assert download.status_code == 200
    assert 'filename="Northshire yearly report 2024-25.docx"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_pdf_text_holds_headings_figures_and_page_numbers(client_as, report):
    from pypdf import PdfReader

    client_as(Role.BUSINESS_MANAGER).post(url("generate", report_id=report.pk, fmt="pdf"))
    with scopes_disabled():
        content = _read(GeneratedFile.objects.get(report=report, fmt="pdf", snapshot=None).file)
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Summary of progress towards the outcomes" in text
    assert "What the partnership survey found" in text
    assert "£407,000" in text  # partner contributions in 2024-25
    assert f"Page 1 of {len(reader.pages)}" in text
    assert "Contents" in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"


def test_pdf_never_fetches_from_the_network(report):
    from weasyprint.urls import URLFetchingError

    from reports.pdf_renderer import LocalFetcher

    with pytest.raises(URLFetchingError):
        LocalFetcher().fetch("https://example.org/tracker.png")


def test_web_version_and_the_published_page(client, client_as, report):
    preview = client_as(Role.OBSERVER).get(url("preview", report_id=report.pk)).content.decode()
    assert "Summary of progress towards the outcomes" in preview
    assert 'role="img"' in preview
    public = client.get(reverse("reports:public", args=["northshire", "2024-25"]))
    assert public.status_code == 200
    assert "yearly report 2024-25" in public.content.decode()
    assert client.get(reverse("reports:public", args=["northshire", "2025-26"])).status_code == 404


def test_report_is_published_only_after_joint_sign_off(client_as, demo):
    manager = client_as(Role.BUSINESS_MANAGER)
    started = manager.post(url("list"), {"period": "2025-26"})
    assert started.status_code == 302
    with scopes_disabled():
        draft = YearlyReport.objects.get(partnership=demo["northshire"], period="2025-26")
    manager.post(url("publish", report_id=draft.pk))
    with scopes_disabled():
        draft.refresh_from_db()
    assert draft.status == YearlyReport.Status.DRAFT
    assert (
        "There is already a report for 2025-26."
        in manager.post(url("list"), {"period": "2025-26"}).content.decode()
    )
    assert (
        "Enter the financial year like 2024-25."
        in manager.post(url("list"), {"period": "2025"}).content.decode()
    )


def test_a_signed_off_report_cannot_be_edited(client_as, report):
    with scopes_disabled():
        section = report.sections.first()
    page = client_as(Role.BUSINESS_MANAGER).post(
        url("section", report_id=report.pk, section_id=section.pk),
        {"heading": "Changed", "text": "New text", "version": section.version},
    )
    assert (
        "The yearly report has been signed off, so it cannot be changed. The business manager "
        "can reopen it" in page.content.decode()
    )


def test_report_page_query_count_is_fixed(client_as, report, django_assert_max_num_queries):
    client = client_as(Role.OBSERVER)
    client.get(url("report", report_id=report.pk))
    with django_assert_max_num_queries(25):
        assert client.get(url("report", report_id=report.pk)).status_code == 200


def test_no_heading_is_stranded_at_the_foot_of_a_page(client_as, report):
    """PDF: the last line of text on each page is never a heading. Word: every heading and
    table caption is kept with what follows it."""
    from docx import Document as WordDocument
    from pypdf import PdfReader

    from reports.assemble import assemble
    from reports.document import Heading

    manager = client_as(Role.BUSINESS_MANAGER)
    for fmt in ("pdf", "docx"):
        manager.post(url("generate", report_id=report.pk, fmt=fmt))
    with scopes_disabled():
        files = {g.fmt: _read(g.file) for g in GeneratedFile.objects.filter(report=report)}
        headings = {b.text for b in assemble(report).blocks if isinstance(b, Heading)}
        footer = report.partnership.name
    stranded = []
    for number, page in enumerate(PdfReader(io.BytesIO(files["pdf"])).pages, start=1):
        lines = [
            line.strip()
            for line in page.extract_text().splitlines()
            if line.strip() and not line.startswith("Page ") and line.strip() != footer
        ]
        if lines and lines[-1] in headings:
            stranded.append((number, lines[-1]))
    assert stranded == []
    word = WordDocument(io.BytesIO(files["docx"]))
    kept = [
        p.paragraph_format.keep_with_next
        for p in word.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Caption"
    ]
    assert kept
    assert all(kept)


def test_word_tables_give_short_codes_narrow_columns():
    from docx.shared import Cm

    from reports.docx_renderer import column_widths

    code, text = column_widths(
        ["Indicator", "Text"], [["1.1.1", "Partners have agreed a shared vision " * 3]]
    )
    assert code < Cm(3) < text
    assert code + text <= Cm(16)

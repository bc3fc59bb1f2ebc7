"""The yearly report's sections from other apps: each monitor's trend (chart and table) and
breakdowns, the good practice shared in the year, and the theory of change coloured by the
review, in the web page, the Word file and the PDF."""

from __future__ import annotations

import io

import pypdf
from django.urls import reverse
from django_scopes import scopes_disabled
from docx import Document as WordDocument

from partnerships.roles import Role
from reports.assemble import assemble
from reports.document import Chart, Heading, Paragraph, Table
from reports.docx_renderer import render_docx
from reports.models import YearlyReport
from reports.pdf_renderer import render_pdf


def _report(demo) -> YearlyReport:
    with scopes_disabled():
        return YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")


def test_monitors_show_their_trend_and_breakdowns_up_to_the_year(demo):
    with scopes_disabled():
        document = assemble(_report(demo))
    tables = {b.caption: b for b in document.blocks if isinstance(b, Table)}
    trends = [c for c in tables if c.startswith("Re-referrals to children's social care")]
    assert trends, list(tables)
    trend = tables[trends[0]]
    assert trend.headers[0] == "Period"
    assert len(trend.headers) > 2  # local and at least one comparator
    periods = [row[0] for row in trend.rows]
    assert periods == sorted(periods)
    assert all(p[:4] <= "2024" for p in periods)
    assert any(" by " in caption for caption in tables)  # a breakdown
    charts = [b for b in document.blocks if isinstance(b, Chart)]
    assert any(c.alt.startswith("Line chart of Re-referrals") for c in charts)


def test_good_practice_of_the_year_is_its_own_section(demo):
    with scopes_disabled():
        document = assemble(_report(demo))
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert "Good practice" in headings
    assert "Schools' safeguarding leads network (January 2025)" in headings
    assert not any(h.startswith("Riverton family hub") for h in headings)  # another year's


def test_the_word_file_and_pdf_carry_the_new_sections(demo):
    with scopes_disabled():
        document = assemble(_report(demo))
    word = WordDocument(io.BytesIO(render_docx(document)))
    styles = {(p.style.name, p.text) for p in word.paragraphs}
    assert ("Heading 1", "Good practice") in styles
    assert ("Heading 2", "Our theory of change, coloured by this review") in styles
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(document, partnership_name="Northshire")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Schools' safeguarding leads network" in text
    assert "How it was shared and celebrated" in text
    assert "Our theory of change, coloured by this review" in text


def test_the_web_page_shows_the_tree_with_a_text_alternative(client_as, demo):
    report = _report(demo)
    body = (
        client_as(Role.BUSINESS_MANAGER)
        .get(reverse("reports:preview", args=["northshire", report.pk]))
        .content.decode()
    )
    assert 'aria-label="The MACS theory of change tree with each outcome coloured' in body
    assert "Good practice" in body


def test_the_report_draws_the_partnerships_own_tree_and_names_its_activities(demo):
    with scopes_disabled():
        document = assemble(_report(demo))
    tree = next(b for b in document.blocks if isinstance(b, Chart) and "theory of change" in b.alt)
    assert "own activities and resources, from its theory of change 2024-25 (agreed)" in tree.alt
    svg = tree.svg.decode() if isinstance(tree.svg, bytes) else tree.svg
    assert "Practice forums across agencies" in svg  # Northshire's branch, not the report's
    assert "storyboard" not in svg
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert "Our activities for this outcome: Practice forums across agencies every quarter." in (
        paragraphs
    )

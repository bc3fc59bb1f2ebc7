"""Whose words are whose: wherever the platform's rating scale, statement-to-outcome mapping,
principle short names or planning prompts appear (pages, the printable framework, Word and
PDF), they carry the one "MACS platform" mark with its sentence."""

from __future__ import annotations

import io

from django.urls import reverse
from django_scopes import scopes_disabled
from docx import Document as WordDocument

from framework.provenance import (
    PLANNING_PROMPTS,
    PLATFORM_WORDS,
    PRINCIPLE_LABELS,
    RATING_SCALE,
    STATEMENT_OUTCOMES,
)
from partnerships.roles import Role

MARK = '<strong class="govuk-tag govuk-tag--grey">MACS platform</strong>'


def _marked(body: str, key: str) -> bool:
    words = PLATFORM_WORDS[key].replace("'", "&#x27;")
    return f"{MARK} {words}" in body


def _pages(demo) -> dict[str, list[str]]:
    from planning.models import Priority
    from reviews.models import Rating, Review
    from surveys.models import Wave

    with scopes_disabled():
        review = Review.objects.get(partnership=demo["northshire"], period="2025-26")
        wave = Wave.objects.filter(partnership=demo["northshire"]).order_by("pk").first()
        statement = wave.statements.order_by("pk").first()
        priority = Priority.objects.get(partnership=demo["northshire"], title="Neglect")
        rating = Rating.objects.filter(review=review).order_by("pk").first()
    n = "northshire"
    return {
        reverse("framework:print", args=[n]): [RATING_SCALE, STATEMENT_OUTCOMES, PLANNING_PROMPTS],
        reverse("framework:tree", args=[n]): [PRINCIPLE_LABELS],
        reverse("framework:part_list", args=[n, "principles"]): [PRINCIPLE_LABELS],
        reverse("framework:part_detail", args=[n, "principles", 1]): [PRINCIPLE_LABELS],
        reverse("reviews:review", args=[n, review.pk]): [RATING_SCALE],
        reverse("reviews:tree", args=[n, review.pk]): [RATING_SCALE, PRINCIPLE_LABELS],
        reverse("reviews:rating", args=[n, review.pk, rating.pk]): [RATING_SCALE],
        reverse("surveys:wave", args=[n, wave.pk]): [STATEMENT_OUTCOMES],
        reverse("surveys:mapping", args=[n, wave.pk, statement.pk]): [STATEMENT_OUTCOMES],
        reverse("planning:step", args=[n, priority.pk, 5]): [PRINCIPLE_LABELS],
        reverse("planning:logic_model", args=[n, priority.pk]): [PRINCIPLE_LABELS],
        reverse("planning:tree", args=[n, priority.pk]): [PRINCIPLE_LABELS],
    }


def test_every_page_showing_platform_content_marks_it(client_as, demo):
    client = client_as(Role.BUSINESS_MANAGER)
    unmarked = []
    for url, keys in _pages(demo).items():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        unmarked += [f"{url}: {key}" for key in keys if not _marked(body, key)]
    assert unmarked == []


def test_the_printable_framework_no_longer_claims_the_scale_for_the_report(client_as, demo):
    body = client_as(Role.OBSERVER).get(reverse("framework:print", args=["northshire"]))
    assert "compare across years and partnerships" not in body.content.decode()


def test_the_national_picture_marks_the_scale(demo):
    from tests.conftest import client_for

    viewer = client_for("viewer@national.example")
    for url in (reverse("national:picture"), reverse("national:outcome", args=["1.1"])):
        body = viewer.get(url + "?period=2024-25").content.decode()
        assert _marked(body, RATING_SCALE), url


def test_word_and_pdf_mark_the_rating_scale(demo):
    import pypdf

    from reports.assemble import assemble
    from reports.docx_renderer import render_docx
    from reports.models import YearlyReport
    from reports.pdf_renderer import render_pdf

    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
        document = assemble(report)
    sentence = f"MACS platform: {PLATFORM_WORDS[RATING_SCALE]}"
    word = WordDocument(io.BytesIO(render_docx(document)))
    assert sentence in [p.text for p in word.paragraphs]
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(document, partnership_name="Northshire")))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "MACS platform: The rating levels are the MACS platform's" in text


def test_the_priority_word_file_marks_the_principle_names(client_as, demo):
    from planning.models import Priority

    with scopes_disabled():
        priority = Priority.objects.get(partnership=demo["northshire"], title="Neglect")
    response = client_as(Role.OBSERVER).get(
        reverse("planning:word", args=["northshire", priority.pk])
    )
    word = WordDocument(io.BytesIO(response.content))
    assert f"MACS platform: {PLATFORM_WORDS[PRINCIPLE_LABELS]}" in [p.text for p in word.paragraphs]

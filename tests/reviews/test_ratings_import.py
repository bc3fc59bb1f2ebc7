"""Bringing existing work: ratings from a spreadsheet in the export's layout, all or nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from audit.events import Event
from audit.models import AuditEntry
from partnerships.roles import Role
from reviews.models import Rating

pytestmark = pytest.mark.django_db


def _levels(review) -> dict[str, int | None]:
    with scopes_disabled():
        return {
            r.code: r.level
            for r in Rating.objects.filter(review=review).select_related(
                "indicator", "local_indicator"
            )
        }


def test_ratings_import_round_trips_the_export(client_as, current_review):
    client = client_as(Role.BUSINESS_MANAGER)
    export = client.get(reverse("reviews:export", args=["northshire", current_review.pk, "xlsx"]))
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(export.content))
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    code_col, rating_col = headers.index("Code"), headers.index("Rating")
    for row in sheet.iter_rows(min_row=2):
        if row[code_col].value == "3.1.1":
            row[rating_col].value = "Embedded"
    out = io.BytesIO()
    book.save(out)
    before = _levels(current_review)
    response = client.post(
        reverse("reviews:import", args=["northshire", current_review.pk]),
        {"file": SimpleUploadedFile("ratings.xlsx", out.getvalue())},
    )
    assert response.status_code == 302
    after = _levels(current_review)
    assert after["3.1.1"] == 4
    assert {k: v for k, v in after.items() if k != "3.1.1"} == {
        k: v for k, v in before.items() if k != "3.1.1"
    }
    # The export, and so the import, is this year's focus: 22 indicators in the demo.
    assert AuditEntry.objects.get(event=Event.IMPORT).additional_data["rows"] == 22


def test_a_row_out_of_this_years_focus_is_named_as_such(client_as, current_review):
    before = _levels(current_review)
    response = client_as(Role.BUSINESS_MANAGER).post(
        reverse("reviews:import", args=["northshire", current_review.pk]),
        {"file": SimpleUploadedFile("r.csv", b"Code,Rating\n1.1.1,Embedded\n4.1.1,Embedded\n")},
    )
    assert "Indicator 4.1.1 is not in this year&#x27;s focus" in response.content.decode()
    assert _levels(current_review) == before


def test_ratings_import_with_bad_rows_changes_nothing(client_as, current_review):
    before = _levels(current_review)
    csv = b"Code,Rating,Commentary\n1.1.1,Embedded,Good\n9.9.9,Embedded,\n1.1.2,Brilliant,\n1.1.1,Developing,\n"
    response = client_as(Role.BUSINESS_MANAGER).post(
        reverse("reviews:import", args=["northshire", current_review.pk]),
        {"file": SimpleUploadedFile("ratings.csv", csv)},
    )
    page = response.content.decode()
    assert "Nothing has been imported" in page
    assert "Row 3: 9.9.9 is not an indicator in this review." in page
    assert "Row 4: Brilliant is not a rating." in page
    assert "Row 5: Indicator 1.1.1 is also on row 2." in page
    assert _levels(current_review) == before

"""Importing agencies: all rows or none, with row-numbered problems, audited."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from audit.events import Event
from audit.models import AuditEntry
from partnerships.models import Agency
from partnerships.roles import Role

pytestmark = pytest.mark.django_db
URL = reverse("partnerships:agencies_import", args=["northshire"])


def _count(demo) -> int:
    with scopes_disabled():
        return Agency.objects.filter(partnership=demo["northshire"]).count()


def _post(client, content: bytes, name="agencies.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


def test_import_agencies_from_csv_adds_all_and_is_audited(client_as, demo):
    before = _count(demo)
    csv = b"Name,Sector\nRiverton Food Bank,vcse\nNorthshire College,Education\n"
    response = _post(client_as(Role.BUSINESS_UNIT_OFFICER), csv)
    assert response.status_code == 302
    assert _count(demo) == before + 2
    entry = AuditEntry.objects.get(event=Event.IMPORT)
    assert entry.additional_data == {"what": "agencies", "file": "agencies.csv", "rows": 2}
    assert entry.partnership == demo["northshire"]


def test_import_agencies_from_excel(client_as, demo):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "sector"])
    book.active.append(["Northshire Dental Network", "Health provider"])
    out = io.BytesIO()
    book.save(out)
    before = _count(demo)
    assert _post(client_as(Role.BUSINESS_MANAGER), out.getvalue(), "a.xlsx").status_code == 302
    assert _count(demo) == before + 1


def test_import_agencies_with_a_bad_row_saves_nothing_and_lists_rows(client_as, demo):
    before = _count(demo)
    csv = (
        b"name,sector\n"
        b"Good Agency,Police\n"
        b",Police\n"
        b"Riverton Youth Trust,VCSE\n"
        b"Good Agency,Police\n"
        b"Another,Spaceflight\n"
    )
    response = _post(client_as(Role.BUSINESS_MANAGER), csv)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing has been imported" in page
    assert "Row 3: Enter the agency&#x27;s name." in page
    assert "Row 4: There is already an agency called Riverton Youth Trust." in page
    assert "Row 5: Good Agency is also on row 2." in page
    assert "Row 6: Spaceflight is not a sector." in page
    assert _count(demo) == before
    assert not AuditEntry.objects.filter(event=Event.IMPORT).exists()


def test_import_agencies_refuses_a_file_that_is_not_a_table(client_as, demo):
    from demo.files import minimal_pdf

    response = _post(client_as(Role.BUSINESS_MANAGER), minimal_pdf(["x"]), "agencies.csv")
    assert b"must be a CSV file or Excel spreadsheet" in response.content

"""Exports spreadsheets cannot execute; imports read rows with their spreadsheet numbers."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from trust.tabular import csv_bytes, read_rows, safe_cell, xlsx_bytes


@pytest.mark.parametrize(
    "dangerous",
    [
        "=1+1",
        "+44 123",
        "-2",
        "@SUM(A1)",
        "\t=x",
        "\r=x",
        "\n=x",
        " =1+1",
        "\u00a0=1+1",
        "|calc",
        "%0A=1",
        "|cmd",
        "\uff1dSUM(A1)",
        "\uff0b1",
        " ",
    ],
)
def test_safe_cell_neutralises_formula_starts(dangerous):
    assert safe_cell(dangerous) == "'" + dangerous


@given(st.text())
def test_safe_cell_never_leaves_a_formula_start(text):
    safe = str(safe_cell(text))
    assert (
        safe == ""
        or safe.startswith("'")
        or not (
            safe[0].isspace() or safe.lstrip().startswith(tuple("=+-@|%\uff1d\uff0b\uff0d\uff20"))
        )
    )


def test_safe_cell_leaves_plain_text_alone():
    assert safe_cell("Police: 12 staff trained") == "Police: 12 staff trained"
    assert safe_cell("") == ""


def test_safe_cell_keeps_numbers_as_numbers():
    assert safe_cell(-3) == -3
    assert safe_cell(2.5) == 2.5


def test_csv_and_xlsx_exports_hold_no_formulas():
    rows = [["=cmd|' /C calc'!A0", "-1", 5]]
    text = csv_bytes(["A", "B", "C"], rows).decode("utf-8-sig")
    assert "'=cmd" in text
    assert "'-1" in text
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx_bytes("T", ["A", "B", "C"], rows))).active
    assert [c.data_type for c in sheet[2]] == ["s", "s", "n"]


def test_read_rows_numbers_rows_as_the_spreadsheet_does():
    rows = read_rows(b"Name,Sector\nA,Police\n\nB,Education\n", "csv", required=["name", "sector"])
    assert [(r.number, r.values["name"]) for r in rows] == [(2, "A"), (4, "B")]


def test_read_rows_names_missing_columns():
    with pytest.raises(ValidationError, match="Missing: sector"):
        read_rows(b"name\nA\n", "csv", required=["name", "sector"])


def test_read_rows_explains_an_unreadable_csv():
    with pytest.raises(ValidationError, match="could not be read as a CSV"):
        read_rows(b"name,sector\n" + b'"' + b"x" * 200_000 + b'"\n', "csv", required=["name"])


def _xlsx_with_sheet(sheet_xml: bytes) -> bytes:
    """A real workbook whose first sheet is replaced by `sheet_xml` (deflated)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes("T", ["name"], [["A"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = sheet_xml if item.filename.endswith("sheet1.xml") else source.read(item)
            target.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_opened_and_memory_stays_low():
    import tracemalloc

    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    bomb = _xlsx_with_sheet(head + b" " * (300 * 1024 * 1024) + b"</sheetData></worksheet>")
    assert len(bomb) < 1024 * 1024  # 300 MB inflated, under 1 MB on disk
    tracemalloc.start()
    with pytest.raises(ValidationError, match="too large once opened"):
        read_rows(bomb, "xlsx", required=["name"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 10 * 1024 * 1024


def test_rows_past_the_limit_are_refused_with_a_message(monkeypatch):
    from trust import tabular

    monkeypatch.setattr(tabular, "MAX_ROWS", 50)
    fine = "name\n" + "".join(f"p{n}\n" for n in range(50))
    assert len(read_rows(fine.encode(), "csv", required=["name"])) == 50
    too_many = fine + "one more\n"
    with pytest.raises(ValidationError, match="more than 50 rows"):
        read_rows(too_many.encode(), "csv", required=["name"])
    workbook = xlsx_bytes("T", ["name"], [[f"p{n}"] for n in range(51)])
    with pytest.raises(ValidationError, match="more than 50 rows"):
        read_rows(workbook, "xlsx", required=["name"])
    # Blank rows (a spreadsheet's formatted empty rows) do not count.
    blanks = fine + "\n" * 500
    assert len(read_rows(blanks.encode(), "csv", required=["name"])) == 50

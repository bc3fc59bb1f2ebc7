"""Exports spreadsheets cannot execute; imports read rows with their spreadsheet numbers."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from trust.tabular import csv_bytes, read_rows, safe_cell, xlsx_bytes


@pytest.mark.parametrize("dangerous", ["=1+1", "+44 123", "-2", "@SUM(A1)", "\t=x", "\r=x"])
def test_safe_cell_neutralises_formula_starts(dangerous):
    assert safe_cell(dangerous) == "'" + dangerous


@given(st.text())
def test_safe_cell_never_leaves_a_formula_start(text):
    assert not str(safe_cell(text)).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_safe_cell_keeps_numbers_as_numbers():
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5


def test_csv_and_xlsx_exports_hold_no_formulas():
    rows = [["=cmd|' /C calc'!A0", "-1", 5]]
    text = csv_bytes(["A", "B", "C"], rows).decode("utf-8-sig")
    assert "'=cmd" in text and "'-1" in text
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

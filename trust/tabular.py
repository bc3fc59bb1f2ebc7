"""Tables in and out: CSV and XLSX exports that spreadsheets cannot execute, and imports read
into numbered rows.

Every exported cell passes `safe_cell`: text starting with =, +, -, @ (or a tab or carriage
return) is prefixed with an apostrophe so Excel and LibreOffice show it as text instead of
running it as a formula (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """A cell value no spreadsheet will treat as a formula. Numbers and dates stay as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, int | float | date):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens accented names correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_text(safe_cell(v)) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_download(
    fmt: str, *, name: str, title: str, headers: Sequence[str], rows: Sequence[Sequence]
) -> HttpResponse:
    """An attachment of the table as CSV or XLSX (`fmt`), named `name` (without extension)."""
    if fmt == "csv":
        response = HttpResponse(csv_bytes(headers, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(xlsx_bytes(title, headers, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _csv_text(value) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def xlsx_bytes(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """One-sheet workbook with a bold header row and frozen panes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([safe_cell(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
            12, min(60, len(str(header)) + 4)
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class Row:
    number: int  # the spreadsheet row number people see (the header is row 1)
    values: dict[str, str]


def read_rows(content: bytes, kind: str, *, required: Sequence[str]) -> list[Row]:
    """Rows of a CSV or XLSX file keyed by lower-cased header, or ValidationError.

    Headers are matched case- and space-insensitively; `required` headers must all be present.
    """
    if kind == "csv":
        try:
            table = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ValidationError("The selected file could not be read as a CSV file.") from exc
    elif kind == "xlsx":
        table = _xlsx_table(content)
    else:
        raise ValidationError("The selected file must be a CSV file or Excel spreadsheet.")
    # Number rows before skipping blank ones, so row numbers match the spreadsheet.
    numbered = [(n, r) for n, r in enumerate(table, start=1) if any(str(c).strip() for c in r)]
    if not numbered:
        raise ValidationError("The selected file has no rows.")
    headers = [str(h).strip().lower() for h in numbered[0][1]]
    missing = [h for h in required if h not in headers]
    if missing:
        raise ValidationError(
            "The first row must name the columns. Missing: " + ", ".join(missing) + "."
        )
    rows = []
    for number, raw in numbered[1:]:
        values = {h: str(raw[i]).strip() if i < len(raw) else "" for i, h in enumerate(headers)}
        rows.append(Row(number, values))
    return rows


def _xlsx_table(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ValidationError("The selected file could not be read as a spreadsheet.") from exc
    sheet = workbook.worksheets[0]
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]

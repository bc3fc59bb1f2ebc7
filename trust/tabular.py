"""Tables in and out: CSV and XLSX exports that spreadsheets cannot execute, and imports read
into numbered rows.

Every exported cell passes `safe_cell`: text whose first non-blank character is one that a
spreadsheet may read as the start of a formula or command (OWASP "CSV injection": = + - @, tab,
carriage return, line feed, and the | and % that some spreadsheets also act on, full-width
forms included), or that starts with any blank, is prefixed with an apostrophe so Excel and
LibreOffice show it as text.

Imports are bounded before anything is parsed: a spreadsheet is a zip archive, and a 20 MB
upload could inflate to gigabytes, so the archive's uncompressed size and member count are
checked first (Python's zipfile never inflates a member past the size it declares), then rows
are read one at a time and reading stops at the row limit.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "|", "%", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A file people import holds at most this many rows (a 10,000-response survey fits twice).
MAX_ROWS = 20_000
MAX_COLUMNS = 300
# A spreadsheet's parts, inflated, may not pass this (a real 20,000-row sheet is ~30 MB).
MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_XLSX_MEMBERS = 1_000
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
    if text[:1].isspace() or text.lstrip().startswith(FORMULA_STARTS):
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
            table = _bounded(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
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


def _too_many_rows() -> ValidationError:
    return ValidationError(
        f"The selected file has more than {MAX_ROWS:,} rows. Split it into smaller files and "
        "import them one at a time."
    )


def _bounded(rows: Iterable[Sequence]) -> list[list]:
    """The rows, read one at a time; stops with a message at the first row past the limit
    (blank rows are not counted: spreadsheets often carry formatted empty rows)."""
    table: list[list] = []
    filled = 0
    for row in rows:
        if len(row) > MAX_COLUMNS:
            if any(c is not None and str(c).strip() for c in row[MAX_COLUMNS:]):
                raise ValidationError(f"The selected file has more than {MAX_COLUMNS} columns.")
            row = row[:MAX_COLUMNS]
        if any(c is not None and str(c).strip() for c in row):
            filled += 1
            if filled > MAX_ROWS + 1:  # the header row and MAX_ROWS rows
                raise _too_many_rows()
        table.append(["" if c is None else c for c in row])
    return table


def xlsx_size_problem(content: bytes) -> str | None:
    """Why this spreadsheet is refused before it is opened, or None."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError):
        return "The selected file could not be read as a spreadsheet."
    members = archive.infolist()
    if len(members) > MAX_XLSX_MEMBERS or (
        sum(m.file_size for m in members) > MAX_XLSX_UNCOMPRESSED
    ):
        return (
            "The selected spreadsheet is too large once opened (it may hold a great deal of "
            "empty or repeated content). Save only the rows to import, as a new file or as CSV, "
            "and try again."
        )
    return None


def _xlsx_table(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    problem = xlsx_size_problem(content)
    if problem:
        raise ValidationError(problem)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        return _bounded(sheet.iter_rows(values_only=True))
    except ValidationError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ValidationError("The selected file could not be read as a spreadsheet.") from exc

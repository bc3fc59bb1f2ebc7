"""All-or-nothing imports from CSV or Excel, with row-numbered errors.

An importer reads every row and collects every problem first; only a file with no problems is
written, in one transaction. If writing fails part-way, the transaction rolls back, so a
failure at any row changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError

from ui.forms import GovukFormMixin

from .tabular import Row, read_rows
from .uploads import TABLE_KINDS, check_upload

MAX_IMPORT_ROWS = 10_000


@dataclass
class RowProblem:
    row: int
    message: str


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)  # the cleaned rows, ready to write
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_rows(
    rows: Sequence[Row], clean_row: Callable[[Row, dict], object], *, max_problems: int = 100
) -> ImportResult:
    """Run `clean_row(row, seen)` on every row; it returns the cleaned row or raises
    ValidationError. `seen` is shared between rows (for duplicates within the file)."""
    result = ImportResult()
    seen: dict = {}
    if len(rows) > MAX_IMPORT_ROWS:
        result.problems.append(
            RowProblem(
                0, f"The file has {len(rows)} rows. Import at most {MAX_IMPORT_ROWS} at a time."
            )
        )
        return result
    for row in rows:
        try:
            result.rows.append(clean_row(row, seen))
        except ValidationError as error:
            for message in error.messages:
                result.problems.append(RowProblem(row.number, message))
        if len(result.problems) >= max_problems:
            break
    return result


class ImportForm(GovukFormMixin, forms.Form):
    """Choose a CSV or Excel file. `clean_file` checks the type from the content and reads it."""

    submit_label = "Import"
    required_columns: Sequence[str] = ()

    file = forms.FileField(
        label="CSV or Excel file",
        error_messages={
            "required": "Choose a CSV or Excel file to import.",
            "empty": "The selected file is empty.",
            "invalid": "Choose a CSV or Excel file to import.",
        },
    )

    def __init__(self, *args, required_columns: Sequence[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.required_columns = required_columns
        self.fields["file"].help_text = (
            "The first row names the columns: " + ", ".join(required_columns) + "."
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # A CSV saved with another extension reads as text: accept it as CSV.
        checked = check_upload(
            upload, kinds=TABLE_KINDS | {"txt"}, described_as="CSV file or Excel spreadsheet"
        )
        kind = "csv" if checked.kind == "txt" else checked.kind
        self.rows = read_rows(checked.content, kind, required=self.required_columns)
        if not self.rows:
            raise ValidationError("The selected file has a header row but no data rows.")
        return upload

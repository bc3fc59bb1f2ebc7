"""Reading agencies from a spreadsheet: one row per agency, columns `name` and `sector`."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from trust.tabular import Row

from .models import Agency

AGENCY_COLUMNS = ("name", "sector")

# A sector may be given by its label ("Health provider") or its short value ("health_provider").
_SECTORS = {
    **{label.lower(): value for value, label in Agency.Sector.choices},
    **{value: value for value, _ in Agency.Sector.choices},
}


def agency_row_cleaner(existing_names: set[str]):
    """A row cleaner (see trust.imports.validate_rows) for agencies of one partnership."""

    def clean(row: Row, seen: dict) -> tuple[str, str]:
        problems = []
        name = " ".join(row.values.get("name", "").split())
        sector_text = row.values.get("sector", "").strip()
        if not name:
            problems.append("Enter the agency's name.")
        elif len(name) > 200:
            problems.append("The agency's name must be 200 characters or fewer.")
        elif name.lower() in existing_names:
            problems.append(f"There is already an agency called {name}.")
        elif name.lower() in seen:
            problems.append(f"{name} is also on row {seen[name.lower()]}.")
        sector = _SECTORS.get(sector_text.lower())
        if not sector_text:
            problems.append("Enter the agency's sector.")
        elif sector is None:
            problems.append(
                f"{sector_text[:60]} is not a sector. Use one of: "
                + ", ".join(label for _, label in Agency.Sector.choices)
                + "."
            )
        if problems:
            raise ValidationError(problems)
        seen[name.lower()] = row.number
        return name, sector

    return clean

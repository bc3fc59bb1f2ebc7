"""The audit trail's filter form (GET, so a filtered view can be bookmarked or shared)."""

from __future__ import annotations

from django import forms

from ui.forms import GovukFormMixin

from .events import Event
from .selectors import CHANGE, AuditFilter


class AuditFilterForm(GovukFormMixin, forms.Form):
    submit_label = "Filter"

    what = forms.ChoiceField(label="What happened", required=False)
    person = forms.TypedChoiceField(label="Who", required=False, coerce=int, empty_value=None)
    since = forms.DateField(
        label="From (date)",
        required=False,
        help_text="For example, 1/4/2026",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter the from date as day/month/year, like 1/4/2026."},
    )
    until = forms.DateField(
        label="To (date)",
        required=False,
        help_text="For example, 31/3/2027",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter the to date as day/month/year, like 31/3/2027."},
    )
    text = forms.CharField(label="About (name contains)", required=False, max_length=100)

    def __init__(self, *args, people: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"
        self.fields["what"].choices = [
            ("", "Anything"),
            (CHANGE, "Changes to records"),
            *Event.choices,
        ]
        self.fields["person"].choices = [("", "Anyone")] + [(str(i), n) for i, n in people]

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", "The to date must be the same as or after the from date.")
        return data

    def to_filter(self) -> AuditFilter:
        if not self.is_valid():
            return AuditFilter()
        d = self.cleaned_data
        return AuditFilter(
            what=d.get("what") or "",
            person=d.get("person"),
            since=d.get("since"),
            until=d.get("until"),
            text=(d.get("text") or "").strip(),
        )

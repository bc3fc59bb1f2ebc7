"""Evidence register forms."""

from __future__ import annotations

from django import forms
from django_scopes.forms import SafeModelChoiceField

from framework.models import EvidenceSource
from partnerships.models import Agency
from trust.uploads import EVIDENCE_KINDS, check_upload, describe
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .models import EvidenceItem
from .selectors import EvidenceFilter

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"]


class HttpsURLField(forms.URLField):
    """A bare "example.org/report" means https (Django 6's default, chosen now)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class EvidenceForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save evidence"

    upload = forms.FileField(
        label="Upload a file (optional)",
        required=False,
        help_text=f"A {describe(EVIDENCE_KINDS)}, smaller than 20 MB.",
    )

    class Meta:
        model = EvidenceItem
        fields = ["title", "source", "local_type", "date", "owner_agency", "summary", "url"]
        field_classes = {"owner_agency": SafeModelChoiceField, "url": HttpsURLField}
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"title": {"required": "Enter a title for the evidence."}}

    def __init__(self, *args, partnership, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = EvidenceSource.objects.filter(edition=edition).order_by(
            "number"
        )
        self.fields["source"].label_from_instance = lambda s: f"{s.number}. {s.text}"
        self.fields["source"].empty_label = "None of these (enter a local type)"
        self.fields["owner_agency"].queryset = Agency.objects.filter(partnership=partnership)
        self.fields["owner_agency"].required = False
        self.fields["date"] = forms.DateField(
            label="Date",
            input_formats=DATE_FORMATS,
            help_text="For example, 31/3/2026",
            error_messages={
                "required": "Enter the date of the evidence.",
                "invalid": "Enter the date as day/month/year, like 31/3/2026.",
            },
            initial=self.instance.date.strftime("%d/%m/%Y") if self.instance.date else None,
        )
        self.fields["url"].error_messages["invalid"] = "Enter a full web address, starting https://"
        self.checked = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.checked = check_upload(upload, kinds=EVIDENCE_KINDS)
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("source") and not (data.get("local_type") or "").strip():
            self.add_error("source", "Choose a source of evidence, or enter a local type.")
        return data


class EvidenceFilterForm(GovukFormMixin, forms.Form):
    submit_label = "Search"

    text = forms.CharField(label="Words in the title or summary", required=False, max_length=100)
    source = forms.TypedChoiceField(
        label="Source of evidence", required=False, coerce=int, empty_value=None
    )
    agency = forms.TypedChoiceField(
        label="Owner agency", required=False, coerce=int, empty_value=None
    )
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, sources, agencies, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"
        self.fields["source"].choices = [("", "Any source")] + [
            (str(s.pk), f"{s.number}. {s.text}") for s in sources
        ]
        self.fields["agency"].choices = [("", "Any agency")] + [
            (str(a.pk), a.name) for a in agencies
        ]
        self.fields["year"].choices = [("", "Any year")] + [(str(y), str(y)) for y in years]

    def to_filter(self) -> EvidenceFilter:
        if not self.is_valid():
            return EvidenceFilter()
        d = self.cleaned_data
        return EvidenceFilter(
            text=(d.get("text") or "").strip(),
            source=d.get("source"),
            agency=d.get("agency"),
            year=d.get("year"),
        )

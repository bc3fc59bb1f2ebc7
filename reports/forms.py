"""Forms for the yearly report."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxLengthValidator

from resources.forms import YEAR
from resources.models import ResourceYear
from reviews.models import Review
from signoff.forms import ReopenForm
from surveys.models import Wave
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .models import NarrativeSection, YearlyReport


class ReportForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    """The period and what the report draws on."""

    submit_label = "Save"

    class Meta:
        model = YearlyReport
        fields = ["period"]
        error_messages = {"period": {"required": "Enter the financial year, like 2024-25."}}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["review"] = forms.ModelChoiceField(
            Review.objects.filter(partnership=partnership),
            required=False,
            label="Effectiveness review",
            empty_label="None",
        )
        self.fields["wave"] = forms.ModelChoiceField(
            Wave.objects.filter(partnership=partnership),
            required=False,
            label="Survey wave",
            empty_label="None",
            help_text="Results appear only for a wave that has closed.",
        )
        self.fields["resource_year"] = forms.ModelChoiceField(
            ResourceYear.objects.filter(partnership=partnership),
            required=False,
            label="Resources",
            empty_label="None",
        )
        if self.instance.pk:
            for name in ("review", "wave", "resource_year"):
                self.fields[name].initial = getattr(self.instance, f"{name}_id")
            self.fields["period"].disabled = True

    def clean_period(self) -> str:
        period = self.cleaned_data["period"].strip()
        match = YEAR.match(period)
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise forms.ValidationError("Enter the financial year like 2024-25.")
        clash = YearlyReport.objects.filter(partnership=self.partnership, period=period)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"There is already a report for {period}.")
        return period


class SectionForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the section"

    class Meta:
        model = NarrativeSection
        fields = ["heading", "text", "after_outcomes"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"text": "Leave a blank line between paragraphs."}
        error_messages = {
            "heading": {"required": "Enter a heading for the section."},
            "text": {"required": "Write the section."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].validators.append(MaxLengthValidator(20000))


class WithdrawForm(ReopenForm):
    """The same reason form as reopening, worded for taking a publication down."""

    submit_label = "Withdraw the published report"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.label = "Why is it being withdrawn?"
        reason.help_text = "The public page will say when it was withdrawn and why."
        reason.error_messages["required"] = "Enter why the report is being withdrawn."

"""Monitor forms."""

from __future__ import annotations

from django import forms

from framework.models import Indicator, Outcome
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .models import Monitor


class MonitorForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save monitor"

    class Meta:
        model = Monitor
        fields = ["name", "description", "unit", "direction", "target", "outcomes", "indicators"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "direction": forms.RadioSelect,
            "outcomes": forms.CheckboxSelectMultiple,
            "indicators": forms.SelectMultiple(attrs={"size": 8}),
        }
        labels = {"direction": "Which direction is good?", "target": "Target (optional)"}
        error_messages = {
            "name": {"required": "Enter the monitor's name."},
            "unit": {"required": "Enter the unit, like % or per 10,000 children."},
            "direction": {"required": "Choose which direction is good."},
        }

    def __init__(self, *args, partnership, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["outcomes"].queryset = Outcome.objects.filter(edition=edition).order_by(
            "position"
        )
        self.fields["outcomes"].label_from_instance = lambda o: f"{o.code} {o.short_name}"
        self.fields["outcomes"].required = False
        self.fields["indicators"].queryset = Indicator.objects.filter(
            outcome__edition=edition
        ).order_by("outcome__position", "position")
        self.fields["indicators"].label_from_instance = lambda i: f"{i.code} {i.text[:70]}"
        self.fields["indicators"].required = False
        self.fields["indicators"].help_text = "Hold Ctrl (or Cmd) to choose more than one."
        self.fields["direction"].choices = Monitor.Direction.choices

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Monitor.objects.filter(partnership=self.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("There is already a monitor with this name.")
        return name

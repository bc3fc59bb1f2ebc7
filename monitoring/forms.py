"""Monitor forms."""

from __future__ import annotations

from django import forms

from framework.forms import in_framework_order
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
        in_framework_order(self.fields["outcomes"], edition)
        in_framework_order(self.fields["indicators"], edition)
        self.fields["direction"].choices = Monitor.Direction.choices

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Monitor.objects.filter(partnership=self.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("There is already a monitor with this name.")
        return name

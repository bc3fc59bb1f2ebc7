"""Forms for the partnership's theory of change."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from framework.forms import in_framework_order
from framework.models import Outcome
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin, choose_several
from ui.periods import valid_period

from .models import Activity, Factor, Pathway, Resource, TheoryOfChange

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class StartForm(GovukFormMixin, forms.Form):
    submit_label = "Start this year's theory of change"
    period = forms.CharField(
        label="Year",
        max_length=7,
        help_text="The financial year it is for, like 2026-27.",
        error_messages={"required": "Enter the year, like 2026-27."},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_period(self) -> str:
        period = self.cleaned_data["period"].strip()
        if not valid_period(period):
            raise ValidationError("Enter the year as two years in a row, like 2026-27.")
        if TheoryOfChange.objects.filter(partnership=self.partnership, period=period).exists():
            raise ValidationError(f"There is already a theory of change for {period}.")
        return period


class ContextForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save"

    class Meta:
        model = TheoryOfChange
        fields = ["context"]
        widgets = {"context": forms.Textarea(attrs={"rows": 6})}


class ActivityForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Save the activity"

    class Meta:
        model = Activity
        fields = ["title", "description", "delivered_by"]
        widgets = {"title": TEXTAREA, "description": TEXTAREA}
        help_texts = {
            "title": "What the partnership does, in a sentence, like “Multi-agency neglect "
            "training co-delivered with parents”.",
            "delivered_by": "A subgroup, a team or a partner agency.",
        }
        error_messages = {"title": {"required": "Enter the activity."}}


class PathwayForm(GovukFormMixin, forms.Form):
    """Why an activity should lead to one of the framework's outcomes."""

    submit_label = "Add the pathway"

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        outcomes = Outcome.objects.filter(edition=activity.theory.edition_id).order_by(
            "category__number", "position"
        )
        self.fields["outcome"] = forms.ModelChoiceField(
            label="Leads to the outcome",
            queryset=outcomes,
            empty_label="Choose an outcome",
            error_messages={
                "required": "Choose the outcome this activity leads to.",
                "invalid_choice": "Choose one of the framework's outcomes.",
            },
        )
        self.fields["outcome"].label_from_instance = lambda o: f"{o.code} {o.short_name}"
        self.fields["because"] = forms.CharField(
            label="Because",
            widget=TEXTAREA,
            max_length=2000,
            help_text="The assumption: why this activity should bring about this outcome.",
            error_messages={"required": "Enter why the activity should lead to the outcome."},
        )

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"]
        if Pathway.objects.filter(activity=self.activity, outcome=outcome).exists():
            raise ValidationError(f"This activity is already linked to outcome {outcome.code}.")
        return outcome


class ResourceForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Save the resource"

    class Meta:
        model = Resource
        fields = ["title", "description", "provided_by"]  # and activities, built per request
        widgets = {"title": TEXTAREA, "description": TEXTAREA}
        help_texts = {"provided_by": "The partners, agencies or people who provide it."}
        error_messages = {"title": {"required": "Enter the resource."}}

    def __init__(self, *args, theory: TheoryOfChange, **kwargs):
        super().__init__(*args, **kwargs)
        # Scoped querysets are built per request, never at class definition.
        built = choose_several(
            Activity.objects.filter(theory=theory), "Activities it makes possible", str
        )
        self.fields["activities"] = built
        if self.instance.pk:
            built.initial = list(self.instance.activities.values_list("pk", flat=True))


class FactorForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Save"

    class Meta:
        model = Factor
        fields = ["kind", "text", "response", "outcomes"]
        widgets = {"kind": forms.RadioSelect, "text": TEXTAREA, "response": TEXTAREA}
        error_messages = {
            "kind": {"required": "Choose enabler or barrier."},
            "text": {"required": "Say what helps or gets in the way."},
        }

    def __init__(self, *args, theory: TheoryOfChange, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Factor.Kind.choices
        in_framework_order(self.fields["outcomes"], theory.edition_id)

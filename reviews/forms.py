"""Review forms: start, rate, judge, assign, local indicators, sign-off."""

from __future__ import annotations

from crispy_forms_gds.choices import Choice
from django import forms
from django_scopes.forms import SafeModelMultipleChoiceField

from evidence.models import EvidenceItem
from framework.models import Outcome, RatingLevel
from partnerships.models import Agency, Subgroup
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin
from ui.periods import valid_period

from .models import CoveragePlan, OutcomeJudgement, Rating

NOT_ASSESSED = "Not yet assessed"


def level_choices(edition) -> list[Choice]:
    """The one rating scale with its descriptors. "Not yet assessed" is not a level."""
    levels = RatingLevel.objects.filter(edition=edition).order_by("value")
    return [Choice("", NOT_ASSESSED, hint="No judgement yet.", divider="or")] + [
        Choice(str(lv.value), lv.label, hint=lv.descriptor) for lv in levels
    ]


class ReviewStartForm(GovukFormMixin, forms.Form):
    submit_label = "Start the review"
    period = forms.CharField(
        label="Period",
        max_length=7,
        help_text="The year the review covers, like 2025-26.",
        error_messages={"required": "Enter the period, like 2025-26."},
    )
    due_date = forms.DateField(
        label="Sign-off due by (optional)",
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text="For example, 31/3/2026",
        error_messages={"invalid": "Enter the date as day/month/year, like 31/3/2026."},
    )

    def clean_period(self) -> str:
        period = self.cleaned_data["period"].strip()
        if not valid_period(period):
            raise forms.ValidationError("Enter the period as two consecutive years, like 2025-26.")
        return period


class _Assessed(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    """Shared by ratings and outcome judgements: the level radios and the evidence."""

    def __init__(self, *args, edition, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"] = forms.TypedChoiceField(
            label="Rating",
            choices=level_choices(edition),
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            initial="" if self.instance.level is None else str(self.instance.level),
        )
        self.fields["evidence"].queryset = EvidenceItem.objects.filter(partnership=partnership)
        self.fields["evidence"].label_from_instance = lambda e: f"{e.title} ({e.date:%b %Y})"
        self.fields[
            "evidence"
        ].help_text = "Tick what this judgement rests on. Add new items in the evidence register."


class RatingForm(_Assessed):
    submit_label = "Save rating"

    class Meta:
        model = Rating
        fields = ["level", "commentary", "enablers", "barriers", "next_steps", "evidence"]
        field_classes = {"evidence": SafeModelMultipleChoiceField}
        widgets = {
            "commentary": forms.Textarea(attrs={"rows": 4}),
            "enablers": forms.Textarea(attrs={"rows": 3}),
            "barriers": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "evidence": forms.CheckboxSelectMultiple,
        }


class JudgementForm(_Assessed):
    submit_label = "Save judgement"

    class Meta:
        model = OutcomeJudgement
        fields = ["level", "narrative", "evidence"]
        field_classes = {"evidence": SafeModelMultipleChoiceField}
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 5}),
            "evidence": forms.CheckboxSelectMultiple,
        }
        labels = {"narrative": "Narrative (a short summary of the judgement)"}


def owner_choices(partnership) -> list[tuple[str, str]]:
    return (
        [("", "Choose a subgroup or agency")]
        + [
            (f"subgroup:{s.pk}", f"Subgroup: {s.name}")
            for s in Subgroup.objects.filter(partnership=partnership)
        ]
        + [
            (f"agency:{a.pk}", f"Agency: {a.name}")
            for a in Agency.objects.filter(partnership=partnership)
        ]
    )


def owner_from(value: str, partnership):
    kind, _, pk = value.partition(":")
    model = {"subgroup": Subgroup, "agency": Agency}.get(kind)
    if model is None or not pk.isdigit():
        return None
    return model.objects.filter(partnership=partnership, pk=int(pk)).first()


class AssignForm(GovukFormMixin, forms.Form):
    submit_label = "Assign"
    outcomes = forms.MultipleChoiceField(
        label="Outcomes",
        widget=forms.CheckboxSelectMultiple,
        help_text="Every indicator under the outcomes you tick is assigned.",
        error_messages={"required": "Choose at least one outcome."},
    )
    owner = forms.ChoiceField(
        label="Assign to", error_messages={"required": "Choose a subgroup or agency."}
    )

    def __init__(self, *args, edition, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.outcome_objects = {
            str(o.pk): o
            for o in Outcome.objects.filter(edition=edition).order_by(
                "category__number", "position"
            )
        }
        self.fields["outcomes"].choices = [
            (pk, f"{o.code} {o.short_name}") for pk, o in self.outcome_objects.items()
        ]
        self.fields["owner"].choices = owner_choices(partnership)

    def clean_owner(self):
        owner = owner_from(self.cleaned_data["owner"], self.partnership)
        if owner is None:
            raise forms.ValidationError("Choose a subgroup or agency.")
        return owner

    def chosen_outcomes(self) -> list[Outcome]:
        return [self.outcome_objects[pk] for pk in self.cleaned_data["outcomes"]]


class OwnerForm(GovukFormMixin, forms.Form):
    """Managers change who owns one indicator (on the rating page)."""

    submit_label = "Change owner"
    owner = forms.ChoiceField(label="Owner", required=False)
    form = forms.CharField(widget=forms.HiddenInput, initial="owner", required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["owner"].choices = [("", "Nobody yet"), *owner_choices(partnership)[1:]]

    def clean_owner(self):
        value = self.cleaned_data["owner"]
        if not value:
            return None
        owner = owner_from(value, self.partnership)
        if owner is None:
            raise forms.ValidationError("Choose a subgroup or agency from the list.")
        return owner


class LocalIndicatorForm(GovukFormMixin, forms.Form):
    submit_label = "Add local indicator"
    outcome = forms.TypedChoiceField(
        label="Under which outcome?", coerce=int, error_messages={"required": "Choose the outcome."}
    )
    text = forms.CharField(
        label="Indicator",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What would show this outcome is being met locally.",
        error_messages={"required": "Enter the indicator."},
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome_objects = {
            o.pk: o
            for o in Outcome.objects.filter(edition=edition).order_by(
                "category__number", "position"
            )
        }
        self.fields["outcome"].choices = [("", "Choose an outcome")] + [
            (o.pk, f"{o.code} {o.short_name}") for o in self.outcome_objects.values()
        ]

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError("Enter the indicator.")
        return text


class CoveragePlanForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Save the coverage plan"

    years = forms.IntegerField(
        label="Years to cover every outcome",
        min_value=1,
        max_value=5,
        help_text="How many years the reviews take, between them, to look at all 16 outcomes: "
        "1 looks at every outcome every year, 3 at about a third a year.",
    )

    class Meta:
        model = CoveragePlan
        fields = ["first_period", "years"]
        help_texts = {"first_period": "The year the plan starts, like 2025-26."}

    def clean_first_period(self) -> str:
        period = self.cleaned_data["first_period"].strip()
        if not valid_period(period):
            raise forms.ValidationError("Enter the first year as two years in a row, like 2025-26.")
        return period

"""Forms for learning, actions, escalations and challenges."""

from __future__ import annotations

from django import forms

from evidence.models import EvidenceItem
from framework.forms import indicators_field, outcomes_field
from partnerships.models import Agency
from planning.models import Priority
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .models import Action, Challenge, LearningSource, Recommendation

TEXTAREA = forms.Textarea(attrs={"rows": 3})
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def date_field(label: str, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text="For example, 31/3/2026",
        error_messages={
            "required": f"Enter the {label.lower()}.",
            "invalid": f"Enter the {label.lower()} as day/month/year, like 31/3/2026.",
        },
    )


def _choice(queryset, label: str, *, required: bool = False) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=queryset, required=required)


def _framework_links(form, edition, instance) -> None:
    """The outcomes (and indicators) a record serves: how reviews find it."""
    form.fields["outcomes"] = outcomes_field(edition, "Framework outcomes it serves")
    if instance is not None and instance.pk:
        form.fields["outcomes"].initial = list(instance.outcomes.values_list("pk", flat=True))


class SourceForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Save"

    class Meta:
        model = LearningSource
        fields = ["kind", "title", "date", "summary", "shared_how"]
        widgets = {"kind": forms.RadioSelect, "summary": TEXTAREA, "shared_how": TEXTAREA}
        labels = {"kind": "Where the learning comes from"}
        error_messages = {
            "kind": {"required": "Choose where the learning comes from."},
            "title": {"required": "Enter a title, like “Rapid review: Child H”."},
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["kind"].choices = LearningSource.Kind.choices
        self.fields["date"] = date_field("Date")
        self.fields["evidence"] = _choice(
            EvidenceItem.objects.filter(partnership=partnership), "The report or record (optional)"
        )
        if self.instance.pk:
            self.fields["evidence"].initial = self.instance.evidence_id

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        clash = LearningSource.objects.filter(partnership=self.partnership, title__iexact=title)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("There is already a source with this title.")
        return title


class RecommendationForm(GovukFormMixin, forms.Form):
    submit_label = "Add the recommendation"
    text = forms.CharField(
        label="Recommendation",
        widget=TEXTAREA,
        max_length=3000,
        error_messages={"required": "Enter the recommendation."},
    )


class ActionForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the action"

    class Meta:
        model = Action
        fields = ["title", "lead", "status", "completion_evidence", "impact_evidence"]
        widgets = {
            "title": TEXTAREA,
            "status": forms.RadioSelect,
            "completion_evidence": TEXTAREA,
            "impact_evidence": TEXTAREA,
        }
        error_messages = {
            "title": {"required": "Enter what will be done."},
            "status": {"required": "Choose the status."},
        }

    def __init__(self, *args, partnership, edition, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["status"].choices = Action.Status.choices
        self.fields["due_date"] = date_field("Due date")
        self.fields["source"] = _choice(
            LearningSource.objects.filter(partnership=partnership), "Where the learning came from"
        )
        self.fields["recommendation"] = _choice(
            Recommendation.objects.filter(partnership=partnership).select_related("source"),
            "Recommendation",
        )
        self.fields["recommendation"].label_from_instance = lambda r: (
            f"{r.source}: {r.number}. {r.text[:60]}"
        )
        self.fields["owner_agency"] = _choice(
            Agency.objects.filter(partnership=partnership), "Owner agency"
        )
        self.fields["priority"] = _choice(
            Priority.objects.filter(partnership=partnership), "Priority it serves"
        )
        self.fields["evidence"] = forms.ModelMultipleChoiceField(
            label="Evidence in the register",
            queryset=EvidenceItem.objects.filter(partnership=partnership),
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        _framework_links(self, edition, instance)
        self.fields["indicators"] = indicators_field(edition, "Framework indicators")
        if instance.pk:
            for name in ("due_date", "source", "recommendation", "owner_agency", "priority"):
                self.fields[name].initial = getattr(instance, name)
            for name in ("evidence", "indicators"):
                self.fields[name].initial = list(
                    getattr(instance, name).values_list("pk", flat=True)
                )
        self.order_fields(
            [
                "title",
                "source",
                "recommendation",
                "owner_agency",
                "lead",
                "due_date",
                "status",
                "completion_evidence",
                "impact_evidence",
                "evidence",
                "priority",
                "outcomes",
                "indicators",
            ]
        )

    def clean(self):
        data = super().clean()
        recommendation, source = data.get("recommendation"), data.get("source")
        if recommendation and source and recommendation.source_id != source.pk:
            self.add_error("recommendation", "Choose a recommendation from the source chosen.")
        return data


class EscalateForm(GovukFormMixin, forms.Form):
    submit_label = "Escalate to the lead partners"
    reason = forms.CharField(
        label="Why it needs the lead partners",
        widget=TEXTAREA,
        max_length=3000,
        error_messages={"required": "Enter why the action is being escalated."},
    )


class EscalationResponseForm(GovukFormMixin, forms.Form):
    submit_label = "Record the response"
    response = forms.CharField(
        label="The lead partners' response",
        widget=TEXTAREA,
        max_length=5000,
        error_messages={"required": "Enter the lead partners' response."},
    )


class ChallengeForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the challenge"

    class Meta:
        model = Challenge
        fields = ["raised_by", "subject", "detail", "response", "status", "resolution"]
        widgets = {
            "detail": TEXTAREA,
            "response": TEXTAREA,
            "resolution": TEXTAREA,
            "status": forms.RadioSelect,
        }
        error_messages = {
            "raised_by": {
                "required": "Enter who raised it: an agency, or the independent scrutineer."
            },
            "subject": {"required": "Enter what the challenge is about."},
            "detail": {"required": "Enter the challenge."},
        }

    def __init__(self, *args, partnership, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = Challenge.Status.choices
        self.fields["raised_on"] = date_field("Date raised")
        self.fields["responded_on"] = date_field("Date of the response", required=False)
        self.fields["raised_with"] = _choice(
            Agency.objects.filter(partnership=partnership), "Raised with"
        )
        _framework_links(self, edition, self.instance)
        if self.instance.pk:
            for name in ("raised_on", "responded_on", "raised_with"):
                self.fields[name].initial = getattr(self.instance, name)
        self.order_fields(
            [
                "raised_on",
                "raised_by",
                "raised_with",
                "subject",
                "detail",
                "response",
                "responded_on",
                "status",
                "resolution",
                "outcomes",
            ]
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("status") in (Challenge.Status.RESPONDED, Challenge.Status.RESOLVED)
            and not (data.get("response") or "").strip()
        ):
            self.add_error(
                "response", "Enter the response before marking it responded or resolved."
            )
        return data

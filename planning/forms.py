"""Forms for the five planning steps and progress reviews."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from evidence.models import EvidenceItem
from framework.forms import indicators_field, outcomes_field
from monitoring.models import Monitor
from theory.models import Activity as TheoryActivity
from theory.models import Resource as TheoryResource
from theory.selectors import latest_theory
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin, choose_several

from .models import Activity, Pathway, Priority, PriorityOutcome, ProgressUpdate, Resource

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class PriorityStartForm(GovukFormMixin, forms.Form):
    submit_label = "Start planning"
    title = forms.CharField(
        label="Priority",
        max_length=150,
        help_text="A short name, like Neglect or Exploitation outside the home.",
        error_messages={"required": "Enter the priority's name."},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if Priority.objects.filter(partnership=self.partnership, title__iexact=title).exists():
            raise ValidationError("There is already a priority with this name.")
        return title


class IssueForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    """Step one: identifying the issue."""

    submit_label = "Save and continue"

    class Meta:
        model = Priority
        fields = ["issue", "target_groups", "overall_change", "principles_influence", "context"]
        widgets = dict.fromkeys(fields, TEXTAREA)
        help_texts = {
            "issue": "In one or two sentences.",
            "target_groups": "One group per line, like “Children under 5 living with neglect”.",
        }


class OutcomeForm(GovukFormMixin, forms.ModelForm):
    """Step two: a leaf."""

    submit_label = "Save the outcome"

    class Meta:
        model = PriorityOutcome
        fields = ["target_group", "term", "text", "on_course"]
        widgets = {"term": forms.RadioSelect, "text": TEXTAREA, "on_course": TEXTAREA}
        labels = {"text": "What will be better for this group?"}
        error_messages = {
            "target_group": {"required": "Choose the target group."},
            "term": {"required": "Choose short or medium term."},
            "text": {"required": "Enter the outcome."},
        }

    def __init__(self, *args, priority: Priority, **kwargs):
        super().__init__(*args, **kwargs)
        groups = priority.target_group_list() or ["Everyone the priority affects"]
        current = self.instance.target_group if self.instance.pk else None
        if current and current not in groups:
            groups.append(current)
        self.fields["target_group"] = forms.ChoiceField(
            label="Target group",
            choices=[(g, g) for g in groups],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the target group."},
            help_text="Groups come from step one.",
        )
        self.fields["term"].choices = PriorityOutcome.Term.choices
        edition = priority.edition
        self.fields["framework_outcomes"] = outcomes_field(edition, "Framework outcomes it serves")
        self.fields["indicators"] = indicators_field(edition, "Framework indicators")
        self.fields["monitors"] = choose_several(
            Monitor.objects.filter(partnership=priority.partnership), "Monitors", str
        )
        if self.instance.pk:
            for name in ("framework_outcomes", "indicators", "monitors"):
                self.fields[name].initial = list(
                    getattr(self.instance, name).values_list("pk", flat=True)
                )


def _from_theory(theory, queryset, label: str) -> forms.ModelChoiceField | None:
    """An optional choice of one part of the partnership's latest theory of change."""
    if theory is None or not queryset.exists():
        return None
    field = forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        required=False,
        empty_label="None: a new one for this priority",
        help_text=f"From your theory of change {theory.period}. Its words are copied in; "
        "leave the boxes below empty to use them as they are.",
        error_messages={"invalid_choice": "Choose one from your theory of change."},
    )
    return field


class ActivityForm(GovukFormMixin, forms.ModelForm):
    """Step three: a branch, new or one of the partnership's own (its theory of change)."""

    submit_label = "Save the activity"

    class Meta:
        model = Activity
        fields = ["title", "key_features", "delivered_by", "duration"]
        widgets = {"key_features": TEXTAREA}
        labels = {"title": "Activity"}
        error_messages = {"title": {"required": "Enter the activity."}}

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        theory = latest_theory(partnership) if partnership is not None else None
        field = theory and _from_theory(
            theory,
            TheoryActivity.objects.filter(theory=theory),
            "One of our activities (optional)",
        )
        if field:
            self.fields = {"from_theory": field, **self.fields}
            self.fields["title"].required = False

    def clean(self):
        data = super().clean()
        chosen = data.get("from_theory")
        if chosen is not None:
            data["title"] = data.get("title") or chosen.title[:200]
            data["key_features"] = data.get("key_features") or chosen.description
            data["delivered_by"] = data.get("delivered_by") or chosen.delivered_by[:300]
        elif not data.get("title") and "title" not in self.errors:
            self.add_error("title", "Enter the activity, or choose one of your own above.")
        return data


class PathwayForm(GovukFormMixin, forms.Form):
    """Step three: why an activity should lead to an outcome."""

    submit_label = "Add the pathway"

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.fields["outcome"] = forms.ModelChoiceField(
            label="Leads to the outcome",
            queryset=PriorityOutcome.objects.filter(priority=activity.priority),
            error_messages={"required": "Choose the outcome this activity leads to."},
        )
        self.fields["because"] = forms.CharField(
            label="Because",
            widget=TEXTAREA,
            max_length=2000,
            help_text="The assumption: why this activity should bring this change.",
            error_messages={"required": "Enter why the activity should lead to the outcome."},
        )

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"]
        if Pathway.objects.filter(activity=self.activity, outcome=outcome).exists():
            raise ValidationError("This activity is already linked to that outcome.")
        return outcome


class ResourceForm(GovukFormMixin, forms.ModelForm):
    """Step four: the trunk."""

    submit_label = "Save the resource"

    class Meta:
        model = Resource
        fields = ["kind", "description", "provided_by", "secured"]
        widgets = {"kind": forms.RadioSelect, "description": TEXTAREA}
        labels = {"secured": "This resource is secured"}
        error_messages = {
            "kind": {"required": "Choose the kind of resource."},
            "description": {"required": "Enter what is needed."},
            "provided_by": {"required": "Enter who provides it."},
        }

    def __init__(self, *args, priority: Priority, **kwargs):
        super().__init__(*args, **kwargs)
        # Scoped querysets are built per request, never at class definition.
        self.fields = {
            "activity": forms.ModelChoiceField(
                label="Activity",
                queryset=Activity.objects.filter(priority=priority),
                initial=self.instance.activity_id if self.instance.pk else None,
                error_messages={"required": "Choose the activity that needs it."},
            ),
            **self.fields,
        }
        theory = latest_theory(priority.partnership)
        field = theory and _from_theory(
            theory,
            TheoryResource.objects.filter(theory=theory),
            "One of our resources (optional)",
        )
        if field:
            self.fields = {"from_theory": field, **self.fields}
            self.fields["description"].required = False
            self.fields["provided_by"].required = False

    def clean(self):
        data = super().clean()
        chosen = data.get("from_theory")
        if chosen is not None:
            what = f"{chosen.title}: {chosen.description}" if chosen.description else chosen.title
            data["description"] = data.get("description") or what
            data["provided_by"] = data.get("provided_by") or chosen.provided_by[:300]
        for name, message in (
            ("description", "Enter what is needed."),
            ("provided_by", "Enter who provides it."),
        ):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, message)
        return data
        self.fields["kind"].choices = Resource.Kind.choices


class ReflectionsForm(GovukFormMixin, forms.Form):
    """Step five: a reflection on each principle. Saved as you go: blank ones are kept blank."""

    submit_label = "Save reflections"

    def __init__(self, *args, principles, existing: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.principles = list(principles)
        for p in self.principles:
            self.fields[f"principle_{p.number}"] = forms.CharField(
                label=f"Principle {p.number}: {p.label}",
                help_text=p.text,
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                max_length=5000,
                initial=existing.get(p.pk, ""),
            )

    def reflections(self) -> dict:
        return {p: self.cleaned_data.get(f"principle_{p.number}", "") for p in self.principles}


class ProgressForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Save the progress review"

    class Meta:
        model = ProgressUpdate
        fields = ["date", "status", "note"]
        widgets = {"status": forms.RadioSelect, "note": TEXTAREA}
        labels = {"note": "What the evidence and monitors show"}
        error_messages = {"status": {"required": "Choose on track, some concerns or off track."}}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"] = forms.DateField(
            label="Date of the review",
            input_formats=["%d/%m/%Y", "%Y-%m-%d"],
            help_text="For example, 31/3/2026",
            error_messages={
                "required": "Enter the date of the review.",
                "invalid": "Enter the date as day/month/year, like 31/3/2026.",
            },
        )
        self.fields["status"].choices = ProgressUpdate.Status.choices
        self.fields["evidence"] = forms.ModelMultipleChoiceField(
            label="Evidence",
            queryset=EvidenceItem.objects.filter(partnership=partnership),
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )

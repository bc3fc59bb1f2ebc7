"""Forms for meetings, attendance and the levels of seniority."""

from __future__ import annotations

from django import forms

from actions.forms import date_field
from actions.models import Action
from partnerships.models import Agency, Subgroup
from planning.models import Priority
from reviews.models import Review
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin, choose_several

from .models import Attendance, Meeting

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class MeetingForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the meeting"

    class Meta:
        model = Meeting
        fields = ["date", "agenda", "decisions"]  # and the scoped choices, built per request
        widgets = {"agenda": TEXTAREA, "decisions": TEXTAREA}
        help_texts = {"decisions": "One decision a line, as the minutes record them."}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        # Scoped querysets are built per request, never at class definition.
        chosen = {
            "subgroup": forms.ModelChoiceField(
                label="Board or subgroup",
                queryset=Subgroup.objects.filter(partnership=partnership),
                empty_label="Choose one",
                error_messages={"required": "Choose the board or subgroup that met."},
            ),
        }
        self.fields = {**chosen, **self.fields}
        self.fields["date"] = date_field("Date of the meeting")
        self.fields["priorities"] = choose_several(
            Priority.objects.filter(partnership=partnership), "Priorities on the agenda"
        )
        self.fields["actions"] = choose_several(
            Action.objects.filter(partnership=partnership).order_by("due_date", "pk"),
            "Actions on the agenda",
        )
        self.fields["reviews"] = choose_several(
            Review.objects.filter(partnership=partnership), "Reviews on the agenda"
        )
        if self.instance.pk:
            self.fields["subgroup"].initial = self.instance.subgroup_id
            self.fields["date"].initial = self.instance.date
            for name in ("priorities", "actions", "reviews"):
                self.fields[name].initial = list(
                    getattr(self.instance, name).values_list("pk", flat=True)
                )


class AttendanceForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Add"

    class Meta:
        model = Attendance
        fields = ["name", "present"]  # and the agency and seniority, built per request
        labels = {"present": "Attended (leave unticked if they sent apologies)"}

    def __init__(self, *args, partnership, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {
            "agency": forms.ModelChoiceField(
                label="Agency",
                queryset=Agency.objects.filter(partnership=partnership),
                empty_label="Choose one",
                error_messages={"required": "Choose the agency they came for."},
            ),
            "seniority": forms.ChoiceField(
                label="Level of seniority",
                choices=[("", "Choose one"), *((level, level) for level in levels)],
                error_messages={"required": "Choose their level of seniority."},
            ),
            **self.fields,
        }
        self.fields["present"].initial = True


class SeniorityForm(GovukFormMixin, forms.Form):
    submit_label = "Save the levels"
    levels = forms.CharField(
        label="Levels of seniority, most senior first",
        widget=forms.Textarea(attrs={"rows": 7}),
        max_length=2000,
        help_text="One level a line. Attendance already recorded keeps its level's words.",
        error_messages={"required": "Enter at least one level of seniority."},
    )

    def clean_levels(self) -> list[str]:
        levels = [" ".join(line.split()) for line in self.cleaned_data["levels"].splitlines()]
        levels = [level for level in levels if level]
        if not levels:
            raise forms.ValidationError("Enter at least one level of seniority.")
        if any(len(level) > 100 for level in levels):
            raise forms.ValidationError("Each level must be 100 characters or fewer.")
        if len({level.lower() for level in levels}) != len(levels):
            raise forms.ValidationError("Each level must be different.")
        return levels

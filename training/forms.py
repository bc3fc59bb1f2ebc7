"""Forms for training sessions, attendance by agency and the participants' evaluation."""

from __future__ import annotations

from django import forms

from actions.forms import date_field
from actions.models import LearningSource
from partnerships.models import Agency
from planning.models import Priority
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .evaluation import CHANGE_QUESTION, QUESTIONS, SCALE
from .models import TrainingSession


class SessionForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the session"

    class Meta:
        model = TrainingSession
        fields = ["title", "delivered_by", "co_delivered", "eedi"]  # and those built per request
        help_texts = {
            "delivered_by": "For example, the partnership's training officer with Riverton "
            "Youth Trust's young advisers.",
            "co_delivered": "The report asks for training co-developed or co-facilitated by "
            "children, young people and experts by experience where possible (4.3).",
        }
        error_messages = {"title": {"required": "Enter the topic of the session."}}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        # Scoped querysets are built per request, never at class definition.
        self.fields = {
            "title": self.fields["title"],
            "date": date_field("Date of the session"),
            **self.fields,
            "learning_source": forms.ModelChoiceField(
                label="The review or learning it passes on (optional)",
                queryset=LearningSource.objects.filter(partnership=partnership),
                required=False,
                empty_label="None",
            ),
            "priority": forms.ModelChoiceField(
                label="The priority it serves (optional)",
                queryset=Priority.objects.filter(partnership=partnership),
                required=False,
                empty_label="None",
            ),
            "evaluation_closes_on": date_field("Date evaluations close", required=False),
        }
        self.fields["evaluation_closes_on"].help_text = (
            "Participants can send an evaluation from the day of the session until this day. "
            "Leave it blank for two weeks after the session."
        )
        self.fields["title"].label = "Topic"
        if self.instance.pk:
            for name in ("date", "learning_source", "priority", "evaluation_closes_on"):
                self.fields[name].initial = getattr(self.instance, name)


class AttendanceForm(GovukFormMixin, forms.Form):
    submit_label = "Save the number"
    attended = forms.IntegerField(
        label="Number who attended",
        min_value=1,
        max_value=5000,
        error_messages={
            "required": "Enter how many attended from the agency.",
            "min_value": "Enter a number of people, 1 or more.",
            "max_value": "Enter a number of people, 5000 or fewer.",
        },
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {
            "agency": forms.ModelChoiceField(
                label="Agency",
                queryset=Agency.objects.filter(partnership=partnership),
                empty_label="Choose one",
                help_text="A number already recorded for the agency is replaced.",
                error_messages={"required": "Choose the agency they came from."},
            ),
            **self.fields,
        }


MISSING = {
    "relevant": "Choose how far you agree that the session was relevant to your work.",
    "will_use": "Choose how far you agree that you will use what you learned.",
    "other_agencies": "Choose how far you agree that you understand better how other agencies "
    "work.",
    "confident": "Choose how far you agree that you feel more confident with other agencies.",
}


class EvaluationForm(GovukFormMixin, forms.Form):
    submit_label = "Send your evaluation"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, statement in QUESTIONS:
            self.fields[name] = forms.TypedChoiceField(
                label=statement,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": MISSING[name]},
            )
        self.fields["change"] = forms.CharField(
            label=f"{CHANGE_QUESTION} (optional)",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text="Do not write your name, or anything that could identify you, a child or "
            "a family.",
            error_messages={"max_length": "Write 2000 characters or fewer."},
        )

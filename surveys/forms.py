"""Survey forms: setting up a wave (staff) and answering it (respondents, no account)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from framework.models import Outcome, SurveyCategory
from partnerships.models import Agency
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .groups import GROUP_MINIMUM
from .models import (
    DEFAULT_MIN_GROUP,
    LOWEST_MIN_GROUP,
    CommentCode,
    ResourceAnswer,
    Wave,
    WaveStatement,
)
from .services import results_fixed_problems

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_HELP = "For example, 31/3/2026"
MAX_COMMENT = 5000


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        help_text=DATE_HELP,
        error_messages={
            "required": f"Enter the {label.lower()} date.",
            "invalid": f"Enter the {label.lower()} date as day/month/year, like 31/3/2026.",
        },
    )


class WaveForm(GovukFormMixin, forms.Form):
    submit_label = "Create the wave"
    title = forms.CharField(
        label="Title",
        max_length=150,
        help_text="Respondents see this, like “Northshire partnership survey 2026”.",
        error_messages={"required": "Enter the title respondents will see."},
    )
    period = forms.CharField(
        label="Period",
        max_length=20,
        help_text="A short name for comparing waves, like 2026.",
        error_messages={"required": "Enter the period, like 2026."},
    )
    opens_on = _date("Opening")
    closes_on = _date("Closing")
    mode = forms.ChoiceField(
        label="How will people get the survey?",
        choices=Wave.Mode.choices,
        widget=forms.RadioSelect,
        initial=Wave.Mode.LINK,
        error_messages={"required": "Choose how people will get the survey."},
    )
    asks_resources = forms.BooleanField(
        label=Wave._meta.get_field("asks_resources").verbose_name,
        help_text=Wave._meta.get_field("asks_resources").help_text,
        required=False,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_period(self) -> str:
        period = " ".join(self.cleaned_data["period"].split())
        if Wave.objects.filter(partnership=self.partnership, period__iexact=period).exists():
            raise ValidationError("There is already a wave for this period.")
        return period

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "The closing date must be on or after the opening date.")
        return data


class WaveEditForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the wave"

    class Meta:
        model = Wave
        fields = [
            "title",
            "opens_on",
            "closes_on",
            "min_group_size",
            "min_group_reason",
            "breakdown_questions",
            "asks_resources",
        ]
        labels = {
            "min_group_size": "Smallest group shown in results",
            "min_group_reason": "Why the smallest group is lower than before",
        }
        help_texts = {
            "min_group_size": "A question fewer than this answered is not shown, and neither is "
            "a cell of “Who answered” with fewer people. Groups in a breakdown need at least "
            f"{GROUP_MINIMUM} as well. The default is {DEFAULT_MIN_GROUP}; the lowest allowed "
            f"is {LOWEST_MIN_GROUP}.",
            "min_group_reason": "Needed when you lower it: it is kept in the audit trail.",
        }
        widgets = {"min_group_reason": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "title": {"required": "Enter the title respondents will see."},
            "min_group_size": {
                "required": f"Enter the smallest group shown, a whole number from "
                f"{LOWEST_MIN_GROUP} to 50.",
                "min_value": f"The smallest group shown must be at least {LOWEST_MIN_GROUP}.",
                "max_value": "The smallest group shown must be 50 or fewer.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_minimum = self.instance.min_group_size
        for name, label in (("opens_on", "Opening"), ("closes_on", "Closing")):
            self.fields[name] = _date(label)
        questions = self.instance.edition.survey.get("profile", [])
        self.fields["breakdown_questions"] = forms.MultipleChoiceField(
            label="Profile questions results may be broken down by",
            help_text="Taken in this order: a breakdown that, together with those above it, "
            "would let a small group be worked out is not offered. To offer a lower one instead, "
            "untick one above it. “By group” says which are not offered and why.",
            choices=[(q["key"], q["question"]) for q in questions],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "The closing date must be on or after the opening date.")
        minimum = data.get("min_group_size")
        lowered = minimum is not None and minimum < self.previous_minimum
        if lowered and not (data.get("min_group_reason") or "").strip():
            self.add_error("min_group_reason", "Say why you are lowering the smallest group shown.")
        problems = results_fixed_problems(
            self.instance,
            closes_on=data.get("closes_on"),
            min_group_size=minimum,
            breakdown_questions=data.get("breakdown_questions"),
        )
        for name, message in problems.items():
            if name not in self.errors:
                self.add_error(name, message)
        return data


class StatementsForm(GovukFormMixin, forms.Form):
    submit_label = "Save the statements asked"
    included = forms.ModelMultipleChoiceField(
        label="Statements to ask",
        queryset=WaveStatement.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one statement to ask."},
    )

    def __init__(self, *args, wave: Wave, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["included"].queryset = wave.statements.order_by("category__number", "number")
        self.fields["included"].label_from_instance = lambda s: s.text
        self.fields["included"].initial = list(
            wave.statements.filter(included=True).values_list("pk", flat=True)
        )


def _outcome_field(edition) -> forms.ModelMultipleChoiceField:
    field = forms.ModelMultipleChoiceField(
        label="Framework outcomes this statement speaks to",
        queryset=Outcome.objects.filter(edition=edition).order_by("category__number", "position"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    field.label_from_instance = lambda o: f"{o.code} {o.short_name}"
    return field


class LocalStatementForm(GovukFormMixin, forms.Form):
    submit_label = "Add the statement"
    category = forms.ModelChoiceField(
        label="Survey category",
        queryset=SurveyCategory.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Choose the category the statement belongs to."},
    )
    text = forms.CharField(
        label="Statement",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Written like the report's: “The LSCP …”. Respondents say how true it is, how "
        "it has changed and how important it is.",
        error_messages={"required": "Enter the statement."},
    )

    def __init__(self, *args, wave: Wave, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = wave.edition.survey_categories.order_by("number")
        self.fields["outcomes"] = _outcome_field(wave.edition)
        self.wave = wave

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        if self.wave.statements.filter(text__iexact=text).exists():
            raise ValidationError("This wave already asks this statement.")
        return text


class MappingForm(GovukFormMixin, forms.Form):
    submit_label = "Save the outcomes"

    def __init__(self, *args, statement: WaveStatement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcomes"] = _outcome_field(statement.wave.edition)
        self.fields["outcomes"].initial = list(statement.outcomes.values_list("pk", flat=True))


class InvitationsForm(GovukFormMixin, forms.Form):
    submit_label = "Send invitations"
    agency = forms.ModelChoiceField(
        label="Agency (optional)",
        queryset=Agency.objects.none(),
        required=False,
        help_text="Response rates are counted per agency.",
    )
    emails = forms.CharField(
        label="Email addresses",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=50_000,
        help_text="One per line, or separated by commas. Up to 500 at a time.",
        error_messages={"required": "Enter at least one email address."},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(partnership=partnership)

    def clean_emails(self) -> list[str]:
        found = [
            e.strip().lower()
            for e in re.split(r"[\s,;]+", self.cleaned_data["emails"])
            if e.strip()
        ]
        if not found:
            raise ValidationError("Enter at least one email address.")
        if len(found) > 500:
            raise ValidationError(f"Enter at most 500 addresses at a time; there are {len(found)}.")
        wrong = []
        for email in found:
            try:
                validate_email(email)
            except ValidationError:
                wrong.append(email[:60])
        if wrong:
            raise ValidationError(
                f"These are not email addresses: {', '.join(wrong[:5])}"
                + (f" and {len(wrong) - 5} more" if len(wrong) > 5 else "")
                + "."
            )
        return list(dict.fromkeys(found))


class ResumeForm(GovukFormMixin, forms.Form):
    submit_label = "Continue"
    code = forms.CharField(
        label="Your code",
        max_length=40,
        help_text="The code you were given when you started, like ABCD-EFGH-JKLM.",
        error_messages={"required": "Enter the code you were given when you started."},
    )


class ProfileForm(GovukFormMixin, forms.Form):
    """About you: every question is optional (Table A6)."""

    submit_label = "Save and continue"

    def __init__(self, *args, questions: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[question["key"]] = forms.ChoiceField(
                label=question["question"],
                choices=[(o["code"], o["label"]) for o in question["options"]],
                widget=forms.RadioSelect,
                required=False,
            )


class PageForm(GovukFormMixin, forms.Form):
    """One category's statements, each asked three ways, and the category's comment box."""

    submit_label = "Save and continue"
    QUESTIONS = (
        ("truth", "How true is this?"),
        ("change", "During your involvement with the LSCP, this has:"),
        ("importance", "How important is this as an indicator of LSCP effectiveness?"),
    )

    def __init__(
        self, *args, statements: list[WaveStatement], options: dict, comment_label: str, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.statements = statements
        for statement in statements:
            for field, label in self.QUESTIONS:
                self.fields[f"s{statement.pk}_{field}"] = forms.TypedChoiceField(
                    label=label,
                    choices=[(i, text) for i, text in enumerate(options[field], start=1)],
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect,
                    required=False,
                )
        self.fields["comment"] = forms.CharField(
            label=comment_label,
            widget=forms.Textarea(attrs={"rows": 5}),
            required=False,
            max_length=MAX_COMMENT,
            help_text="Optional. Please do not name anyone, or anything that identifies you.",
        )

    def grouped(self):
        """(statement, [bound fields]) for the template."""
        return [
            (s, [self[f"s{s.pk}_{field}"] for field, _ in self.QUESTIONS]) for s in self.statements
        ]

    def answers(self) -> dict[int, tuple]:
        return {
            s.pk: tuple(self.cleaned_data.get(f"s{s.pk}_{field}") for field, _ in self.QUESTIONS)
            for s in self.statements
        }


class CodeForm(GovukFormMixin, forms.Form):
    submit_label = "Add the code"
    name = forms.CharField(
        label="New code",
        max_length=300,
        help_text="A theme you found that the frame does not have yet.",
        error_messages={"required": "Enter the code's name."},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if CommentCode.objects.filter(partnership=self.partnership, name__iexact=name).exists():
            raise ValidationError("There is already a code with this name.")
        return name


class CodingForm(GovukFormMixin, forms.Form):
    submit_label = "Save the codes"
    codes = forms.ModelMultipleChoiceField(
        label="Codes for this comment",
        queryset=CommentCode.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].queryset = CommentCode.objects.filter(partnership=partnership)


class ResourcesForm(GovukFormMixin, forms.Form):
    """The report's Table A11 questions, asked of every respondent, and what else is needed.
    Every answer is optional, like the rest of the survey."""

    submit_label = "Save and continue"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in ResourceAnswer.QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=ResourceAnswer.Adequate.choices,
                widget=forms.RadioSelect,
                required=False,
            )
        self.fields["needed"] = forms.CharField(
            label="Are any other resources needed? If so, what?",
            widget=forms.Textarea(attrs={"rows": 4}),
            required=False,
            max_length=MAX_COMMENT,
            help_text="Optional. Please do not name anyone, or anything that identifies you.",
        )

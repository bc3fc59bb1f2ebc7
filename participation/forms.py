"""Forms for voices, "you said, we did", diversity counts and workshops."""

from __future__ import annotations

import re

from django import forms
from django.core.validators import MaxLengthValidator

from actions.forms import date_field
from actions.models import Action
from framework.forms import outcomes_field
from framework.models import OutcomeCategory
from partnerships.models import Membership
from planning.models import Priority
from reviews.models import Rating, Review
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin, choose_several

from .models import Column, DiversityCount, Feedback, VoiceGroup, Workshop
from .workshops import CODE_LENGTH, NOTE_LIMIT, normalise_code

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class VoiceGroupForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Save the group"

    class Meta:
        model = VoiceGroup
        fields = ["name", "kind", "description", "respond_within_days"]
        widgets = {"kind": forms.RadioSelect, "description": TEXTAREA}
        labels = {"kind": "What kind of group is it?"}
        error_messages = {
            "name": {"required": "Enter the group's name, like “Northshire Young Scrutineers”."},
            "kind": {"required": "Choose what kind of group it is."},
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["kind"].choices = VoiceGroup.Kind.choices
        self.fields["respond_within_days"].min_value = 1
        self.fields["respond_within_days"].max_value = 365
        self.fields[
            "respond_within_days"
        ].help_text = "Feedback without a response after this many days is flagged as overdue."
        members = choose_several(
            Membership.objects.filter(partnership=partnership).select_related("user"),
            "Members with an account (for example, young scrutineers)",
            lambda m: m.user.get_full_name() or m.user.email,
        )
        members.help_text = "Optional. They will see this group's feedback and responses."
        self.fields["members"] = members
        if self.instance.pk:
            members.initial = list(self.instance.members.values_list("pk", flat=True))

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = VoiceGroup.objects.filter(partnership=self.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("There is already a group with this name.")
        return name


class FeedbackForm(GovukFormMixin, forms.ModelForm):
    """What a group said. `plain` is the wording young scrutineers see when they write it."""

    submit_label = "Save the feedback"

    class Meta:
        model = Feedback
        fields = ["said"]
        widgets = {"said": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, groups, edition, plain: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        said = self.fields["said"]
        said.validators.append(MaxLengthValidator(5000))
        if plain:
            self.helper.inputs[0].value = "Send it to the partnership"
            said.label = "What do you want to tell the partnership?"
            said.help_text = "Please do not write anyone's name."
            said.error_messages["required"] = "Write what you want to tell the partnership."
        else:
            said.label = "What was said"
            said.help_text = "In the group's words. Never write a child's name."
            said.error_messages["required"] = "Enter what the group said."
        self.fields["group"] = forms.ModelChoiceField(
            queryset=groups,
            label="Which group is this from?",
            empty_label=None if plain else "Choose a group",
            error_messages={"required": "Choose the group this feedback is from."},
        )
        if plain:
            self.fields["group"].initial = groups.first()
        if not plain:
            self.fields["received_on"] = date_field("Date it was said")
        self.fields["outcomes"] = outcomes_field(
            edition,
            "What is it about? (optional)" if plain else "Framework outcomes it touches",
            plain=plain,
        )
        self.order_fields(["group", "said", "received_on", "outcomes"])


class ResponseForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    """The partnership's response: "you said, we did"."""

    submit_label = "Save the response"

    class Meta:
        model = Feedback
        fields = ["status", "response", "responded_by", "public", "said_easy", "response_easy"]
        widgets = {
            "status": forms.RadioSelect,
            "response": forms.Textarea(attrs={"rows": 5}),
            "said_easy": forms.Textarea(attrs={"rows": 2}),
            "response_easy": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"status": "Where things stand (the group sees this)"}
        help_texts = {
            "response": "In plain words the group will understand.",
            "responded_by": "For example, “Priya Shah, business manager”.",
            "said_easy": "Optional, for the easy-read public page. One idea per sentence, "
            "everyday words, no more than about 15 words a sentence. Left blank, the easy-read "
            "page uses what was said.",
            "response_easy": "Optional, for the easy-read public page, in the same way. Left "
            "blank, the easy-read page uses the response above.",
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = Feedback.Status.choices
        self.fields["response"].validators.append(MaxLengthValidator(5000))
        for name in ("said_easy", "response_easy"):
            self.fields[name].validators.append(MaxLengthValidator(1000))
        self.fields["actions"] = choose_several(
            Action.objects.filter(partnership=partnership), "Actions it led to"
        )
        self.fields["priorities"] = choose_several(
            Priority.objects.filter(partnership=partnership), "Priorities it shaped"
        )
        self.fields["ratings"] = choose_several(
            Rating.objects.filter(partnership=partnership, indicator__isnull=False)
            .select_related("indicator", "review")
            .order_by("-review__period", "indicator__outcome__position", "indicator__position"),
            "Review ratings it informed",
            lambda r: f"{r.review.period}: indicator {r.indicator.code}",
        )
        if self.instance.pk:
            for name in ("actions", "priorities", "ratings"):
                self.fields[name].initial = list(
                    getattr(self.instance, name).values_list("pk", flat=True)
                )

    def clean(self):
        data = super().clean()
        status, response = data.get("status"), (data.get("response") or "").strip()
        if status and status != Feedback.Status.AWAITING and not response:
            self.add_error("response", "Write what the partnership did or decided.")
        if status == Feedback.Status.AWAITING and response:
            self.add_error("status", "Choose where things stand now that there is a response.")
        if data.get("public") and not response:
            self.add_error("public", "Only feedback with a response can go on the public page.")
        if response and not (data.get("responded_by") or "").strip():
            self.add_error("responded_by", "Enter who in the partnership responded.")
        return data


LINE = re.compile(r"^(?P<category>[^,]{1,100}),\s*(?P<count>\d{1,4})$")


class DiversityForm(GovukFormMixin, forms.Form):
    submit_label = "Save the numbers"

    characteristic = forms.ChoiceField(
        label="Characteristic",
        choices=DiversityCount.Characteristic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the characteristic these numbers describe."},
    )
    counts = forms.CharField(
        label="How many people in each group",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        help_text="One line each: the group, a comma, then how many. For example “13 to 15, 6”.",
        error_messages={"required": "Enter at least one line, like “13 to 15, 6”."},
    )
    consent = forms.BooleanField(
        label="Everyone counted agreed to share this, and no one is named",
        error_messages={"required": "Confirm that everyone counted agreed to share this."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["as_at"] = date_field("Date the numbers were collected")
        self.order_fields(["as_at", "characteristic", "counts", "consent"])

    def clean_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        problems = []
        for number, line in enumerate(self.cleaned_data["counts"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            match = LINE.match(line)
            if not match:
                problems.append(f"Line {number}: write the group, a comma, then the number.")
                continue
            category = match["category"].strip()
            if category in counts:
                problems.append(f"Line {number}: “{category}” is already on an earlier line.")
            counts[category] = int(match["count"])
        if problems:
            raise forms.ValidationError(problems)
        if not counts:
            raise forms.ValidationError("Enter at least one line, like “13 to 15, 6”.")
        return counts


class YouSaidPageForm(GovukFormMixin, forms.Form):
    submit_label = "Save"

    introduction = forms.CharField(
        label="Introduction",
        required=False,
        widget=TEXTAREA,
        max_length=3000,
        help_text="A few plain sentences at the top of the public page.",
    )
    published = forms.BooleanField(
        label="Publish the page (anyone with the address can read it)", required=False
    )


class WorkshopForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Open the workshop"

    class Meta:
        model = Workshop
        fields = ["title", "question"]
        widgets = {"question": TEXTAREA}
        help_texts = {"question": "Optional. Shown to everyone at the top of the board."}
        error_messages = {"title": {"required": "Enter a title, like “Neglect: what would help?”."}}

    def __init__(self, *args, partnership, edition, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Choose an outcome category or a priority")]
        choices += [
            (f"category:{c.pk}", str(c)) for c in OutcomeCategory.objects.filter(edition=edition)
        ]
        choices += [
            (f"priority:{p.pk}", f"Priority: {p}")
            for p in Priority.objects.filter(partnership=partnership)
        ]
        self.fields["subject"] = forms.ChoiceField(
            label="What is the workshop about?",
            choices=choices,
            error_messages={"required": "Choose an outcome category or a priority."},
        )
        self.fields["held_on"] = date_field("Date of the workshop")
        review = forms.ModelChoiceField(
            queryset=Review.objects.filter(partnership=partnership, status=Review.Status.DRAFT),
            required=False,
            label="Review the notes can go into (outcome categories only)",
            empty_label="The latest review that is not signed off",
        )
        self.fields["review"] = review
        self.order_fields(["title", "subject", "held_on", "question", "review"])

    def clean(self):
        data = super().clean()
        # The subject is one choice in the form and two fields of the workshop: a category
        # (with the review its notes may go into) or a priority.
        kind, _, pk = (data.get("subject") or "").partition(":")
        data["category"] = OutcomeCategory.objects.get(pk=pk) if kind == "category" else None
        data["priority"] = Priority.objects.get(pk=pk) if kind == "priority" else None
        if kind != "category":
            data["review"] = None
        return data


class JoinForm(GovukFormMixin, forms.Form):
    submit_label = "Join"

    code = forms.CharField(
        label="Workshop code",
        max_length=20,
        help_text="The 6 letters and numbers the facilitator shows you.",
        error_messages={"required": "Enter the workshop code."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError("The code is 6 letters and numbers, like K7MP2Q.")
        return code


class NoteForm(GovukFormMixin, forms.Form):
    submit_label = "Add your note"

    column = forms.ChoiceField(
        label="Which column is it for?",
        choices=Column.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a column for your note."},
    )
    text = forms.CharField(
        label="Your note",
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anonymous: nobody can see who wrote it. Please do not write anyone's name.",
        error_messages={"required": "Write your note."},
    )


class GroupNotesForm(GovukFormMixin, forms.Form):
    submit_label = "Group the chosen notes"

    name = forms.CharField(
        label="Name for the group",
        max_length=200,
        error_messages={"required": "Enter a name for the group of notes."},
    )

    def __init__(self, *args, notes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"] = forms.MultipleChoiceField(
            label="Notes to group",
            choices=[(str(n.pk), n.text[:80]) for n in notes],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Choose the notes to group."},
        )
        self.order_fields(["notes", "name"])


class PromoteForm(GovukFormMixin, forms.Form):
    submit_label = "Add it"

    def __init__(self, *args, targets, default: str = "", target_groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"] = forms.ChoiceField(
            label="Where should it go?",
            choices=[(t.value, t.label) for t in targets],
            initial=default,
            error_messages={"required": "Choose where this should go."},
        )
        self.fields["target_group"] = forms.CharField(
            label="Target group (for a new outcome)",
            required=False,
            max_length=150,
            initial=target_groups[0] if target_groups else "",
        )

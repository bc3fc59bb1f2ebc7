"""Forms for a year's resources."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms

from partnerships.models import PartnerBody
from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .models import QUESTIONS, Contribution, OtherResource, Post, ResourceYear, Spend

YEAR = re.compile(r"^(\d{4})-(\d{2})$")


class YearForm(GovukFormMixin, forms.Form):
    submit_label = "Start the year"

    from_last_year = forms.BooleanField(
        label="Start from the latest year's lines",
        required=False,
        help_text="Each contribution, income, spending line and post is copied with its "
        "amount, for you to check. Leave it unticked to start empty.",
    )

    year = forms.CharField(
        label="Financial year",
        max_length=7,
        help_text="For example 2025-26.",
        error_messages={"required": "Enter the financial year, like 2025-26."},
    )

    field_order = ["year", "from_last_year"]

    def clean_year(self) -> str:
        year = self.cleaned_data["year"].strip()
        match = YEAR.match(year)
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise forms.ValidationError("Enter the financial year like 2025-26.")
        return year


def _amount(form, label: str = "Amount (£)") -> None:
    form.fields["amount"] = forms.DecimalField(
        label=label,
        min_value=Decimal("0"),
        max_value=Decimal("9999999999"),
        decimal_places=2,
        help_text="In pounds, for example 125000.",
        error_messages={
            "required": "Enter the amount in pounds.",
            "invalid": "Enter the amount as a number, like 125000.",
            "min_value": "The amount cannot be negative.",
            "max_value": "The amount must be less than £10 billion.",
            "max_decimal_places": "Enter the amount to the nearest penny.",
            "max_digits": "The amount must be less than £10 billion.",
        },
    )


class ContributionForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Add the contribution"

    class Meta:
        model = Contribution
        fields = ["sector", "contributor"]
        widgets = {"sector": forms.RadioSelect}
        labels = {"sector": "Which kind of partner?"}
        error_messages = {
            "sector": {"required": "Choose which kind of partner contributes."},
            "contributor": {"required": "Enter who contributes, like “Northshire County Council”."},
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = Contribution.Sector.choices
        self.fields["partner_body"] = forms.ModelChoiceField(
            PartnerBody.objects.filter(partnership=partnership),
            required=False,
            label="Partner body (optional)",
            empty_label="Not one of the partner bodies",
        )
        _amount(self)


class OtherForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Add it"

    class Meta:
        model = OtherResource
        fields = ["kind", "source", "description"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"kind": "Income or in kind?"}
        error_messages = {
            "kind": {"required": "Choose additional income or an in-kind resource."},
            "source": {"required": "Enter where it comes from, like “Training for schools”."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = OtherResource.Kind.choices
        _amount(self, "Amount or estimated value (£)")


class SpendForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Add the spending"

    class Meta:
        model = Spend
        fields = ["category", "local_category"]
        labels = {"category": "Category (Table A9)"}
        help_texts = {"local_category": "Only for “Another category”."}
        error_messages = {"category": {"required": "Choose a category of spending."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Choose a category"), *Spend.Category.choices]
        _amount(self)

    def clean(self):
        data = super().clean()
        if data.get("category") == Spend.Category.LOCAL and not data.get("local_category"):
            self.add_error("local_category", "Enter the name of the local category.")
        elif data.get("category") != Spend.Category.LOCAL:
            data["local_category"] = ""  # only "another category" has a local name
        return data

    def clean_local_category(self) -> str:
        return self.cleaned_data["local_category"].strip()


class PostForm(GovukFormMixin, forms.ModelForm):
    submit_label = "Add the post"

    class Meta:
        model = Post
        fields = ["category", "title"]
        labels = {"category": "Kind of post (Table A10)"}
        error_messages = {
            "category": {"required": "Choose the kind of post."},
            "title": {"required": "Enter the job title."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Choose a kind of post"), *Post.Category.choices]
        self.fields["fte"] = forms.DecimalField(
            label="Full-time equivalent",
            min_value=Decimal("0.01"),
            max_value=Decimal("99"),
            decimal_places=2,
            initial=Decimal("1.00"),
            help_text="1 for full time, 0.5 for half.",
            error_messages={
                "required": "Enter the full-time equivalent, like 1 or 0.5.",
                "invalid": "Enter the full-time equivalent as a number, like 0.5.",
                "min_value": "The full-time equivalent must be more than 0.",
                "max_value": "The full-time equivalent must be less than 100.",
                "max_decimal_places": "Use at most two decimal places, like 0.25.",
                "max_digits": "The full-time equivalent must be less than 100.",
            },
        )


class AdequacyForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the answers"

    class Meta:
        model = ResourceYear
        fields = [part for q in QUESTIONS for part in (q, f"{q}_comment")]
        widgets = {
            **dict.fromkeys(QUESTIONS, forms.RadioSelect),
            **{f"{q}_comment": forms.Textarea(attrs={"rows": 2}) for q in QUESTIONS},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for q in QUESTIONS:
            self.fields[q].choices = ResourceYear.Adequate.choices
            self.fields[q].required = False


LINE_FORMS = {
    "contribution": ContributionForm,
    "other": OtherForm,
    "spend": SpendForm,
    "post": PostForm,
}
LINE_TITLES = {
    "contribution": "Add a partner contribution",
    "other": "Add additional income or an in-kind resource",
    "spend": "Add spending",
    "post": "Add a funded post",
}

"""Forms for partnership set-up and people. Querysets are limited to the partnership."""

from __future__ import annotations

from django import forms
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from trust.versioning import VersionedFormMixin
from ui.forms import GovukFormMixin

from .models import Agency, Membership, PartnerBody, Partnership, RoleAssignment, Subgroup
from .roles import Role


class PartnershipForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Partnership
        fields = ["name", "region", "coterminous", "merged_with_adult_board", "retention_years"]
        error_messages = {
            "retention_years": {
                "required": "Enter how many years to keep the audit trail.",
                "invalid": "Enter the number of years as a whole number, like 6.",
            },
            "name": {
                "required": "Enter the partnership's name.",
                "unique": "Another partnership already has this name.",
            },
            "region": {"required": "Choose the region."},
        }

    def clean_retention_years(self) -> int:
        years = self.cleaned_data["retention_years"]
        if not 1 <= years <= 25:
            raise forms.ValidationError("Enter a number of years between 1 and 25.")
        return years


class PartnerBodyForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PartnerBody
        fields = ["kind", "name", "organisation"]
        labels = {
            "kind": "Type of partner body",
            "organisation": "The same organisation on other partnerships (optional)",
        }
        help_texts = {
            "organisation": "A police force or ICB that covers several areas is one "
            "organisation. Choose it, and its lead sees their work for every partnership in "
            "one place. Each partnership still signs off on its own."
        }
        error_messages = {
            "kind": {"required": "Choose the type of partner body."},
            "name": {"required": "Enter the partner body's name."},
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership

    def clean(self):
        data = super().clean()
        organisation, kind = data.get("organisation"), data.get("kind")
        if organisation is not None and kind and organisation.kind != kind:
            self.add_error(
                "organisation",
                f"{organisation} is a {organisation.get_kind_display().lower()}: choose an "
                "organisation of the same type as the partner body.",
            )
        return data

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = PartnerBody.objects.filter(partnership=self.instance.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                "This partnership already has a partner body with this name."
            )
        return name


class AgencyForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "sector"]
        error_messages = {
            "name": {"required": "Enter the agency's name."},
            "sector": {"required": "Choose the agency's sector."},
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = Agency.objects.filter(partnership=self.instance.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("This partnership already has an agency with this name.")
        return name


class SubgroupForm(GovukFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Subgroup
        fields = ["name", "purpose", "chair", "members", "accountable_to"]
        widgets = {"members": forms.CheckboxSelectMultiple}
        # Safe fields: the scoped querysets are set per partnership in __init__.
        field_classes = {
            "chair": SafeModelChoiceField,
            "members": SafeModelMultipleChoiceField,
            "accountable_to": SafeModelChoiceField,
        }
        labels = {"accountable_to": "Accountable to"}
        error_messages = {"name": {"required": "Enter the subgroup's name."}}

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        people = Membership.objects.filter(partnership=partnership).select_related("user")
        self.fields["chair"].queryset = people
        self.fields["members"].queryset = people
        others = Subgroup.objects.filter(partnership=partnership)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["accountable_to"].queryset = others
        self.fields["accountable_to"].empty_label = "The lead safeguarding partners"

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = Subgroup.objects.filter(partnership=self.instance.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("This partnership already has a subgroup with this name.")
        return name

    def clean_accountable_to(self):
        parent = self.cleaned_data.get("accountable_to")
        seen = set()
        node = parent
        while node is not None and self.instance.pk:
            if node.pk == self.instance.pk or node.pk in seen:
                raise forms.ValidationError(
                    "A subgroup cannot be accountable to itself or to a subgroup that reports to it."
                )
            seen.add(node.pk)
            node = node.accountable_to
        return parent


INVITABLE_ROLES = [(r.value, r.label) for r in Role if r != Role.DELEGATED_PARTNER]


class InviteForm(GovukFormMixin, forms.Form):
    submit_label = "Send invitation"
    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter their full name."}
    )
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter their email address.",
            "invalid": "Enter an email address in the correct format, like name@example.org.",
        },
    )
    role = forms.ChoiceField(
        choices=INVITABLE_ROLES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role."},
        help_text="To add a delegated safeguarding partner, invite them first, then add the role "
        "on their page.",
    )
    partner_body = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Partner body (lead safeguarding partners only)",
    )
    agency = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner_body"].queryset = PartnerBody.objects.filter(partnership=partnership)
        self.fields["agency"].queryset = Agency.objects.filter(partnership=partnership)


class RoleAddForm(GovukFormMixin, forms.Form):
    submit_label = "Add role"
    role = forms.ChoiceField(
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role."},
    )
    partner_body = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Partner body (lead safeguarding partners only)",
    )
    acting_for = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Acting for (delegated safeguarding partners only)",
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner_body"].queryset = PartnerBody.objects.filter(partnership=partnership)
        self.fields["acting_for"].queryset = RoleAssignment.objects.filter(
            membership__partnership=partnership, role=Role.LEAD_PARTNER
        ).select_related("membership__user", "partner_body")
        self.fields["acting_for"].label_from_instance = lambda r: (
            f"{r.membership.user} ({r.partner_body})"
        )


class ConfirmForm(GovukFormMixin, forms.Form):
    """An empty form for a confirmation button."""

    submit_label = "Remove"

"""The joint sign-off forms, shared by everything that is signed off."""

from __future__ import annotations

from django import forms

from ui.forms import GovukFormMixin


class SignForm(GovukFormMixin, forms.Form):
    submit_label = "Sign off"
    partner_body = forms.TypedChoiceField(
        label="Signing for", coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Choose the partner body you are signing for."},
    )  # fmt: skip

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False  # the page's form says which action it is
        self.bodies = {b.pk: b for b in bodies}
        self.fields["partner_body"].choices = [(b.pk, b.name) for b in bodies]


class ReopenForm(GovukFormMixin, forms.Form):
    submit_label = "Reopen"
    reason = forms.CharField(
        label="Why is it being reopened?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone who signed will see this, and it is kept in the audit trail.",
        error_messages={"required": "Enter why it is being reopened."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False  # the page's form says which action it is

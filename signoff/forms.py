"""The joint sign-off forms, shared by everything that is signed off."""

from __future__ import annotations

from django import forms

from ui.forms import GovukFormMixin


class SignForm(GovukFormMixin, forms.Form):
    SIGN, RESERVATION, DECLINE = "sign", "reservation", "decline"
    submit_label = "Send your decision"
    partner_body = forms.TypedChoiceField(
        label="Signing for",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the partner body you are signing for."},
    )
    decision = forms.ChoiceField(
        label="Your decision",
        widget=forms.RadioSelect,
        choices=[
            (SIGN, "Sign"),
            (RESERVATION, "Sign with a reservation"),
            (DECLINE, "Decline to sign"),
        ],
        initial=SIGN,
        required=False,  # checked on "Sign" from the start, so leaving it means signing
    )
    note = forms.CharField(
        label="Comment, reservation or reason",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional when you sign. A reservation is shown with your signature wherever "
        "it appears, including the signed document; a reason for declining goes to the "
        "business manager.",
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False  # the page's form says which action it is
        self.bodies = {b.pk: b for b in bodies}
        self.fields["partner_body"].choices = [(b.pk, b.name) for b in bodies]

    def clean(self):
        data = super().clean()
        decision = data.get("decision") or self.SIGN
        note = (data.get("note") or "").strip()
        data["decision"] = decision
        if decision == self.RESERVATION and not note:
            self.add_error("note", "Write your reservation.")
        if decision == self.DECLINE and not note:
            self.add_error("note", "Enter why you are declining to sign.")
        data["note"] = note
        return data


class RequestForm(GovukFormMixin, forms.Form):
    submit_label = "Ask every partner body to sign off"
    due_by = forms.DateField(
        label="Sign by",
        required=False,
        help_text="Signers are reminded a few days before. Leave it blank for two weeks from "
        "today. For example, 27 3 2027 or 2027-03-27.",
        input_formats=["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y"],
        error_messages={"invalid": "Enter the date like 27 3 2027."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False  # the page's form says which action it is

    def clean_due_by(self):
        from django.utils import timezone

        due_by = self.cleaned_data.get("due_by")
        if due_by is not None and due_by < timezone.localdate():
            raise forms.ValidationError("The sign-by date must be today or later.")
        return due_by


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

"""Sign-in, password and invitation forms, rendered with the GOV.UK Design System."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from ui.forms import GovukFormMixin


class SignInForm(GovukFormMixin, AuthenticationForm):
    submit_label = "Sign in"
    error_messages = {
        "invalid_login": "Enter a correct email address and password.",
        "inactive": "This account has been closed. Contact your business manager.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget.attrs["autocomplete"] = "email"
        self.fields["username"].widget.attrs["spellcheck"] = "false"
        self.fields["username"].error_messages["required"] = "Enter your email address."
        self.fields["password"].error_messages["required"] = "Enter your password."


class ResetRequestForm(GovukFormMixin, PasswordResetForm):
    submit_label = "Send reset link"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].error_messages["required"] = "Enter your email address."
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org."
        )


class NewPasswordForm(GovukFormMixin, SetPasswordForm):
    submit_label = "Save password"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "new_password1"
        ].help_text = "At least 12 characters. A few unrelated words make a strong password."
        self.fields["new_password1"].error_messages["required"] = "Enter a new password."
        self.fields["new_password2"].error_messages["required"] = "Enter the password again."


class AcceptInvitationForm(GovukFormMixin, forms.Form):
    """Create an account from an invitation: the email and name come from the invitation."""

    submit_label = "Create account and join"
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. A few unrelated words make a strong password.",
        error_messages={"required": "Enter a password."},
    )
    password2 = forms.CharField(
        label="Enter the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the password again."},
    )

    def __init__(self, *args, user_for_validation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user_for_validation = user_for_validation

    def clean_password2(self) -> str:
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            raise forms.ValidationError("The two passwords do not match.")
        if p2:
            password_validation.validate_password(p2, self.user_for_validation)
        return p2


class JoinForm(GovukFormMixin, forms.Form):
    """Accept an invitation as the person already signed in."""

    submit_label = "Join the partnership"

"""Sign-in, password and invitation forms, rendered with the GOV.UK Design System."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.validators import MaxLengthValidator

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
        # Django sets max_length here without a validator: without one, a huge "email" reaches
        # authenticate() and the lockout table, whose column is 255 characters.
        self.fields["username"].validators.append(
            MaxLengthValidator(254, "Enter an email address of 254 characters or fewer.")
        )
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


class CodeForm(GovukFormMixin, forms.Form):
    """A six-digit code from an app or email, or an eight-character recovery code."""

    submit_label = "Continue"
    code = forms.CharField(
        label="Code",
        max_length=16,
        error_messages={"required": "Enter the code."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "none",
                "class": "govuk-input--width-10",
            }
        ),
    )

    def __init__(self, *args, check: Callable[[str], bool] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).lower()
        if not code.isalnum():
            raise forms.ValidationError("Enter the code using only letters and numbers.")
        if self.check is not None and not self.check(code):
            raise forms.ValidationError(
                "The code is not right or has expired. Check it and try again."
            )
        return code


class MethodForm(GovukFormMixin, forms.Form):
    """Young scrutineers choose how to get their second factor."""

    submit_label = "Continue"
    method = forms.ChoiceField(
        label="How do you want to get your sign-in code?",
        choices=[
            ("app", "An authenticator app on my phone"),
            ("email", "An email to my address each time I sign in"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you want to get your sign-in code."},
    )


class PasswordCheckForm(GovukFormMixin, forms.Form):
    """Enter your password again before a sensitive change."""

    submit_label = "Continue"
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password."},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if self.user is None or not self.user.check_password(password):
            raise forms.ValidationError("The password is not right. Try again.")
        return password


class EmailChangeForm(GovukFormMixin, forms.Form):
    submit_label = "Send confirmation link"
    email = forms.EmailField(
        label="New email address",
        max_length=254,
        error_messages={
            "required": "Enter your new email address.",
            "invalid": "Enter an email address in the correct format, like name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        from .models import User

        email = self.cleaned_data["email"].strip().lower()
        if self.user is not None and email == self.user.email:
            raise forms.ValidationError("This is already your email address.")
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError("Another account already uses this email address.")
        return email


class NameForm(GovukFormMixin, forms.Form):
    submit_label = "Save name"
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages={"required": "Enter your full name."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name

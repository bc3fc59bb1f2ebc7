"""Sign in, sign out and password reset."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from .forms import NewPasswordForm, ResetRequestForm, SignInForm


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


class ResetRequestView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "ui/form_page.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_context = {
        "page_title": "Reset your password",
        "lead": "Enter the email address you sign in with. If it has an account, we will send "
        "a link to set a new password. The link works once, for 3 days.",
    }


class ResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/message.html"
    extra_context = {
        "page_title": "Check your email",
        "body": "If the address you entered has an account, we have sent a link to reset the "
        "password. It can take a few minutes to arrive. Check your spam folder too.",
    }


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"page_title": "Choose a new password"}


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/message.html"
    extra_context = {
        "page_title": "Your password has been changed",
        "body": "You can now sign in with your new password.",
        "link": reverse_lazy("accounts:login"),
        "link_text": "Sign in",
    }

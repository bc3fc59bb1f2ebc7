"""Sign in, sign out, password reset and accepting an invitation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from partnerships.services import invitation_accept, invitation_for_token

from .forms import AcceptInvitationForm, JoinForm, NewPasswordForm, ResetRequestForm, SignInForm
from .models import User


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


def invitation(request, token: str):
    """Show an invitation and accept it: as the signed-in person, or with a new account."""
    invite = invitation_for_token(token)
    if invite is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    user = request.user if request.user.is_authenticated else None
    existing = User.objects.filter(email__iexact=invite.email).exists()
    if user is not None:
        form = JoinForm(request.POST if request.method == "POST" else None)
    elif not existing:
        form = AcceptInvitationForm(
            request.POST if request.method == "POST" else None,
            user_for_validation=User(email=invite.email, full_name=invite.full_name),
        )
    else:
        form = None  # has an account: sign in first
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            membership = invitation_accept(
                invitation=invite,
                user=user,
                password=form.cleaned_data.get("password1", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if user is None:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"You have joined {invite.partnership.name}.")
            return redirect("partnerships:home", partnership=invite.partnership.slug)
    return render(
        request,
        "accounts/invitation.html",
        {
            "invitation": invite,
            "form": form,
            "signed_in_as": user,
            "wrong_account": user is not None and user.email.lower() != invite.email.lower(),
            "anonymous": isinstance(request.user, AnonymousUser),
        },
    )

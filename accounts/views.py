"""Sign in (password, then a second factor), sign out, password reset, and your account."""

from __future__ import annotations

import json
import time

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ui.pages import form_page

from . import personal_data, services, two_factor
from .forms import (
    CodeForm,
    EmailChangeForm,
    MethodForm,
    NameForm,
    NewPasswordForm,
    PasswordCheckForm,
    ResetRequestForm,
    SignInForm,
)
from .middleware import REAUTHENTICATED_AT, seconds_left, start_session_clock
from .signals import personal_data_downloaded, signed_in, two_factor_changed

NEW_CODES_SESSION_KEY = "macs_new_recovery_codes"


def _next_url(request: HttpRequest, default: str | None = None) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("partnerships:chooser")


def _with_next(url: str, request: HttpRequest) -> str:
    from urllib.parse import urlencode

    target = _next_url(request, "")
    return f"{url}?{urlencode({'next': target})}" if target else url


def _complete_sign_in(request: HttpRequest, device, method: str) -> None:
    """Both factors checked: mark the session verified under a new session id."""
    already_verified = two_factor.is_verified(request)
    otp_login(request, device)
    request.session.cycle_key()
    if already_verified:
        two_factor_changed.send(sender=None, request=request, user=request.user, method=method)
    else:
        start_session_clock(request)
        signed_in.send(sender=None, request=request, user=request.user, method=method)


class SignInView(auth_views.LoginView):
    """Step one: email and password. Step two is `two_factor_verify` or set-up."""

    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = False

    def form_valid(self, form):
        response = super().form_valid(form)  # login() rotates the session id
        start_session_clock(self.request)
        if two_factor.is_relaxed(self.request.user):
            signed_in.send(
                sender=None, request=self.request, user=self.request.user, method="relaxed"
            )
            return response
        return redirect(_with_next(reverse("accounts:two_factor"), self.request))


class SignOutView(auth_views.LogoutView):
    pass


def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """Step two of sign-in: a code from the app or email, or a recovery code."""
    user = request.user
    if two_factor.is_verified(request):
        return redirect(_next_url(request))
    if not two_factor.has_second_factor(user):
        return redirect(_with_next(reverse("accounts:two_factor_setup"), request))
    uses_email = not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if request.method == "POST" and request.POST.get("action") == "send" and uses_email:
        _send_code(request, EmailDevice.objects.get(user=user, confirmed=True))
        return redirect(_with_next(reverse("accounts:two_factor"), request))

    matched = {}

    def check(code: str) -> bool:
        device = match_token(user, code)
        if device is not None and two_factor.acceptable_device(user, device):
            matched["device"] = device
            return True
        return False

    form = CodeForm(request.POST if request.method == "POST" else None, check=check)
    if form.is_valid():
        device = matched["device"]
        method = (
            "recovery code"
            if device.__class__.__name__ == "StaticDevice"
            else ("email" if uses_email else "app")
        )
        if method == "recovery code":
            left = two_factor.recovery_codes_left(user)
            messages.info(
                request,
                f"You used a recovery code. You have {left} left. Make new ones on your account page.",
            )
        _complete_sign_in(request, device, method)
        return redirect(_next_url(request))
    form.fields["code"].label = (
        "Code from your email" if uses_email else "Code from your authenticator app"
    )
    form.fields["code"].help_text = "Or enter one of your recovery codes if you cannot get a code."
    return render(
        request,
        "accounts/two_factor.html",
        {"form": form, "uses_email": uses_email, "next": _next_url(request, "")},
    )


def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up a second factor: at first sign-in, after a reset, or to replace an app."""
    user = request.user
    replacing = two_factor.has_second_factor(user)
    if replacing and not _recently_reauthenticated(request):
        return redirect(reverse("accounts:reauthenticate") + "?then=setup")
    method = request.GET.get("method") or request.POST.get("method_chosen") or ""
    if two_factor.may_use_email_codes(user) and method not in ("app", "email"):
        form = MethodForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            from urllib.parse import urlencode

            params = {"method": form.cleaned_data["method"], "next": _next_url(request, "")}
            return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode(params)}")
        return form_page(
            request,
            form,
            title="Set up two-factor sign-in",
            lead="Each time you sign in you will enter your password and a code. "
            "This keeps the partnership's information safe if someone learns your password.",
        )
    if method == "email" and two_factor.may_use_email_codes(user):
        return _setup_email(request)
    return _setup_app(request)


def _setup_app(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = two_factor.totp_start(user)
    form = CodeForm(
        request.POST if request.method == "POST" and "code" in request.POST else None,
        check=lambda code: two_factor.totp_confirm(user=user, device=device, token=code),
    )
    form.fields["code"].label = "Code from your authenticator app"
    form.set_submit_label("Turn on two-factor sign-in")
    if form.is_valid():
        return _after_setup(request, device, "app")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": two_factor.totp_qr_svg(device),
            "secret": two_factor.totp_secret(device),
            "next": _next_url(request, ""),
        },
    )


def _setup_email(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = two_factor.email_device_start(user)
    if request.method == "POST" and request.POST.get("action") == "send":
        _send_code(request, device)
    form = CodeForm(
        request.POST if request.method == "POST" and "code" in request.POST else None,
        check=lambda code: two_factor.email_device_confirm(user=user, device=device, token=code),
    )
    form.fields["code"].label = "Code from your email"
    if form.is_valid():
        return _after_setup(request, device, "email")
    return render(
        request,
        "accounts/two_factor_email.html",
        {"form": form, "next": _next_url(request, ""), "sent": device.token is not None},
    )


def _send_code(request: HttpRequest, device: EmailDevice) -> None:
    """Email a code, unless one was sent moments ago (django-otp's cooldown)."""
    allowed, _ = device.generate_is_allowed()
    if not allowed:
        messages.info(request, "We sent a code less than a minute ago. Check your email.")
        return
    device.generate_challenge()
    messages.success(
        request, f"We have sent a code to {request.user.email}. It works for 10 minutes."
    )


def _after_setup(request: HttpRequest, device, method: str) -> HttpResponse:
    codes = two_factor.recovery_codes_create(request.user)
    _complete_sign_in(request, device, method)
    request.session[NEW_CODES_SESSION_KEY] = codes
    messages.success(request, "Two-factor sign-in is on.")
    return redirect(_with_next(reverse("accounts:recovery_codes"), request))


def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Show new recovery codes once; POST (after re-entering the password) makes new ones."""
    if request.method == "POST":
        if not _recently_reauthenticated(request):
            return redirect(reverse("accounts:reauthenticate") + "?then=codes")
        request.session[NEW_CODES_SESSION_KEY] = two_factor.recovery_codes_create(request.user)
        return redirect("accounts:recovery_codes")
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": codes,
            "left": two_factor.recovery_codes_left(request.user),
            "next": _next_url(request),
        },
    )


def _recently_reauthenticated(request: HttpRequest) -> bool:
    from django.conf import settings

    at = request.session.get(REAUTHENTICATED_AT)
    return at is not None and time.time() - at < settings.MACS_REAUTH_SECONDS


REAUTH_TARGETS = {
    "setup": "accounts:two_factor_setup",
    "codes": "accounts:recovery_codes",
    "email": "accounts:email_change",
}


def reauthenticate(request: HttpRequest) -> HttpResponse:
    """Enter your password again before changing your email or two-factor sign-in."""
    then = request.GET.get("then") or request.POST.get("then") or "email"
    if then not in REAUTH_TARGETS:
        then = "email"
    form = PasswordCheckForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_valid():
        request.session[REAUTHENTICATED_AT] = time.time()
        target = reverse(REAUTH_TARGETS[then])
        if then == "codes":
            target = reverse("accounts:account")
            messages.info(request, "Password confirmed. You can now make new recovery codes.")
        return redirect(target)
    return render(
        request,
        "accounts/reauthenticate.html",
        {"form": form, "then": then, "page_title": "Confirm it is you"},
    )


def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = NameForm(
        request.POST if request.method == "POST" else None, initial={"full_name": user.full_name}
    )
    if form.is_valid():
        services.user_name_change(user=user, full_name=form.cleaned_data["full_name"], actor=user)
        messages.success(request, "Your name has been saved.")
        return redirect("accounts:account")
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "has_app": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
            "uses_email": EmailDevice.objects.filter(user=user, confirmed=True).exists(),
            "codes_left": two_factor.recovery_codes_left(user),
            "reauthenticated": _recently_reauthenticated(request),
        },
    )


def email_change(request: HttpRequest) -> HttpResponse:
    if not _recently_reauthenticated(request):
        return redirect(reverse("accounts:reauthenticate") + "?then=email")
    form = EmailChangeForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_valid():
        services.email_change_request(
            user=request.user,
            new_email=form.cleaned_data["email"],
            base_url=request.build_absolute_uri("/")[:-1],
            actor=request.user,
        )
        messages.success(
            request,
            f"We have sent a link to {form.cleaned_data['email']}. Your email address changes "
            "when you follow it (within 24 hours).",
        )
        return redirect("accounts:account")
    return form_page(
        request,
        form,
        title="Change your email address",
        cancel=reverse("accounts:account"),
        lead=f"You sign in with {request.user.email} now. We will send a link to the new address to check it is yours.",
    )


def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            new_email = services.email_change_confirm(
                user=request.user, token=token, actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("accounts:account")
        messages.success(request, f"Your email address is now {new_email}.")
        return redirect("accounts:account")
    return render(
        request, "accounts/email_confirm.html", {"page_title": "Confirm your new email address"}
    )


def session_status(request: HttpRequest) -> JsonResponse:
    """GET: how long is left, for the timeout warning (not counted as activity).
    POST: "stay signed in" (the middleware counts any POST as activity)."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False, "seconds_left": 0})
    return JsonResponse(
        {"signed_in": True, "seconds_left": seconds_left(request.session, time.time())}
    )


def your_data(request: HttpRequest) -> HttpResponse:
    """GET: what we hold and why. POST: download it all as JSON."""
    if request.method == "POST":
        data = personal_data.collect(request.user)
        personal_data_downloaded.send(sender=None, request=request, user=request.user)
        response = HttpResponse(
            json.dumps(data, indent=2, default=str), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="macs-your-data.json"'
        return response
    return render(request, "accounts/your_data.html", {"page_title": "Your data"})


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
    """Sets a new password only: the person still signs in with their second factor after."""

    form_class = NewPasswordForm
    template_name = "accounts/reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = False
    extra_context = {"page_title": "Choose a new password"}


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/message.html"
    extra_context = {
        "page_title": "Your password has been changed",
        "body": "You can now sign in with your new password and your usual two-factor code.",
        "link": reverse_lazy("accounts:login"),
        "link_text": "Sign in",
    }

"""Account forms in the bad-input harness (see fuzzing/registry.py)."""

from django.test import RequestFactory

from accounts import services
from accounts.forms import (
    AcceptInvitationForm,
    CodeForm,
    EmailChangeForm,
    JoinForm,
    MethodForm,
    NameForm,
    NewPasswordForm,
    PasswordCheckForm,
    ResetRequestForm,
    SignInForm,
)
from fuzzing.registry import register


def _request():
    request = RequestFactory().post("/account/sign-in/")
    request.session = {}
    return request


register(SignInForm, build=lambda ctx: {"request": _request()})
register(ResetRequestForm, submit=lambda form, ctx: form.save(domain_override="testserver"))
register(
    NewPasswordForm,
    build=lambda ctx: {"user": ctx.actor},
    submit=lambda form, ctx: form.save(),
)
register(
    AcceptInvitationForm,
    build=lambda ctx: {"user_for_validation": ctx.actor},
)
register(JoinForm)
register(CodeForm, build=lambda ctx: {"check": lambda code: code == "123456"})
register(MethodForm)
register(PasswordCheckForm, build=lambda ctx: {"user": ctx.actor})
register(
    EmailChangeForm,
    build=lambda ctx: {"user": ctx.actor},
    submit=lambda form, ctx: services.email_change_request(
        user=ctx.actor, new_email=form.cleaned_data["email"], base_url="", actor=ctx.actor
    ),
)
register(
    NameForm,
    submit=lambda form, ctx: services.user_name_change(
        user=ctx.actor, full_name=form.cleaned_data["full_name"], actor=ctx.actor
    ),
)

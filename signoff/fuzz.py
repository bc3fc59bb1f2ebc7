"""The sign-off forms in the bad-input harness (see trust/fuzz.py)."""

from trust.fuzz import register

from .forms import ReopenForm, RequestForm, SignForm

register(SignForm, build=lambda ctx: {"bodies": list(ctx.partnership.partner_bodies.all())})
register(ReopenForm)
register(RequestForm)

"""The sign-off forms in the bad-input harness (see fuzzing/registry.py)."""

from fuzzing.registry import register
from signoff.forms import ReopenForm, RequestForm, SignForm

register(SignForm, build=lambda ctx: {"bodies": list(ctx.partnership.partner_bodies.all())})
register(ReopenForm)
register(RequestForm)

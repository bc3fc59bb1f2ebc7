"""Account events other apps listen to (the audit app records them)."""

from django.dispatch import Signal

# kwargs: request, user, method ("app", "email", "recovery code", "relaxed").
signed_in = Signal()
# kwargs: request, user, method. A signed-in person replaced their own second factor.
two_factor_changed = Signal()
# kwargs: user, actor, partnership (None when a platform administrator did it).
two_factor_was_reset = Signal()
# kwargs: request, user. A person downloaded everything held about them.
personal_data_downloaded = Signal()

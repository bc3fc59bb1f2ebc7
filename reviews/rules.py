"""Per-object rules for reviews, named by rows of the access policy (macs/access.py)."""

from __future__ import annotations

import rules

from partnerships.rules import is_manager, is_signer

from .selectors import assigned_filter, is_assigned


@rules.predicate
def is_not_locked(request, rating) -> bool:
    return not rating.review.is_locked


@rules.predicate
def is_assigned_to_them(request, rating) -> bool:
    """Rate only what is assigned to you: to your agency, or to a subgroup you are in."""
    subgroups, agency_id = assigned_filter(request.membership)
    return is_assigned(rating, subgroups, agency_id)


rules.add_rule("reviews.rate_rating", is_not_locked & (is_manager | is_assigned_to_them))
rules.add_rule("reviews.manage_review", is_manager)
# Reviews due for sign-off on the home page: the business unit and the partners who sign.
rules.add_rule("reviews.see_sign_off_due", is_manager | is_signer)

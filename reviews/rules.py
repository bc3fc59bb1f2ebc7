"""Per-object rules for reviews, named by rows of the access policy (macs/access.py)."""

from __future__ import annotations

import rules

from partnerships.roles import MANAGER_ROLES, Role

from .selectors import assigned_filter, is_assigned


@rules.predicate
def is_manager(request, obj=None) -> bool:
    return bool(request.roles & MANAGER_ROLES)


SIGNER_ROLES = (Role.LEAD_PARTNER, Role.DELEGATED_PARTNER)


def has_role(*roles):
    wanted = frozenset(roles)

    @rules.predicate
    def predicate(request, obj=None) -> bool:
        return bool(request.roles & wanted)

    return predicate


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
rules.add_rule("reviews.see_sign_off_due", is_manager | has_role(*SIGNER_ROLES))

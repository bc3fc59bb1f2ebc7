"""Per-object rules for voices, named by rows of the access policy (macs/access.py): staff
see every group; a young scrutineer sees only their own group and its feedback."""

from __future__ import annotations

import rules

from partnerships.rules import is_staff


@rules.predicate
def in_group(request, group) -> bool:
    return group.members.filter(pk=request.membership.pk).exists()


@rules.predicate
def in_feedback_group(request, feedback) -> bool:
    return in_group(request, feedback.group)


rules.add_rule("participation.see_group", is_staff | in_group)
rules.add_rule("participation.see_feedback", is_staff | in_feedback_group)
rules.add_rule("participation.see_all_groups", is_staff)

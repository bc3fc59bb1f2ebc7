"""Per-object rules for actions (named by the access policy or asked with `can`)."""

from __future__ import annotations

import rules

from partnerships.rules import is_lead, is_manager


@rules.predicate
def awaits_response(request, action) -> bool:
    return action.escalations.filter(response="").exists()


@rules.predicate
def is_done(request, action) -> bool:
    return action.status == action.Status.DONE


# The business unit escalates an open action once at a time; the lead partners answer it.
rules.add_rule("actions.escalate", is_manager & ~awaits_response & ~is_done)
rules.add_rule("actions.respond", is_lead & awaits_response)
# Overdue actions on the home page: the business unit sees all; agency staff their agency's.
rules.add_rule("actions.see_all_overdue", is_manager)
rules.add_rule("actions.see_escalations", is_lead)

"""Who acts in a joint sign-off beyond signing (which the access policy's SIGNERS row and
`bodies_signable_by` decide): the business manager asks for sign-off and reopens."""

from __future__ import annotations

import rules

from partnerships.rules import is_business_manager

rules.add_rule("signoff.ask", is_business_manager)
rules.add_rule("signoff.reopen", is_business_manager)

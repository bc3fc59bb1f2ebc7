"""The roles a person can hold in a partnership, and the groups the access policy uses."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    LEAD_PARTNER = "lead_partner", "Lead safeguarding partner"
    DELEGATED_PARTNER = "delegated_partner", "Delegated safeguarding partner"
    BUSINESS_MANAGER = "business_manager", "Business manager"
    BUSINESS_UNIT_OFFICER = "business_unit_officer", "Business unit officer"
    INDEPENDENT_SCRUTINEER = "independent_scrutineer", "Independent scrutineer"
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    SUBGROUP_MEMBER = "subgroup_member", "Subgroup or agency member"
    YOUNG_SCRUTINEER = "young_scrutineer", "Young scrutineer"
    OBSERVER = "observer", "Observer"


ALL_ROLES: frozenset[Role] = frozenset(Role)
# Young scrutineers see only their group's pages and the framework.
STAFF_ROLES: frozenset[Role] = ALL_ROLES - {Role.YOUNG_SCRUTINEER}
MANAGER_ROLES: frozenset[Role] = frozenset({Role.BUSINESS_MANAGER, Role.BUSINESS_UNIT_OFFICER})
BUSINESS_MANAGER_ONLY: frozenset[Role] = frozenset({Role.BUSINESS_MANAGER})
# Who signs for a partner body, and answers escalations: leads and their delegates.
LEAD_ROLES: frozenset[Role] = frozenset({Role.LEAD_PARTNER, Role.DELEGATED_PARTNER})
# Who acts in a joint sign-off: the business manager asks and reopens; partners sign. Also who
# is reminded that a review's sign-off is due.
SIGN_OFF_ROLES: frozenset[Role] = BUSINESS_MANAGER_ONLY | LEAD_ROLES

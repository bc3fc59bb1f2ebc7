"""factory_boy factories (after pretalx's src/tests/factories/): a test builds the few records
it needs instead of loading the demo. Partnership data is created outside any scope
(`scopes_disabled`), as the services' callers would have it in a request."""

from .participation import NoteFactory, WorkshopFactory
from .partnerships import (
    AgencyFactory,
    MembershipFactory,
    PartnershipFactory,
    UserFactory,
    member_with_roles,
)

__all__ = [
    "AgencyFactory",
    "MembershipFactory",
    "NoteFactory",
    "PartnershipFactory",
    "UserFactory",
    "WorkshopFactory",
    "member_with_roles",
]

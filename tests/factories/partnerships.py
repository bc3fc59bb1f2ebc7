"""People and partnerships."""

from __future__ import annotations

import factory
from django_scopes import scopes_disabled

from accounts.models import User
from partnerships.models import Agency, Membership, Partnership, RoleAssignment


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("a long test password 42")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Testshire {n} Safeguarding Children Partnership")
    slug = factory.Sequence(lambda n: f"testshire-{n}")
    region = "north_east"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    sector = Agency.Sector.POLICE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    user = factory.SubFactory(UserFactory)


def member_with_roles(partnership: Partnership, *roles, email: str | None = None) -> Membership:
    """A member of `partnership` holding `roles` (plain roles only: no partner body)."""
    with scopes_disabled():
        user = UserFactory(**({"email": email} if email else {}))
        membership = MembershipFactory(partnership=partnership, user=user)
        for role in roles:
            RoleAssignment.objects.create(membership=membership, role=role)
    return membership

"""`can`: the one policy table answers for a person's roles, methods and object rules (built
with factories: a partnership and members with just the roles each case needs)."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django_scopes import scopes_disabled

from macs.access import can
from partnerships.roles import Role
from tests.factories import PartnershipFactory, member_with_roles

pytestmark = pytest.mark.django_db


def request_of(membership):
    request = RequestFactory().get("/")
    request.user = membership.user
    request.verified = True  # signed in with both factors (see the fixture)
    request.partnership = membership.partnership
    request.membership = membership
    with scopes_disabled():
        request.roles = frozenset(Role(r.role) for r in membership.roles.all())
    return request


@pytest.fixture
def people(monkeypatch):
    monkeypatch.setattr("macs.access.two_factor.is_verified", lambda request: request.verified)
    partnership = PartnershipFactory()
    return {
        "observer": request_of(member_with_roles(partnership, Role.OBSERVER)),
        "observer+young": request_of(
            member_with_roles(partnership, Role.OBSERVER, Role.YOUNG_SCRUTINEER)
        ),
        "officer": request_of(member_with_roles(partnership, Role.BUSINESS_UNIT_OFFICER)),
        "manager": request_of(member_with_roles(partnership, Role.BUSINESS_MANAGER)),
    }


def test_can_follows_the_policy_rows_by_role_and_method(people):
    assert can(people["observer"], "evidence:register")
    assert not can(people["observer"], "evidence:add")
    assert not can(people["observer+young"], "evidence:add")
    assert can(people["officer"], "evidence:add")
    # A POST-only row is asked as POST; a row's GET and POST may differ.
    assert not can(people["officer"], "evidence:delete", method="GET")
    assert can(people["officer"], "evidence:delete")
    assert can(people["officer"], "reviews:list")
    assert not can(people["officer"], "reviews:list", method="POST")
    assert can(people["manager"], "reviews:list", method="POST")


def test_can_asks_rules_for_what_has_no_address(people):
    assert can(people["manager"], "signoff.ask")
    assert not can(people["officer"], "signoff.ask")


def test_can_refuses_anyone_not_signed_in_with_both_factors(people):
    request = people["manager"]
    request.verified = False
    assert not can(request, "reviews:list")
    assert can(request, "help")

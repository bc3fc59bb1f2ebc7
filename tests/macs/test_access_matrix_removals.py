"""The access matrix can fail: each test takes away one thing the matrix guards and shows that
the matrix's own check for one URL name then reports it."""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import override_settings

import macs.access
from macs.access import MEMBERS, POLICY, Rule
from partnerships.roles import Role
from tests.macs.test_access_matrix import _pattern, access_problems, names_without_a_policy_row


def test_a_missing_policy_row_fails(demo, monkeypatch):
    monkeypatch.delitem(POLICY, "evidence:delete")
    assert names_without_a_policy_row() == ["evidence:delete"]


def test_a_middleware_that_lets_a_wrong_role_in_fails(demo, monkeypatch):
    # The trail is for the business manager and the independent scrutineer only; the middleware
    # is given a rule that lets every member read it, while the table stays as it is.
    real_rule_for = macs.access.rule_for
    monkeypatch.setattr(
        macs.access,
        "rule_for",
        lambda name: Rule(MEMBERS) if name == "audit:trail" else real_rule_for(name),
    )
    problems = access_problems("audit:trail", demo)
    assert any("GET as observer: expected 403, got reaches the view" in p for p in problems)


def test_a_view_that_refuses_a_role_the_policy_allows_fails(demo, monkeypatch):
    # A role check inside the view that disagrees with the table: only real requests see it.
    pattern = _pattern("evidence:add")
    real_view = pattern.callback

    def refusing(request, *args, **kwargs):
        if Role.BUSINESS_MANAGER not in request.roles:
            raise PermissionDenied
        return real_view(request, *args, **kwargs)

    monkeypatch.setattr(pattern, "callback", refusing)
    problems = access_problems("evidence:add", demo)
    assert any("GET as business_unit_officer: the view answered 403" in p for p in problems)
    assert any("POST as business_unit_officer: the view answered 403" in p for p in problems)


def test_a_view_outside_its_partnership_scope_fails(demo, monkeypatch):
    @contextmanager
    def no_scope(**kwargs):
        yield

    monkeypatch.setattr(macs.access, "scope", no_scope)
    problems = access_problems("evidence:register", demo)
    assert any("the view ran outside its scope" in p for p in problems)
    assert any("GET as business_manager: the view raised ScopeError" in p for p in problems)


def test_a_missing_security_header_fails(demo):
    without_csp = [m for m in settings.MIDDLEWARE if m != "csp.middleware.CSPMiddleware"]
    with override_settings(MIDDLEWARE=without_csp):
        problems = access_problems("evidence:register", demo)
    assert any("missing frame-ancestors 'none'" in p for p in problems)

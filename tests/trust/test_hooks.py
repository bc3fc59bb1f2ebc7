"""The one hook registry: names are checked, order kept, a function registered once, and every
hook has at least one app registering for it (so none is left unused)."""

from __future__ import annotations

import pytest

from trust import hooks


def test_an_unknown_hook_name_is_refused():
    with pytest.raises(ValueError, match="No hook called 'atention_items'"):
        hooks.register("atention_items", lambda request: [])


def test_registered_functions_come_back_in_order_and_once(monkeypatch):
    monkeypatch.setattr(hooks, "_hooks", hooks.defaultdict(list))

    def first():
        return 1

    def second():
        return 2

    hooks.register("reminders", second, order=20)
    hooks.register("reminders", first, order=10)
    hooks.register("reminders", first, order=10)
    assert hooks.get_hooks("reminders") == [first, second]


def test_every_hook_is_used_by_some_app():
    assert [name for name in hooks.HOOKS if not hooks.get_hooks(name)] == []


def test_the_menu_is_built_from_the_hooks_and_the_policy(client_as):
    from partnerships.roles import Role

    manager = client_as(Role.BUSINESS_MANAGER).get("/p/northshire/").content.decode()
    young = client_as(Role.YOUNG_SCRUTINEER).get("/p/northshire/").content.decode()
    for label in ("Reviews", "Evidence", "Audit trail", "Documents"):
        assert f">{label}</a>" in manager
        assert f">{label}</a>" not in young
    assert ">You said, we did</a>" in young
    assert ">Voices</a>" in manager

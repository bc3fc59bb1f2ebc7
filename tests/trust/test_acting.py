"""A service's actor is named on the audit entries its writes make, in a request or not."""

from __future__ import annotations

import pytest
from auditlog.context import set_actor
from django_scopes import scope

from audit.models import AuditEntry
from framework.selectors import current_edition
from planning import services
from planning.models import Priority
from tests.factories import PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _entry_for(priority: Priority) -> AuditEntry:
    return AuditEntry.objects.get(
        content_type__model="priority", object_pk=str(priority.pk), action=0
    )


def _start(partnership, title: str, actor) -> Priority:
    return services.priority_start(
        partnership=partnership, edition=current_edition(), title=title, actor=actor
    )


def test_a_service_run_outside_a_request_names_its_actor():
    partnership, person = PartnershipFactory(), UserFactory()
    with scope(partnership=partnership):
        priority = _start(partnership, "Neglect", person)
    assert _entry_for(priority).actor == person


def test_inside_a_request_the_service_actor_is_named_and_the_request_goes_on_unchanged():
    partnership, signed_in, other = PartnershipFactory(), UserFactory(), UserFactory()
    with scope(partnership=partnership), set_actor(signed_in, remote_addr="203.0.113.7"):
        for_other = _start(partnership, "Acting for another", other)
        afterwards = _start(partnership, "The request's own write", signed_in)
        unnamed = _start(partnership, "A system write", None)
    assert (_entry_for(for_other).actor, _entry_for(for_other).remote_addr) == (
        other,
        "203.0.113.7",
    )
    assert _entry_for(afterwards).actor == signed_in
    assert _entry_for(unnamed).actor == signed_in

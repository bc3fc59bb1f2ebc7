"""One force on several partnerships, and the one page that reads across a person's
partnerships: each partnership's items under its own name, read inside its own scope with the
person's roles there, nothing from anywhere else."""

from __future__ import annotations

import re

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import get_scope, scopes_disabled

from macs.access import member_of
from notifications.services import notify
from partnerships.forms import PartnerBodyForm
from partnerships.models import Membership, Organisation, PartnerBody
from partnerships.roles import Role
from tests.conftest import client_for

POLICE_LEAD = "police-lead@northshire.example"


def _sections(html: str) -> dict[str, str]:
    """Each partnership's part of the page, by its slug."""
    parts = re.split(r'<section [^>]*aria-labelledby="partnership-([a-z0-9-]+)"', html)
    return {parts[i]: parts[i + 1].split("</section>")[0] for i in range(1, len(parts), 2)}


def test_one_force_sits_on_two_partnerships_as_one_organisation(demo):
    with scopes_disabled():
        bodies = PartnerBody.objects.filter(kind="police").select_related("organisation")
        organisations = {b.organisation for b in bodies}
        slugs = {b.partnership.slug for b in bodies}
    assert slugs == {"northshire", "eastmere"}
    assert len(organisations) == 1
    force = organisations.pop()
    assert force.name == "Northshire Police"
    # Its lead signs once per partnership: for each partnership's own partner body.
    with scopes_disabled():
        roles = {
            (r.membership.partnership.slug, r.partner_body.partnership.slug)
            for m in Membership.objects.filter(user__email=POLICE_LEAD)
            for r in m.roles.filter(role=Role.LEAD_PARTNER)
        }
    assert roles == {("northshire", "northshire"), ("eastmere", "eastmere")}


def test_an_organisation_must_be_of_the_partner_bodys_type(demo):
    icb = Organisation.objects.create(kind="icb", name="Mereside ICB")
    with scopes_disabled():
        body = PartnerBody.objects.get(partnership__slug="eastmere", kind="police")
        form = PartnerBodyForm(
            {"kind": "police", "name": body.name, "organisation": icb.pk, "version": body.version},
            instance=body,
            partnership=body.partnership,
        )
        assert not form.is_valid()
    assert form.errors["organisation"] == [
        "Mereside ICB is a integrated care board (icb): choose an organisation of the same "
        "type as the partner body."
    ]


def test_the_police_lead_sees_each_partnerships_items_under_its_name(demo):
    html = client_for(POLICE_LEAD).get(reverse("partnerships:chooser")).content.decode()
    sections = _sections(html)
    assert set(sections) == {"northshire", "eastmere"}
    waiting = "The theory of change for 2025-26 is ready for your sign-off"
    assert waiting in sections["eastmere"]
    assert waiting not in sections["northshire"]  # Northshire's 2025-26 is a draft
    # Every link in a partnership's part leads into that partnership and no other.
    for slug, part in sections.items():
        links = re.findall(r'href="(/p/[^"]+)"', part)
        assert links
        assert all(link.startswith(f"/p/{slug}/") for link in links), slug


def test_nothing_from_a_partnership_they_do_not_belong_to(demo):
    with scopes_disabled():
        manager = Membership.objects.get(user__email="manager@eastmere.example")
        notify(
            partnership=manager.partnership,
            users=[manager.user],
            title="Only for Eastmere's business manager",
            href="/p/eastmere/",
        )
    html = client_for(POLICE_LEAD).get(reverse("partnerships:chooser")).content.decode()
    assert "Only for Eastmere's business manager" not in html
    # Someone on one partnership is taken straight to it and sees no other.
    one = client_for("manager@eastmere.example").get(reverse("partnerships:chooser"))
    assert one["Location"] == reverse("partnerships:home", args=["eastmere"])


def test_reading_as_a_member_sets_and_then_restores_the_scope_and_roles(demo):
    request = RequestFactory().get("/")
    with scopes_disabled():
        membership = Membership.objects.get(user__email=POLICE_LEAD, partnership__slug="eastmere")
    with member_of(request, membership):
        assert request.partnership.slug == "eastmere"
        assert request.roles == frozenset({Role.LEAD_PARTNER})
        assert get_scope()["partnership"] == membership.partnership
    assert not hasattr(request, "partnership")
    assert not hasattr(request, "roles")
    assert "partnership" not in get_scope()


def test_the_page_takes_the_same_queries_however_many_items(demo):
    client = client_for(POLICE_LEAD)
    url = reverse("partnerships:chooser")
    client.get(url)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    with scopes_disabled():
        for slug in ("northshire", "eastmere"):
            lead = Membership.objects.get(user__email=POLICE_LEAD, partnership__slug=slug)
            for n in range(3):
                notify(
                    partnership=lead.partnership,
                    users=[lead.user],
                    title=f"Item {n}",
                    href=f"/p/{slug}/",
                )
    assert count() == before


def test_an_item_is_dismissed_from_the_page_and_the_person_comes_back_to_it(demo):
    with scopes_disabled():
        lead = Membership.objects.get(user__email=POLICE_LEAD, partnership__slug="eastmere")
        notify(
            partnership=lead.partnership,
            users=[lead.user],
            title="The Eastmere data pack is ready",
            href="/p/eastmere/",
        )
    client = client_for(POLICE_LEAD)
    url = reverse("partnerships:chooser")
    eastmere = _sections(client.get(url).content.decode())["eastmere"]
    actions = re.findall(r'<form method="post" action="([^"]+)"', eastmere)
    assert actions
    assert all(action.startswith("/p/eastmere/") for action in actions)
    action = next(a for a in actions if a in eastmere.split("The Eastmere data pack is ready")[1])
    back = client.post(action, {"back": "partnerships"})
    assert back["Location"] == url
    assert "The Eastmere data pack is ready" not in client.get(url).content.decode()
    # Anything else sent as "back" goes to the partnership's home page, never elsewhere.
    notify(partnership=lead.partnership, users=[lead.user], title="Again", href="/p/eastmere/")
    again = re.findall(
        r'<form method="post" action="([^"]+)"',
        _sections(client.get(url).content.decode())["eastmere"].split("Again")[1],
    )[0]
    elsewhere = client.post(again, {"back": "https://example.org/"})
    assert elsewhere["Location"] == reverse("partnerships:home", args=["eastmere"])

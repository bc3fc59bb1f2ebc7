"""People and roles: invitations, roles, removal, tenancy of objects, query counts."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from partnerships import services
from partnerships.models import Agency, Membership, RoleAssignment, Subgroup
from partnerships.roles import Role


def northshire_member(demo, email):
    with scopes_disabled():
        return Membership.objects.get(partnership=demo["northshire"], user__email=email)


def test_invite_then_accept_creates_account_and_role(demo, client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    response = manager.post(
        reverse("partnerships:invite", args=["northshire"]),
        {"full_name": "Nadia Green", "email": "Nadia@Example.org", "role": "subgroup_member"},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nadia@example.org"]
    link = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[0].body).group(1)

    visitor = Client()
    assert visitor.get(link).status_code == 200
    response = visitor.post(link, {"password1": "short", "password2": "short"})
    assert "This password is too short" in response.content.decode()
    response = visitor.post(
        link, {"password1": "harbour lantern seven", "password2": "harbour lantern seven"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:home", args=["northshire"])
    member = northshire_member(demo, "nadia@example.org")
    with scopes_disabled():
        assert [r.role for r in member.roles.all()] == ["subgroup_member"]
    # The link works once.
    assert Client().get(link).status_code == 404


def test_invite_with_bad_input_shows_messages_beside_fields(demo, client_as):
    response = client_as(Role.BUSINESS_MANAGER).post(
        reverse("partnerships:invite", args=["northshire"]),
        {"full_name": "", "email": "not-an-email", "role": "lead_partner"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter their full name." in body
    assert "Enter an email address in the correct format" in body
    assert len(mail.outbox) == 0


def test_invite_lead_partner_needs_a_partner_body(demo, client_as):
    response = client_as(Role.BUSINESS_MANAGER).post(
        reverse("partnerships:invite", args=["northshire"]),
        {"full_name": "A Lead", "email": "lead@example.org", "role": "lead_partner"},
    )
    assert "Choose the partner body this lead safeguarding partner signs for." in (
        response.content.decode()
    )


def test_invite_existing_member_is_refused(demo, client_as):
    response = client_as(Role.BUSINESS_MANAGER).post(
        reverse("partnerships:invite", args=["northshire"]),
        {"full_name": "Sam", "email": "member@northshire.example", "role": "observer"},
    )
    assert "already a member" in response.content.decode()


def test_last_business_manager_cannot_be_removed(demo):
    manager = northshire_member(demo, "manager@northshire.example")
    with scope(partnership=demo["northshire"]):
        with pytest.raises(Exception, match="at least one business manager"):
            services.membership_remove(membership=manager, actor=manager.user)
        role = manager.roles.get(role=Role.BUSINESS_MANAGER)
        with pytest.raises(Exception, match="at least one business manager"):
            services.role_remove(assignment=role, actor=manager.user)


def test_delegated_partner_must_act_for_a_lead(demo, client_as):
    observer = northshire_member(demo, "observer@northshire.example")
    url = reverse("partnerships:person", args=["northshire", observer.pk])
    response = client_as(Role.BUSINESS_MANAGER).post(url, {"role": "delegated_partner"})
    assert "Choose the lead safeguarding partner this person acts for." in (
        response.content.decode()
    )
    with scopes_disabled():
        lead = RoleAssignment.objects.filter(
            membership__partnership=demo["northshire"], role="lead_partner"
        ).first()
    response = client_as(Role.BUSINESS_MANAGER).post(
        url, {"role": "delegated_partner", "acting_for": lead.pk}
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert observer.roles.filter(role="delegated_partner", acting_for=lead).exists()


def test_remove_member_takes_them_out_of_the_partnership(demo, client_as):
    observer = northshire_member(demo, "observer@northshire.example")
    url = reverse("partnerships:person_remove", args=["northshire", observer.pk])
    assert client_as(Role.BUSINESS_MANAGER).post(url).status_code == 302
    with scopes_disabled():
        assert not Membership.objects.filter(pk=observer.pk).exists()


@pytest.mark.parametrize(
    ("url_name", "model", "kwarg"),
    [
        ("partnerships:person", Membership, "member_id"),
        ("partnerships:agency_edit", Agency, "agency_id"),
        ("partnerships:subgroup_detail", Subgroup, "subgroup_id"),
    ],
)
def test_object_of_another_partnership_is_404(demo, client_as, url_name, model, kwarg):
    with scopes_disabled():
        theirs = model.objects.filter(partnership=demo["eastmere"]).first() or (
            model.objects.create(partnership=demo["eastmere"], name="Eastmere thing")
        )
    url = reverse(url_name, kwargs={"partnership": "northshire", kwarg: theirs.pk})
    assert client_as(Role.BUSINESS_MANAGER).get(url).status_code == 404


def test_subgroup_cannot_be_accountable_to_its_own_reporter(demo, client_as):
    with scopes_disabled():
        executive = Subgroup.objects.get(partnership=demo["northshire"], name="Executive group")
        quality = Subgroup.objects.get(partnership=demo["northshire"], name__startswith="Quality")
    response = client_as(Role.BUSINESS_MANAGER).post(
        reverse("partnerships:subgroup_edit", args=["northshire", executive.pk]),
        {"name": "Executive group", "accountable_to": quality.pk},
    )
    assert "cannot be accountable to itself" in response.content.decode()


def test_duplicate_agency_name_is_refused(demo, client_as):
    response = client_as(Role.BUSINESS_UNIT_OFFICER).post(
        reverse("partnerships:agency_add", args=["northshire"]),
        {"name": "northshire police", "sector": "police"},
    )
    assert "already has an agency with this name" in response.content.decode()


def test_chooser_lists_partnerships_for_a_person_in_two(demo):
    from tests.conftest import client_for

    response = client_for("police-lead@northshire.example").get(reverse("partnerships:chooser"))
    body = response.content.decode()
    assert "Northshire Safeguarding Children Partnership" in body
    assert "Eastmere Safeguarding Children Partnership" in body


def test_chooser_with_one_partnership_goes_home(demo, client_as):
    response = client_as(Role.OBSERVER).get(reverse("partnerships:chooser"))
    assert response["Location"] == reverse("partnerships:home", args=["northshire"])


def test_people_page_query_count_is_fixed(demo, client_as, django_assert_max_num_queries):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("partnerships:people", args=["northshire"])
    client.get(url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert "Priya Shah" in response.content.decode()


def test_load_demo_twice_changes_nothing(demo):
    from demo.partnerships import load_demo

    assert load_demo() is False

"""A new user signs in, opens the MACS tree and follows a leaf to its outcome category.
axe-core checks every page on the way."""

import pytest
from django.urls import reverse

from framework.loader import load_edition
from partnerships.demo import DEMO_PASSWORD, load_demo
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server):
    # live_server tests are transactional: load the content and the demo for each test.
    load_edition()
    load_demo()
    return live_server.url


def test_sign_in_open_tree_and_follow_a_leaf(site, page):
    page.goto(site + reverse("partnerships:home", args=["northshire"]))
    assert page.get_by_role("heading", name="Sign in to MACS").is_visible()
    assert_accessible(page, "01-sign-in")

    page.get_by_label("Email address").fill("manager@northshire.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", name="Welcome, Priya").is_visible()
    assert_accessible(page, "02-home")

    page.get_by_role("link", name="The MACS theory of change").click()
    assert page.get_by_role("heading", name="The MACS theory of change tree").is_visible()
    assert_accessible(page, "03-tree")

    page.get_by_role(
        "link", name="2.2 Accountability – CYP, families and communities"
    ).first.click()
    assert page.get_by_role("heading", level=1, name="Accountability").is_visible()
    assert page.get_by_role(
        "heading", name="2.2 Accountability – CYP, families and communities"
    ).is_visible()
    assert "#outcome-2.2" in page.url
    assert_accessible(page, "04-category")


def test_wrong_password_shows_the_error_beside_the_form(site, page):
    page.goto(site + reverse("accounts:login"))
    page.get_by_label("Email address").fill("manager@northshire.example")
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_text("Enter a correct email address and password.").first.is_visible()
    assert_accessible(page, "05-sign-in-error")

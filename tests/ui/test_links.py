"""Links to many objects at once give exactly what reverse() gives for each."""

from __future__ import annotations

from types import SimpleNamespace

from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ui.links import link_each


@given(
    slug=st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True),
    review=st.integers(min_value=1, max_value=10**9),
    keys=st.lists(st.integers(min_value=1, max_value=10**12), max_size=5),
)
def test_link_each_matches_reverse_for_every_object(slug, review, keys):
    items = [SimpleNamespace(pk=k) for k in keys]
    link_each(items, "reviews:rating", [slug, review])
    assert [i.url for i in items] == [
        reverse("reviews:rating", args=[slug, review, k]) for k in keys
    ]


def test_link_each_fills_a_key_in_the_middle_of_the_url():
    items = [SimpleNamespace(pk=7), SimpleNamespace(pk=987654321)]
    link_each(items, "partnerships:agency_edit", ["northshire"], attribute="edit_url")
    assert [i.edit_url for i in items] == [
        reverse("partnerships:agency_edit", args=["northshire", k]) for k in (7, 987654321)
    ]


def test_link_tag_gives_what_the_url_tag_gives():
    from django.template import Context, Template

    source = "{% load ui_links %}{% link 'reviews:list' slug %} {% url 'reviews:list' slug %}"
    for slug in ("northshire", "east-vale", "northshire"):
        mine, django = Template(source).render(Context({"slug": slug})).split()
        assert mine == django == reverse("reviews:list", args=[slug])

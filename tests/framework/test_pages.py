"""Framework pages: the tree and its text alternative, categories, parts, print view."""

import pytest
from django.urls import reverse

from framework.tree import LeafGroup, TreeItem, TreeSpec, draw_tree
from partnerships.roles import Role


def test_tree_svg_is_stable_links_and_labels(db):
    spec = TreeSpec(
        title="A tree",
        leaf_groups=[LeafGroup("Group", [TreeItem("1.1 Vision", "1.1", "/x/", "#123456")])],
        roots=[TreeItem("Principle 1", "P1", "/p1/")],
    )
    svg = draw_tree(spec).decode()
    assert draw_tree(spec).decode() == svg
    assert '<a href="/x/" aria-label="1.1 Vision">' in svg
    assert '<a href="/x/" tabindex="-1" aria-hidden="true">' in svg
    assert "#123456" in svg
    assert 'target="_blank"' not in svg
    assert draw_tree(spec, "png").startswith(b"\x89PNG")


def test_tree_page_links_every_outcome(demo, client_as):
    response = client_as(Role.YOUNG_SCRUTINEER).get(reverse("framework:tree", args=["northshire"]))
    body = response.content.decode()
    assert response.status_code == 200
    for code in ["1.1", "2.2", "3.4", "4.3", "5.3"]:
        assert f'/framework/categories/{code[0]}/#outcome-{code}"' in body
    assert "The tree as text" in body


def test_category_page_shows_exact_outcomes(demo, client_as, django_assert_max_num_queries):
    client = client_as(Role.OBSERVER)
    url = reverse("framework:category", args=["northshire", 3])
    client.get(url)
    with django_assert_max_num_queries(10):
        body = client.get(url).content.decode()
    assert (
        "How effectively are LSCPs ensuring participation of CYP, families and communities in safeguarding work?"
        in body
    )
    assert "3.3 Inclusivity" in body
    assert (
        "CYP are actively involved in decision-making in plans for their transition points" in body
    )


@pytest.mark.parametrize("number", [0, 6])
def test_missing_category_is_404(demo, client_as, number):
    url = reverse("framework:category", args=["northshire", number])
    assert client_as(Role.OBSERVER).get(url).status_code == 404


def test_unknown_part_is_404(demo, client_as):
    url = reverse("framework:part_list", args=["northshire", "leaves"])
    assert client_as(Role.OBSERVER).get(url).status_code == 404


def test_print_view_has_all_indicators(demo, client_as, django_assert_max_num_queries):
    client = client_as(Role.OBSERVER)
    url = reverse("framework:print", args=["northshire"])
    client.get(url)
    with django_assert_max_num_queries(20):
        body = client.get(url).content.decode()
    assert body.count("<li>", body.index("The MACS framework")) >= 67
    assert "Step five: checking your proposed work is adhering to" in body


def test_tree_png_downloads(demo, client_as):
    response = client_as(Role.OBSERVER).get(reverse("framework:tree_png", args=["northshire"]))
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")

"""The evidence register: typed items with a link or an uploaded file, searchable."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from demo.files import minimal_pdf
from evidence.models import EvidenceItem
from framework.models import EvidenceSource
from framework.selectors import current_edition
from partnerships.roles import Role

pytestmark = pytest.mark.django_db
ADD = reverse("evidence:add", args=["northshire"])


def _source(number: int) -> EvidenceSource:
    return EvidenceSource.objects.get(edition=current_edition(), number=number)


def test_evidence_add_with_a_file_stores_it_for_download(client_as):
    client = client_as(Role.SUBGROUP_MEMBER)
    response = client.post(
        ADD,
        {
            "title": "Neglect audit 2025",
            "source": _source(3).pk,
            "date": "30/9/2025",
            "summary": "Twenty cases",
            "url": "intranet.example.org/audit",
            "upload": SimpleUploadedFile("audit.pdf", minimal_pdf(["Neglect audit"])),
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        item = EvidenceItem.objects.get(title="Neglect audit 2025")
    assert item.url == "https://intranet.example.org/audit"
    assert item.file is not None
    assert not item.file.in_library
    detail = client.get(response["Location"]).content.decode()
    assert "Download audit.pdf" in detail
    download = client.get(reverse("files:download", args=["northshire", item.file.public_id]))
    assert download.status_code == 200


def test_evidence_needs_a_source_or_a_local_type(client_as):
    response = client_as(Role.BUSINESS_MANAGER).post(ADD, {"title": "Untyped", "date": "1/4/2025"})
    assert b"Choose a source of evidence, or enter a local type." in response.content
    response = client_as(Role.BUSINESS_MANAGER).post(
        ADD, {"title": "Local", "date": "1/4/2025", "local_type": "Practitioner forum notes"}
    )
    assert response.status_code == 302


def test_evidence_register_search_and_filters(client_as):
    client = client_as(Role.LEAD_PARTNER)
    url = reverse("evidence:register", args=["northshire"])
    page = client.get(url, {"text": "neglect"})
    titles = [item.title for item in page.context["page"].object_list]
    # The June executive's meeting record mentions neglect in its decisions; the training
    # record's title names it.
    assert titles == [
        "Multi-agency audit: neglect",
        "Training record: Neglect: using the graded care profile 2",
        "Meeting record: Executive group, 12 June 2024",
    ]
    page = client.get(url, {"source": _source(18).pk})
    assert [i.title for i in page.context["page"].object_list] == [
        "Rapid review learning briefing: baby J"
    ]
    page = client.get(url, {"year": "2024"})
    assert all(i.date.year == 2024 for i in page.context["page"].object_list)


def test_evidence_register_query_count_does_not_grow(
    client_as, demo, django_assert_max_num_queries
):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("evidence:register", args=["northshire"])
    client.get(url)
    with django_assert_max_num_queries(14) as before:
        client.get(url)
    with scopes_disabled():
        for number in range(30):
            EvidenceItem.objects.create(
                partnership=demo["northshire"],
                local_type="Note",
                title=f"Note {number}",
                date="2025-05-01",
            )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)


def test_evidence_observer_cannot_add(client_as):
    assert client_as(Role.OBSERVER).get(ADD).status_code == 403

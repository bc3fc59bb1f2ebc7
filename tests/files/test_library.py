"""The document library: checked uploads, random stored names, authorised downloads."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from audit.events import Event
from audit.models import AuditEntry
from demo.files import minimal_pdf
from files.models import StoredFile
from partnerships.roles import Role
from tests.conftest import OUTSIDER_EMAIL, client_for

pytestmark = pytest.mark.django_db


def _upload(client, name="Terms of reference", content=None, filename="tor.pdf"):
    return client.post(
        reverse("files:upload", args=["northshire"]),
        {
            "title": name,
            "description": "",
            "file": SimpleUploadedFile(filename, content or minimal_pdf(["Terms"])),
        },
    )


def test_library_upload_is_stored_under_a_random_name_outside_static(client_as):
    response = _upload(client_as(Role.BUSINESS_MANAGER))
    assert response.status_code == 302
    with scopes_disabled():
        stored = StoredFile.objects.get(title="Terms of reference")
    assert "tor" not in stored.stored_name
    assert len(stored.stored_name.split("/")[1]) == 32
    assert stored.path.is_file()
    assert settings.MACS_UPLOAD_ROOT not in (settings.STATIC_ROOT, *settings.STATICFILES_DIRS)
    assert not str(stored.path).startswith(str(settings.STATIC_ROOT))


def test_library_refuses_a_disguised_file_and_saves_nothing(client_as):
    before = StoredFile.all_objects.with_scopes_disabled().count()
    response = _upload(
        client_as(Role.BUSINESS_MANAGER), content=b"MZ\x90\x00" + b"\x00" * 64, filename="x.pdf"
    )
    assert response.status_code == 200
    assert b"The selected file must be a" in response.content
    assert StoredFile.all_objects.with_scopes_disabled().count() == before


def test_library_download_is_an_audited_attachment(client_as, demo):
    with scopes_disabled():
        stored = StoredFile.objects.filter(partnership=demo["northshire"]).first()
    response = client_as(Role.LEAD_PARTNER).get(
        reverse("files:download", args=["northshire", stored.public_id])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    entry = AuditEntry.objects.filter(event=Event.EXPORT).latest("timestamp")
    assert entry.object_pk == str(stored.pk)


def test_library_file_of_another_partnership_is_not_found(demo):
    with scopes_disabled():
        stored = StoredFile.objects.filter(partnership=demo["northshire"]).first()
    # Eastmere's manager, through Eastmere's own address: the file is not in their scope.
    url = reverse("files:download", args=["eastmere", stored.public_id])
    assert client_for(OUTSIDER_EMAIL).get(url).status_code == 404


def test_library_delete_restore_and_purge_removes_the_file(client_as, demo):
    from datetime import timedelta

    from django.utils import timezone

    client = client_as(Role.BUSINESS_MANAGER)
    _upload(client, name="Old plan")
    with scopes_disabled():
        stored = StoredFile.objects.get(title="Old plan")
    client.post(reverse("files:delete", args=["northshire", stored.public_id]))
    page = client.get(reverse("files:library", args=["northshire"])).content.decode()
    assert "Recently deleted" in page
    client.post(reverse("files:restore", args=["northshire", stored.public_id]))
    with scopes_disabled():
        assert StoredFile.objects.filter(pk=stored.pk).exists()
    client.post(reverse("files:delete", args=["northshire", stored.public_id]))
    with scopes_disabled():
        stored.refresh_from_db()
        StoredFile.all_objects.filter(pk=stored.pk).update(
            deleted_at=timezone.now() - timedelta(days=31)
        )
    path = stored.path
    with open("/dev/null", "w") as sink:
        call_command("purge_expired", stdout=sink)
    with scopes_disabled():
        assert not StoredFile.all_objects.filter(pk=stored.pk).exists()
    assert not path.exists()


def test_library_page_query_count_does_not_grow(client_as, django_assert_max_num_queries):
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("files:library", args=["northshire"])
    client.get(url)
    with django_assert_max_num_queries(10):
        client.get(url)
    for number in range(5):
        _upload(client, name=f"Minutes {number}")
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200

"""Backup and restore: a partnership survives export → empty database → import unchanged."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from demo.partnerships import load_demo
from files.backup import ArchiveError, export_archive, import_archive
from framework.loader import load_edition
from partnerships.models import Partnership

pytestmark = pytest.mark.django_db(transaction=True)


def _northshire():
    with scopes_disabled():
        return Partnership.objects.get(slug="northshire")


def _data(archive: bytes) -> list:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return json.loads(z.read("data.json"))


def test_backup_round_trip_restores_identical_content(tmp_path):
    load_edition()
    load_demo()
    first = export_archive(_northshire())
    (tmp_path / "northshire.zip").write_bytes(first)

    call_command("flush", interactive=False, verbosity=0)
    # A fresh installation has the framework loaded, under different ids.
    from framework.models import Edition

    Edition.objects.create(name="Placeholder", title="x", source="x")
    load_edition()
    call_command("import_partnership", str(tmp_path / "northshire.zip"), stdout=io.StringIO())
    second = export_archive(_northshire())

    assert _data(second) == _data(first)
    # MACS content is referred to by natural key, never copied: ids may differ between
    # installations.
    assert not any(r["model"].startswith("framework.") for r in _data(first))
    rating = next(r for r in _data(first) if r["model"] == "reviews.rating")
    assert rating["fields"]["indicator"][0] == "MACS 2024"
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        files_a = {n: a.read(n) for n in a.namelist() if n.startswith("files/")}
        files_b = {n: b.read(n) for n in b.namelist() if n.startswith("files/")}
        assert files_a == files_b
        assert files_a
    models_in_archive = {row["model"] for row in _data(first)}
    assert {
        "partnerships.partnership",
        "partnerships.membership",
        "partnerships.roleassignment",
        "partnerships.subgroup",
        "accounts.user",
        "audit.auditentry",
        "files.storedfile",
        "evidence.evidenceitem",
        "reviews.review",
        "reviews.rating",
        "reviews.outcomejudgement",
        "signoff.signoff",
        "signoff.signature",
    } <= models_in_archive
    assert "eastmere" not in json.dumps(
        [r for r in _data(first) if r["model"] == "partnerships.partnership"]
    )


def test_backup_refuses_a_damaged_archive_and_a_database_in_use(tmp_path):
    load_edition()
    load_demo()
    archive = export_archive(_northshire())
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(damaged, "w") as out:
        for name in src.namelist():
            body = src.read(name)
            out.writestr(
                name, body.replace(b"Northshire", b"Southshire") if name == "data.json" else body
            )
    with pytest.raises(ArchiveError, match="checksum"):
        import_archive(damaged.getvalue())
    with pytest.raises(ArchiveError, match="empty database"):
        import_archive(archive)
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(ArchiveError, match="Load the same framework edition first"):
        import_archive(archive)

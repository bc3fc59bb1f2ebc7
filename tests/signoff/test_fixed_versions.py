"""What is signed is fixed: asking freezes a version with its SHA-256, each signature records
it, and what is published is that version, never live data."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from actions.models import Action
from demo.reviews import sign_by_every_body
from framework.models import RatingLevel
from monitoring.models import Monitor
from partnerships.models import Membership, PartnerBody
from planning.models import Priority
from reports import services
from reports.models import NarrativeSection, YearlyReport
from reviews.models import Rating, Review
from signoff.locking import RecordLocked
from signoff.models import Signature, Snapshot
from signoff.services import (
    SnapshotBroken,
    changes_since_signed,
    current_round,
    signoff_reopen_current,
    signoff_sign_current,
    snapshot_content,
)

pytestmark = pytest.mark.django_db


def _member(demo, email):
    with scopes_disabled():
        return Membership.objects.prefetch_related("roles__acting_for").get(
            partnership=demo["northshire"], user__email=email
        )


def _report_region(client: Client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200
    return re.search(r"<main.*?</main>", page.content.decode(), re.S).group(0)


def _sha256(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return hashlib.sha256(response.content).hexdigest()


def test_signed_report_is_published_exactly_as_signed(demo):
    northshire = demo["northshire"]
    manager = _member(demo, "manager@northshire.example").user
    county = _member(demo, "la-lead@northshire.example")
    with scope(partnership=northshire):
        review = Review.objects.get(period="2025-26")
        report = YearlyReport.objects.create(
            partnership=northshire, period="2025-26", review=review
        )
        section = NarrativeSection.objects.create(
            partnership=northshire, report=report, heading="Introduction", text="First words."
        )
        # Ask: a fixed version is frozen and the report locks at once.
        first = services.report_request_signoff(report=report, actor=manager)
        assert first.snapshot.sha256 == hashlib.sha256(first.snapshot.body.encode()).hexdigest()
        body = PartnerBody.objects.get(name="Northshire County Council")
        signoff_sign_current(target=report, partner_body=body, membership=county, actor=county.user)
        assert Signature.objects.get(signoff=first).snapshot_sha256 == first.snapshot.sha256
        change = {
            "section": section,
            "values": {"heading": "Introduction", "text": "Changed."},
            "expected_version": section.version,
        }
        with pytest.raises(RecordLocked, match="The yearly report is awaiting sign-off"):
            services.section_save(report=report, **change, actor=manager)
        # Reopen with a reason, change, ask again: a new version with a new hash.
        signoff_reopen_current(target=report, reason="The introduction was wrong.", actor=manager)
        services.section_save(report=report, **change, actor=manager)
        second = services.report_request_signoff(report=report, actor=manager)
        assert second.snapshot.sha256 != first.snapshot.sha256
        assert "Changed." in second.snapshot.body
        assert "Changed." not in first.snapshot.body
        # The county, who signed the first version, is shown what changed since.
        earlier, changes = changes_since_signed(second)
        assert earlier == first
        assert changes == ["Section changed: “Introduction”."]
        sign_by_every_body(northshire, report)
        services.report_publish(report=report, actor=manager)
        report.refresh_from_db()
        assert report.published_snapshot == second.snapshot
        signed = set(Signature.objects.filter(signoff=second).values_list("snapshot_sha256"))
        assert signed == {(second.snapshot.sha256,)}

    visitor = Client()
    public = reverse("reports:public", args=["northshire", "2025-26"])
    files = {
        fmt: reverse("reports:public_file", args=["northshire", "2025-26", fmt])
        for fmt in ("docx", "pdf")
    }
    before = _report_region(visitor, public)
    before_files = {fmt: _sha256(visitor, url) for fmt, url in files.items()}
    assert "Changed." in before

    # Live data changes after publication: none of it reaches the published report.
    with scope(partnership=northshire):
        Priority.objects.create(
            partnership=northshire, edition=review.edition, title="Never agreed priority"
        )
        Action.objects.create(
            partnership=northshire, title="An action added later", due_date=date(2027, 1, 1)
        )
        Monitor.objects.create(
            partnership=northshire, name="A monitor added later", unit="%", direction="up"
        )
        rating = Rating.objects.filter(review=review, level__isnull=False).first()
        Rating.objects.filter(pk=rating.pk).update(level=1 if rating.level != 1 else 4)
        NarrativeSection.objects.filter(pk=section.pk).update(text="Edited behind the scenes.")

    after = _report_region(visitor, public)
    assert after == before
    assert "Never agreed priority" not in after
    assert "A monitor added later" not in after
    assert {fmt: _sha256(visitor, url) for fmt, url in files.items()} == before_files
    with scopes_disabled():
        assert Snapshot.objects.get(pk=second.snapshot.pk).sha256 == second.snapshot.sha256
        stored = {f.fmt: f.file.sha256 for f in report.files.filter(snapshot=second.snapshot)}
    assert stored == before_files


def test_a_changed_snapshot_is_refused_and_logged(demo, client_as):
    from audit.events import Event
    from audit.models import AuditEntry
    from partnerships.roles import Role

    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
        snapshot = report.published_snapshot
        # Someone with database access edits the stored version.
        Snapshot.objects.filter(pk=snapshot.pk).update(
            body=snapshot.body.replace("Northshire", "Southshire")
        )
        snapshot.refresh_from_db()
        with pytest.raises(SnapshotBroken):
            snapshot_content(snapshot)
    public = Client().get(reverse("reports:public", args=["northshire", "2024-25"]))
    assert public.status_code == 500
    assert b"failed its integrity check" in public.content
    page = client_as(Role.BUSINESS_MANAGER).get(
        reverse("signoff:version", args=["northshire", snapshot.pk])
    )
    assert page.status_code == 500
    assert AuditEntry.objects.filter(event=Event.VERSION_REFUSED).exists()


def test_signer_reads_a_summary_of_the_fixed_version(demo, client_as, current_review):
    from partnerships.roles import Role

    manager = client_as(Role.BUSINESS_MANAGER)
    url = reverse("reviews:sign_off", args=["northshire", current_review.pk])
    manager.post(url, {"action": "request"})
    page = client_as(Role.LEAD_PARTNER).get(url).content.decode()
    assert "What you are signing" in page
    assert "indicators in focus are rated" in page
    assert "carried forward unchanged from the last review" in page
    assert "Outcome 1.1" in page
    with scopes_disabled():
        snapshot = current_round(current_review).snapshot
    full = client_as(Role.LEAD_PARTNER).get(
        reverse("signoff:version", args=["northshire", snapshot.pk])
    )
    assert full.status_code == 200
    assert b"Every indicator" in full.content
    download = client_as(Role.LEAD_PARTNER).get(
        reverse("signoff:version_download", args=["northshire", snapshot.pk])
    )
    assert hashlib.sha256(download.content).hexdigest() == snapshot.sha256


def test_rounds_signed_before_fixed_versions_get_a_labelled_reconstruction(demo):
    from django.core.management import call_command

    from reports.models import GeneratedFile

    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
        round_ = current_round(report)
        kept = {f.fmt: f.file_id for f in report.files.filter(snapshot=report.published_snapshot)}
        # As it was before fixed versions: no snapshot anywhere, files made at publication.
        YearlyReport.objects.filter(pk=report.pk).update(published_snapshot=None)
        GeneratedFile.objects.filter(report=report).update(snapshot=None)
        SignOff = type(round_)
        SignOff.objects.filter(partnership=demo["northshire"]).update(snapshot=None)
        Signature.objects.filter(signoff=round_).update(snapshot_sha256="")
        Snapshot.objects.filter(partnership=demo["northshire"]).delete()
    call_command("record_signed_versions", stdout=io.StringIO())
    with scopes_disabled():
        report.refresh_from_db()
        round_.refresh_from_db()
        assert round_.snapshot.reconstructed
        assert report.published_snapshot == round_.snapshot
        now = {f.fmt: f.file_id for f in report.files.filter(snapshot=report.published_snapshot)}
    assert now == kept  # the files kept at publication stay the authoritative copies
    page = Client().get(reverse("reports:public", args=["northshire", "2024-25"])).content
    assert b"reconstructed when fixed versions were introduced and is not the signed text" in page
    call_command("record_signed_versions", stdout=io.StringIO())
    with scopes_disabled():
        assert (
            Snapshot.objects.filter(reconstructed=True).count()
            == SignOff.objects.filter(partnership=demo["northshire"]).count()
        )


def test_signers_see_what_changed_since_they_signed(demo, client_as, current_review, rating_of):
    from partnerships.roles import Role
    from reviews import services as reviews

    manager = _member(demo, "manager@northshire.example").user
    county = _member(demo, "la-lead@northshire.example")
    with scope(partnership=demo["northshire"]):
        rating = rating_of("1.1.2")
        reviews.review_request_signoff(review=current_review, actor=manager)
        body = PartnerBody.objects.get(name="Northshire County Council")
        signoff_sign_current(
            target=current_review, partner_body=body, membership=county, actor=county.user
        )
        signoff_reopen_current(target=current_review, reason="1.1.2 was too low.", actor=manager)
        Rating.objects.filter(pk=rating.pk).update(level=4)
        reviews.review_request_signoff(review=current_review, actor=manager)
        labels = dict(
            RatingLevel.objects.filter(edition=current_review.edition_id).values_list(
                "value", "label"
            )
        )
    url = reverse("reviews:sign_off", args=["northshire", current_review.pk])
    page = client_as(Role.LEAD_PARTNER).get(url).content.decode()
    assert "What changed since the version signed in the last round" in page
    assert "1.1.2 was too low." in page
    before = labels.get(rating.level, "Not rated")
    assert f"Rating 1.1.2: “{before}” → “{labels[4]}”." in page


def test_a_changed_version_cannot_be_signed(demo, client_as, current_review):
    from partnerships.roles import Role

    url = reverse("reviews:sign_off", args=["northshire", current_review.pk])
    client_as(Role.BUSINESS_MANAGER).post(url, {"action": "request"})
    with scopes_disabled():
        snapshot = current_round(current_review).snapshot
        Snapshot.objects.filter(pk=snapshot.pk).update(body=snapshot.body.replace("1.1", "9.9"))
        county = PartnerBody.objects.get(
            partnership=demo["northshire"], name="Northshire County Council"
        )
    page = client_as(Role.LEAD_PARTNER).post(url, {"action": "sign", "partner_body": county.pk})
    assert page.status_code == 200
    assert "failed its integrity check" in page.content.decode()
    with scopes_disabled():
        assert not Signature.objects.filter(signoff__snapshot=snapshot).exists()

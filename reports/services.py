"""Writes for the yearly report: start one for a period (linking that period's review, survey
wave and resources), narrative sections, generating and keeping Word and PDF files, the joint
sign-off, and publication."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from audit.events import Event, record
from files.services import file_store
from signoff import services as signoff
from trust.uploads import CheckedUpload
from trust.versioning import save_form_versioned

from .assemble import assemble
from .docx_renderer import render_docx
from .models import GeneratedFile, NarrativeSection, YearlyReport
from .pdf_renderer import render_pdf

DEFAULT_SECTIONS = [
    ("Introduction", "A few words on the year: what the partnership set out to do, and the "
     "context it worked in.", False),
    ("Looking ahead", "What the partnership will focus on next year, and why.", True),
]  # fmt: skip


@transaction.atomic
def report_start(*, form, partnership, actor) -> YearlyReport:
    report = form.save(commit=False)
    report.partnership = partnership
    report.save()
    for position, (heading, text, after) in enumerate(DEFAULT_SECTIONS):
        NarrativeSection.objects.create(
            partnership=partnership, report=report, position=position, heading=heading,
            text=text, after_outcomes=after,
        )  # fmt: skip
    return report


def _check_editable(report: YearlyReport) -> None:
    if report.is_locked:
        raise ValidationError(
            "The report is signed off or awaiting sign-off. Reopen it to change it."
        )


@transaction.atomic
def report_links_save(*, form, actor) -> YearlyReport:
    _check_editable(form.instance)
    return save_form_versioned(form)


@transaction.atomic
def section_save(*, form, report: YearlyReport, actor) -> NarrativeSection:
    _check_editable(report)
    section = form.instance
    section.partnership = report.partnership
    section.report = report
    if section.pk is None:
        section.position = report.sections.count()
    return save_form_versioned(form)


@transaction.atomic
def section_delete(*, section: NarrativeSection, actor) -> None:
    _check_editable(section.report)
    section.delete()


FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@transaction.atomic
def report_generate(*, report: YearlyReport, fmt: str, actor) -> GeneratedFile:
    """Make the Word or PDF file from the report as it stands, and keep it with who made it."""
    document = assemble(report)
    if fmt == "docx":
        content = render_docx(document)
    elif fmt == "pdf":
        content = render_pdf(document, partnership_name=report.partnership.name)
    else:
        raise ValidationError("Choose Word or PDF.")
    name = f"{report.partnership.slug}-yearly-report-{report.period}.{fmt}"
    # Our own output, not an upload: described as a checked file so it is stored the same way.
    checked = CheckedUpload(
        kind=fmt, content_type=FILE_TYPES[fmt], size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), content=content,
    )  # fmt: skip
    stored = file_store(
        partnership=report.partnership, checked=checked, original_name=name,
        title=f"{report} ({fmt.upper()})", in_library=False, actor=actor,
    )  # fmt: skip
    return GeneratedFile.objects.create(
        partnership=report.partnership, report=report, fmt=fmt, file=stored, generated_by=actor
    )


@transaction.atomic
def report_request_signoff(*, report: YearlyReport, actor):
    _check_editable(report)
    round_ = signoff.signoff_ask(
        partnership=report.partnership, target=report, actor=actor,
        title=f"{report} is ready for your sign-off",
        href=reverse("reports:sign_off", args=[report.partnership.slug, report.pk]),
    )  # fmt: skip
    report.status = YearlyReport.Status.IN_REVIEW
    report.save(update_fields=["status"])
    return round_


@transaction.atomic
def report_sign(*, report: YearlyReport, partner_body, membership, actor) -> bool:
    complete = signoff.signoff_sign_current(
        target=report, partner_body=partner_body, membership=membership, actor=actor
    )
    if complete:
        report.status = YearlyReport.Status.SIGNED_OFF
        report.save(update_fields=["status"])
    return complete


@transaction.atomic
def report_reopen(*, report: YearlyReport, reason: str, actor) -> None:
    signoff.signoff_reopen_current(target=report, reason=reason, actor=actor)
    report.status = YearlyReport.Status.DRAFT
    report.published_on = None
    report.save(update_fields=["status", "published_on"])


@transaction.atomic
def report_publish(*, report: YearlyReport, actor) -> YearlyReport:
    """Publish the web version: only once every partner body has signed it off."""
    if report.status != YearlyReport.Status.SIGNED_OFF:
        raise ValidationError("Every partner body must sign the report off before it is published.")
    report.status = YearlyReport.Status.PUBLISHED
    report.published_on = timezone.localdate()
    report.save(update_fields=["status", "published_on"])
    record(Event.PUBLISH, actor=actor, partnership=report.partnership, subject=report)
    return report

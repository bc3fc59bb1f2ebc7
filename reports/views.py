"""Yearly report pages: start one, link what it draws on, write narrative sections, preview
the web version, generate and keep Word and PDF files, sign off jointly, publish."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django_scopes import scope

from partnerships.models import Partnership
from signoff.services import SnapshotBroken
from signoff.views import SignOffActions, sign_off_page
from theory.models import TheoryOfChange
from trust.signals import data_exported
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import form_page

from . import selectors, services
from .assemble import assemble
from .docx_renderer import render_docx
from .forms import ReportForm, SectionForm, WithdrawForm
from .models import NarrativeSection, YearlyReport
from .pdf_renderer import render_pdf
from .services import FILE_TYPES
from .theory import theory_document


def report_list(request: HttpRequest, partnership: str) -> HttpResponse:
    form = ReportForm(request.POST or None, partnership=request.partnership)
    form.helper.inputs[0].value = "Start the report"
    if request.method == "POST" and form.is_valid():
        report = services.report_start(
            partnership=request.partnership, values=model_values(form), actor=request.user
        )
        messages.success(request, f"{report} has been started.")
        return redirect("reports:report", partnership=partnership, report_id=report.pk)
    return render(
        request,
        "reports/list.html",
        {
            "reports": YearlyReport.objects.all(),
            "form": form,
            "can_edit": request.can("reports:edit"),
        },
    )


def _report(report_id: int) -> YearlyReport:
    return get_object_or_404(
        YearlyReport.objects.select_related("partnership", "review", "wave", "resource_year"),
        pk=report_id,
    )


def _just_made(request: HttpRequest, report: YearlyReport):
    """The file this person has just asked for (named in the address), if it is this report's."""
    made = request.GET.get("made", "")
    if not made.isdigit():
        return None
    return report.files.select_related("file").filter(pk=int(made)).first()


def report_detail(request: HttpRequest, partnership: str, report_id: int) -> HttpResponse:
    report = _report(report_id)
    return render(
        request,
        "reports/report.html",
        {
            "report": report,
            "sections": report.sections.all(),
            "files": report.files.select_related("file", "generated_by"),
            "made": _just_made(request, report),
            "can_edit": request.can("reports:edit"),
            "can_publish": request.can("reports:publish"),
            "withdraw_form": WithdrawForm(),
        },
    )


def report_edit(request: HttpRequest, partnership: str, report_id: int) -> HttpResponse:
    report = _report(report_id)
    form = ReportForm(request.POST or None, instance=report, partnership=request.partnership)
    back = reverse("reports:report", args=[partnership, report.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.report_links_save(
                report=report,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(
                request, form, conflict, title="What the report draws on", cancel_url=back
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Saved.")
            return redirect(back)
    return form_page(request, form, title="What the report draws on", cancel=back, lead=str(report))


def section(
    request: HttpRequest, partnership: str, report_id: int, section_id: int | None = None
) -> HttpResponse:
    report = _report(report_id)
    instance = (
        get_object_or_404(NarrativeSection, pk=section_id, report=report) if section_id else None
    )
    form = SectionForm(request.POST or None, instance=instance)
    back = reverse("reports:report", args=[partnership, report.pk])
    title = "Add a section" if instance is None else f"Edit “{instance.heading}”"
    if request.method == "POST" and request.POST.get("remove") and instance is not None:
        try:
            services.section_delete(section=instance, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{instance.heading}” has been removed.")
            return redirect(back)
    elif request.method == "POST" and form.is_valid():
        try:
            services.section_save(
                report=report,
                section=instance,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=back)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The section has been saved.")
            return redirect(back)
    return render(
        request,
        "reports/section.html",
        {
            "form": form,
            "page_title": title,
            "cancel_url": back,
            "section": instance,
            "report": report,
        },
    )


def preview(request: HttpRequest, partnership: str, report_id: int) -> HttpResponse:
    report = _report(report_id)
    return render(
        request,
        "reports/web.html",
        {"report": report, "document": assemble(report), "preview": True},
    )


def generate(request: HttpRequest, partnership: str, report_id: int, fmt: str) -> HttpResponse:
    if fmt not in ("docx", "pdf"):
        raise Http404("No such format.")
    report = _report(report_id)
    generated = services.report_generate(report=report, fmt=fmt, actor=request.user)
    # Back to the report, which offers the new file: the page that said "Making the PDF" is
    # replaced by one that says it is ready, rather than left waiting beside a download.
    made = urlencode({"made": generated.pk})
    return redirect(f"{reverse('reports:report', args=[partnership, report.pk])}?{made}")


def sign_off(request: HttpRequest, partnership: str, report_id: int) -> HttpResponse:
    report = _report(report_id)
    return sign_off_page(
        request,
        target=report,
        actions=SignOffActions(
            request=lambda **kw: services.report_request_signoff(report=report, **kw),
        ),
        what="the yearly report",
        back_url=reverse("reports:report", args=[partnership, report.pk]),
        confirm="this yearly report is a fair account of the partnership's year",
    )


def withdraw(request: HttpRequest, partnership: str, report_id: int) -> HttpResponse:
    report = _report(report_id)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.report_withdraw(
                report=report, reason=form.cleaned_data["reason"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "The report has been withdrawn from its public page.")
    else:
        messages.error(request, form.errors["reason"][0])
    return redirect("reports:report", partnership=partnership, report_id=report.pk)


def publish(request: HttpRequest, partnership: str, report_id: int) -> HttpResponse:
    report = _report(report_id)
    try:
        services.report_publish(report=report, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "The report is published.")
    return redirect("reports:report", partnership=partnership, report_id=report.pk)


def _published(slug: str, period: str):
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        raise Http404("No such report.")
    with scope(partnership=partnership):
        report = selectors.published_report(partnership, period)
    if report is None:
        raise Http404("No such report.")
    return partnership, report


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/version_refused.html", status=500)


def public(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    """A published report's web version, public: made from the signed version."""
    partnership, report = _published(slug, period)
    if report.withdrawn_on:
        return render(
            request,
            "reports/withdrawn.html",
            {"report": report, "public_partnership": partnership},
            status=410,
        )
    with scope(partnership=partnership):
        try:
            document = selectors.published_document(report)
        except SnapshotBroken:
            return _refused(request)
        files = selectors.published_files(report)
    return render(
        request,
        "reports/web.html",
        {
            "report": report,
            "document": document,
            "public_partnership": partnership,
            "published_files": files,
        },
    )


def public_file(request: HttpRequest, slug: str, period: str, fmt: str) -> HttpResponse:
    """The Word file or PDF made at publication, served exactly as stored (after checking its
    SHA-256)."""
    partnership, report = _published(slug, period)
    if report.withdrawn_on:
        return render(
            request,
            "reports/withdrawn.html",
            {"report": report, "public_partnership": partnership},
            status=410,
        )
    with scope(partnership=partnership):
        generated = selectors.published_files(report).get(fmt)
        if generated is None:
            raise Http404("No such file.")
        content = selectors.stored_bytes(generated)
    if content is None:
        return _refused(request)
    response = HttpResponse(content, content_type=generated.file.content_type)
    response["Content-Disposition"] = content_disposition_header(True, generated.file.download_name)
    response["X-Content-SHA256"] = generated.file.sha256
    return response


def theory_file(request: HttpRequest, partnership: str, theory_id: int, fmt: str) -> HttpResponse:
    """Our theory of change as Word or PDF (see reports/theory.py for which version)."""
    if fmt not in FILE_TYPES:
        raise Http404("No such format.")
    theory = get_object_or_404(TheoryOfChange, pk=theory_id)
    document = theory_document(theory, partnership_slug=partnership, actor=request.user)
    content = (
        render_docx(document)
        if fmt == "docx"
        else render_pdf(document, partnership_name=request.partnership.name)
    )
    data_exported.send(
        sender=TheoryOfChange,
        actor=request.user,
        partnership=request.partnership,
        what=f"theory of change {theory.period}",
        format=fmt,
        rows=len(document.blocks),
    )
    response = HttpResponse(content, content_type=FILE_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(
        True, f"{request.partnership.short_name} theory of change {theory.period}.{fmt}"
    )
    return response

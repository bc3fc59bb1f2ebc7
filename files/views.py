"""The partnership's document library, and the one view that serves stored files."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from ui.pages import form_page

from . import services
from .forms import DocumentForm
from .models import StoredFile


def library(request: HttpRequest, partnership: str) -> HttpResponse:
    can_manage = request.can("files:delete")
    return render(
        request,
        "files/library.html",
        {
            "documents": StoredFile.objects.filter(in_library=True).select_related("uploaded_by"),
            "deleted": (
                StoredFile.all_objects.deleted()
                .filter(in_library=True)
                .select_related("deleted_by")
                if can_manage
                else []
            ),
            "can_manage": can_manage,
        },
    )


def upload(request: HttpRequest, partnership: str) -> HttpResponse:
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        stored = services.file_store(
            partnership=request.partnership,
            checked=form.checked,
            original_name=form.cleaned_data["file"].name,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            actor=request.user,
        )
        messages.success(request, f"{stored.title} has been uploaded.")
        return redirect("files:library", partnership=partnership)
    return form_page(
        request,
        form,
        title="Upload a document",
        lead="For example your published safeguarding arrangements, terms of reference or "
        "last year's report. Everyone in the partnership except young scrutineers can open it.",
        cancel=reverse("files:library", args=[partnership]),
    )


def download(request: HttpRequest, partnership: str, public_id) -> FileResponse:
    stored = get_object_or_404(StoredFile, public_id=public_id)
    if not stored.path.exists():
        raise Http404("The file is missing from storage.")
    services.file_download_record(stored=stored, actor=request.user)
    response = FileResponse(
        open(stored.path, "rb"),  # noqa: SIM115 (FileResponse closes it)
        as_attachment=True,
        filename=stored.download_name,
        content_type=stored.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def delete(request: HttpRequest, partnership: str, public_id) -> HttpResponse:
    stored = get_object_or_404(StoredFile, public_id=public_id)
    services.file_delete(stored=stored, actor=request.user)
    messages.success(request, f"{stored.title} has been deleted. You can restore it for 30 days.")
    return redirect("files:library", partnership=partnership)


def restore(request: HttpRequest, partnership: str, public_id) -> HttpResponse:
    stored = get_object_or_404(StoredFile.all_objects, public_id=public_id)
    if stored.deleted_at is None:
        messages.info(request, f"{stored.title} is not deleted.")  # e.g. a second click
    else:
        services.file_restore(stored=stored, actor=request.user)
        messages.success(request, f"{stored.title} has been restored.")
    return redirect("files:library", partnership=partnership)

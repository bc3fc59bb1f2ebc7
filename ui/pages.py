"""The one form page: a heading, an optional caption and lead, the platform's mark where
the form sets platform content, the form and a cancel link (ui/form_page.html)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest,
    form,
    *,
    title: str,
    cancel: str = "",
    lead: str = "",
    caption: str = "",
    platform_note: str = "",
) -> HttpResponse:
    return render(
        request,
        "ui/form_page.html",
        {
            "form": form,
            "page_title": title,
            "cancel_url": cancel,
            "lead": lead,
            "caption": caption,
            "platform_note": platform_note,
        },
    )


def apply_errors(form, error: ValidationError) -> None:
    """A service's refusal beside the fields it names (the rest above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)

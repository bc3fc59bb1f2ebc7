"""The partnership's audit trail: filter, page through, export (the export is itself audited)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from partnerships.selectors import members
from trust.tabular import table_download

from .events import Event, record
from .forms import AuditFilterForm
from .selectors import describe, details, entries

PAGE_SIZE = 50
HEADERS = ["When", "Who", "What happened", "About", "Details", "IP address"]


def _filter_form(request: HttpRequest) -> AuditFilterForm:
    people = [(m.user_id, str(m.user)) for m in members(request.partnership)]
    return AuditFilterForm(request.GET or None, people=people)


def audit_trail(request: HttpRequest, partnership: str) -> HttpResponse:
    form = _filter_form(request)
    page = Paginator(entries(request.partnership, form.to_filter()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(e, describe(e), details(e)) for e in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/trail.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )


def audit_export(request: HttpRequest, partnership: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404("Unknown format.")
    form = _filter_form(request)
    chosen = form.to_filter()
    qs = entries(request.partnership, chosen)
    rows = [
        (
            timezone.localtime(e.timestamp),
            e.actor_email or (e.actor.email if e.actor else ""),
            describe(e),
            e.object_repr,
            details(e),
            e.remote_addr or "",
        )
        for e in qs.iterator(chunk_size=2000)
    ]
    record(
        Event.EXPORT,
        actor=request.user,
        partnership=request.partnership,
        detail={"what": "audit trail", "format": fmt, "rows": len(rows)},
    )
    stamp = timezone.localdate().isoformat()
    return table_download(
        fmt,
        name=f"{request.partnership.slug}-audit-trail-{stamp}",
        title="Audit trail",
        headers=HEADERS,
        rows=rows,
    )

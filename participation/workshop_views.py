"""The facilitator's workshop pages: open a session, watch and shape the board (group, hide,
add), promote notes into a priority's plan or a review, finish, and export."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from framework.selectors import current_edition
from trust.signals import data_exported
from trust.tabular import table_download
from trust.versioning import model_values
from ui.pages import form_page
from ui.qr import qr_svg

from . import selectors, workshops
from .forms import GroupNotesForm, NoteForm, PromoteForm, WorkshopForm
from .models import Column, Note, NoteGroup, Workshop


def workshop_list(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(
        request,
        "participation/workshops.html",
        {
            "workshops": Workshop.objects.select_related("category", "priority"),
            "can_edit": request.can("participation:workshop_add"),
        },
    )


def workshop_add(request: HttpRequest, partnership: str) -> HttpResponse:
    form = WorkshopForm(
        request.POST or None, partnership=request.partnership, edition=current_edition()
    )
    if request.method == "POST" and form.is_valid():
        workshop = workshops.workshop_open(
            partnership=request.partnership, values=model_values(form), actor=request.user
        )
        messages.success(
            request, f"The workshop is open. People join with the code {workshop.code}."
        )
        return redirect("participation:workshop", partnership=partnership, workshop_id=workshop.pk)
    return form_page(
        request,
        form,
        title="Open a workshop",
        cancel=reverse("participation:workshops", args=[partnership]),
        lead="People join on their own phone or laptop with a short code, without an "
        "account, and add notes anonymously. You then group the notes and add the best "
        "to a priority's plan or a review.",
    )


def _notes(workshop: Workshop, ids: list[str]) -> list[Note]:
    return list(Note.objects.filter(workshop=workshop, pk__in=ids))


def workshop_board(request: HttpRequest, partnership: str, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(
        Workshop.objects.select_related("category", "priority", "review"), pk=workshop_id
    )
    if "count" in request.GET:
        return JsonResponse({"notes": selectors.notes_shown(workshop)})
    all_notes = list(Note.objects.filter(workshop=workshop, group__isnull=True, hidden=False))
    facilitating = request.can("participation:workshop", method="POST")
    note_form = NoteForm(request.POST if request.POST.get("form") == "note" else None)
    group_form = GroupNotesForm(
        request.POST if request.POST.get("form") == "group" else None, notes=all_notes
    )
    for each in (note_form, group_form):
        each.helper.form_tag = False  # the page wraps each in a form saying which it is
    if request.method == "POST":
        action = request.POST.get("form")
        try:
            if action == "note" and note_form.is_valid():
                workshops.note_add(workshop=workshop, **note_form.cleaned_data)
                messages.success(request, "Your note has been added.")
                return redirect(request.path)
            if action == "group" and group_form.is_valid():
                group = workshops.notes_group(
                    workshop=workshop,
                    notes=_notes(workshop, group_form.cleaned_data["notes"]),
                    name=group_form.cleaned_data["name"],
                    actor=request.user,
                )
                messages.success(request, f"The notes are grouped as “{group}”.")
                return redirect(request.path)
            if action in ("hide", "show"):
                note = get_object_or_404(Note, workshop=workshop, pk=request.POST.get("note"))
                workshops.note_hide(note=note, hidden=action == "hide", actor=request.user)
                messages.success(
                    request, "The note is hidden." if action == "hide" else "The note is shown."
                )
                return redirect(request.path)
            if action == "close":
                workshops.workshop_close(workshop=workshop, actor=request.user)
                messages.success(request, "The workshop has finished; the code no longer works.")
                return redirect(request.path)
            if action == "reopen":
                workshops.workshop_reopen(workshop=workshop, actor=request.user)
                messages.success(
                    request, f"The workshop is open again with the code {workshop.code}."
                )
                return redirect(request.path)
        except ValidationError as error:
            (group_form if action == "group" else note_form).add_error(None, error)
    return render(
        request,
        "participation/board.html",
        {
            "workshop": workshop,
            "columns": selectors.board(workshop, facilitator=True),
            "note_form": note_form if workshop.is_open and facilitating else None,
            "group_form": group_form if all_notes and facilitating else None,
            "join_url": request.build_absolute_uri(reverse("workshop_guest:join")),
            "notes_shown": selectors.notes_shown(workshop),
            "join_qr": qr_svg(
                request.build_absolute_uri(reverse("workshop_guest:join"))
                + "?"
                + urlencode({"code": workshop.code})
            ),
            "facilitating": facilitating,
            "can_promote": request.can("participation:promote")
            and bool(workshops.promotion_targets(workshop)),
        },
    )


def _item(workshop: Workshop, ref: str) -> Note | NoteGroup:
    kind, _, pk = ref.partition(":")
    try:
        if kind == "note":
            return Note.objects.get(workshop=workshop, pk=pk)
        if kind == "group":
            return NoteGroup.objects.prefetch_related("notes").get(workshop=workshop, pk=pk)
    except (Note.DoesNotExist, NoteGroup.DoesNotExist, ValueError, ValidationError):
        pass
    raise Http404("No such note.")


def promote(request: HttpRequest, partnership: str, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(Workshop.objects.select_related("priority"), pk=workshop_id)
    ref = request.POST.get("item") or request.GET.get("item", "")
    board = reverse("participation:workshop", args=[partnership, workshop.pk])
    if not ref:
        messages.info(request, "Choose a note or group on the board to add it.")
        return redirect(board)
    item = _item(workshop, ref)
    targets = workshops.promotion_targets(workshop)
    form = PromoteForm(
        request.POST if request.method == "POST" else None,
        targets=targets,
        default=workshops.default_target(item.column, targets),
        target_groups=workshop.priority.target_group_list() if workshop.priority_id else (),
    )
    form.helper.form_tag = False
    if not workshop.priority_id:
        del form.fields["target_group"]
    if request.method == "POST" and form.is_valid():
        try:
            where = workshops.note_promote(
                workshop=workshop, item=item, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("target" if hasattr(error, "error_dict") else None, error)
        else:
            messages.success(request, f"Added to {where}.")
            return redirect(board)
    return render(
        request,
        "participation/promote.html",
        {
            "workshop": workshop,
            "item": item,
            "ref": ref,
            "form": form,
            "targets": targets,
            "board_url": board,
            "column": Column(item.column).label,
        },
    )


EXPORT_HEADERS = ["Column", "Note", "Supports", "Group", "Hidden", "Added to"]


def export(request: HttpRequest, partnership: str, workshop_id: int, fmt: str) -> HttpResponse:
    workshop = get_object_or_404(Workshop, pk=workshop_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404("No such format.")
    labels = dict(Column.choices)
    rows = [
        [
            labels[n.column],
            n.text,
            n.supports,
            n.group.name if n.group else "",
            "yes" if n.hidden else "",
            n.promoted_to or (n.group.promoted_to if n.group else ""),
        ]
        for n in Note.objects.filter(workshop=workshop).select_related("group")
    ]
    data_exported.send(
        sender=Workshop,
        actor=request.user,
        partnership=request.partnership,
        what=f"workshop {workshop.title}",
        format=fmt,
        rows=len(rows),
    )
    return table_download(
        fmt,
        name=f"{partnership}-workshop-{workshop.held_on:%Y-%m-%d}",
        title="Workshop",
        headers=EXPORT_HEADERS,
        rows=rows,
    )

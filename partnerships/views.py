"""Partnership pages. Access is already checked by macs.access (see POLICY there): views
parse, call a selector or service, and render. `request.partnership` is the tenant."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accounts.forms import AcceptInvitationForm, JoinForm
from trust.imports import ImportForm
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.pages import apply_errors, form_page

from . import selectors, services
from .attention import attention_items
from .forms import (
    AgencyForm,
    ConfirmForm,
    InviteForm,
    PartnerBodyForm,
    PartnershipForm,
    RoleAddForm,
    SubgroupForm,
)
from .imports import AGENCY_COLUMNS
from .models import Agency, Membership, PartnerBody, RoleAssignment, Subgroup


def chooser(request):
    """Pick a partnership. One partnership goes straight to its home page; someone on
    several sees, under each partnership's name, what needs them there: each list is read
    inside that partnership's scope with their roles there, and nothing is added up across
    partnerships."""
    memberships = selectors.memberships_for_user(request.user)
    if len(memberships) == 1:
        return redirect("partnerships:home", partnership=memberships[0].partnership.slug)
    sections = []
    for membership in memberships:
        with request.member_of(membership):
            sections.append((membership.partnership, attention_items(request)))
    return render(request, "partnerships/chooser.html", {"sections": sections})


def home(request, partnership: str):
    return render(
        request,
        "partnerships/home.html",
        {
            "attention": attention_items(request),
            # Members who see none of the staff pages get the young person's home page.
            "is_young_scrutineer_only": not request.can("partnerships:about"),
        },
    )


def about(request, partnership: str):
    p = request.partnership
    return render(
        request,
        "partnerships/about.html",
        {
            "partner_bodies": PartnerBody.objects.filter(partnership=p).select_related(
                "organisation"
            ),
            "leads": selectors.lead_partner_roles(p),
            "can_edit": request.can("partnerships:about_edit"),
        },
    )


def _save_or_conflict(request, form, *, title: str, done: str, message: str):
    """Save a valid edit form; if someone else saved first, show both versions instead."""
    try:
        services.record_save(
            partnership=request.partnership,
            model=form._meta.model,
            record=form.instance if form.instance.pk else None,
            values=model_values(form),
            expected_version=expected_version(form),
            actor=request.user,
        )
    except EditConflict as conflict:
        return conflict_response(request, form, conflict, title=title, cancel_url=done)
    messages.success(request, message)
    return redirect(done)


def about_edit(request, partnership: str):
    form = PartnershipForm(
        request.POST if request.method == "POST" else None, instance=request.partnership
    )
    done = reverse("partnerships:about", args=[partnership])
    title = "Edit partnership details"
    if request.method == "POST" and form.is_valid():
        return _save_or_conflict(
            request, form, title=title, done=done, message="Partnership details saved."
        )
    return form_page(request, form, title=title, cancel=done)


def _edit_object(request, form_class, instance, *, title, done, message):
    form = form_class(
        request.POST if request.method == "POST" else None,
        instance=instance,
        partnership=request.partnership,
    )
    if request.method == "POST" and form.is_valid():
        return _save_or_conflict(request, form, title=title, done=done, message=message)
    return form_page(request, form, title=title, cancel=done)


def _delete_object(request, instance, *, delete, done: str, what: str):
    """Confirm, then soft-delete: the item can be restored for 30 days."""
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    form.set_submit_label("Delete")
    if request.method == "POST" and form.is_valid():
        try:
            delete(instance, request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, f"{instance} has been deleted. You can restore it for 30 days."
            )
            return redirect(done)
    return form_page(
        request,
        form,
        title=f"Delete {what} {instance}?",
        cancel=done,
        lead="You can restore it from Recently deleted for 30 days. After that it is gone for good.",
    )


def agency_delete(request, partnership: str, agency_id: int):
    agency = get_object_or_404(Agency, pk=agency_id)
    return _delete_object(
        request,
        agency,
        delete=lambda a, actor: services.agency_delete(agency=a, actor=actor),
        done=reverse("partnerships:agencies", args=[partnership]),
        what="the agency",
    )


def subgroup_delete(request, partnership: str, subgroup_id: int):
    subgroup = get_object_or_404(Subgroup, pk=subgroup_id)
    return _delete_object(
        request,
        subgroup,
        delete=lambda s, actor: services.subgroup_delete(subgroup=s, actor=actor),
        done=reverse("partnerships:subgroups", args=[partnership]),
        what="the subgroup",
    )


def deleted(request, partnership: str):
    """Agencies and subgroups deleted in the last 30 days, with Restore buttons."""
    return render(
        request,
        "partnerships/deleted.html",
        {
            "groups": [
                ("Agencies", "agency", Agency.all_objects.deleted().select_related("deleted_by")),
                (
                    "Subgroups",
                    "subgroup",
                    Subgroup.all_objects.deleted().select_related("deleted_by"),
                ),
            ]
        },
    )


RESTORABLE = {"agency": Agency, "subgroup": Subgroup}


def restore(request, partnership: str, kind: str, item_id: int):
    model = RESTORABLE.get(kind)
    if model is None:
        raise Http404("Nothing of that kind can be restored.")
    instance = get_object_or_404(model.all_objects.deleted(), pk=item_id)
    try:
        services.record_restore(instance=instance, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{instance} has been restored.")
    return redirect("partnerships:deleted", partnership=partnership)


def person_two_factor_reset(request, partnership: str, member_id: int):
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    form.set_submit_label("Reset two-factor sign-in")
    done = reverse("partnerships:person", args=[partnership, member.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.member_two_factor_reset(membership=member, actor=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                f"Two-factor sign-in has been reset for {member.user}. They will set it up again "
                "when they next sign in.",
            )
            return redirect(done)
    return form_page(
        request,
        form,
        title=f"Reset two-factor sign-in for {member.user}?",
        cancel=done,
        lead="Do this only when you are sure the request came from them, for example by "
        "phoning them on a number you already know. Their authenticator app and recovery codes "
        "will stop working. The reset is recorded in the audit trail.",
    )


def partner_body_add(request, partnership: str):
    return _edit_object(
        request,
        PartnerBodyForm,
        None,
        title="Add a partner body",
        done=reverse("partnerships:about", args=[partnership]),
        message="Partner body added.",
    )


def partner_body_edit(request, partnership: str, body_id: int):
    body = get_object_or_404(PartnerBody, pk=body_id)
    return _edit_object(
        request,
        PartnerBodyForm,
        body,
        title=f"Edit {body.name}",
        done=reverse("partnerships:about", args=[partnership]),
        message="Partner body saved.",
    )


def agencies(request, partnership: str):
    return render(
        request,
        "partnerships/agencies.html",
        {
            "agencies": selectors.agencies(request.partnership),
            "can_edit": request.can("partnerships:agency_add"),
        },
    )


def agency_add(request, partnership: str):
    return _edit_object(
        request,
        AgencyForm,
        None,
        title="Add an agency",
        done=reverse("partnerships:agencies", args=[partnership]),
        message="Agency added.",
    )


def agencies_import(request, partnership: str):
    """Add many agencies from a CSV or Excel file; any bad row means nothing is added."""
    form = ImportForm(request.POST or None, request.FILES or None, required_columns=AGENCY_COLUMNS)
    form.set_submit_label("Import agencies")
    problems = []
    if request.method == "POST" and form.is_valid():
        result = services.agencies_import(
            partnership=request.partnership,
            rows=form.rows,
            file_name=form.cleaned_data["file"].name,
            actor=request.user,
        )
        if result.ok:
            messages.success(request, f"{len(result.rows)} agencies imported.")
            return redirect("partnerships:agencies", partnership=partnership)
        problems = result.problems
    return render(
        request,
        "partnerships/agencies_import.html",
        {
            "form": form,
            "problems": problems,
            "sectors": [label for _, label in Agency.Sector.choices],
        },
    )


def agency_edit(request, partnership: str, agency_id: int):
    agency = get_object_or_404(Agency, pk=agency_id)
    return _edit_object(
        request,
        AgencyForm,
        agency,
        title=f"Edit {agency.name}",
        done=reverse("partnerships:agencies", args=[partnership]),
        message="Agency saved.",
    )


def subgroups(request, partnership: str):
    return render(
        request,
        "partnerships/subgroups.html",
        {
            "subgroups": selectors.subgroups(request.partnership),
            "can_edit": request.can("partnerships:subgroup_edit"),
        },
    )


def subgroup_detail(request, partnership: str, subgroup_id: int):
    subgroup = get_object_or_404(
        Subgroup.objects.select_related("chair__user", "accountable_to"), pk=subgroup_id
    )
    return render(
        request,
        "partnerships/subgroup_detail.html",
        {
            "subgroup": subgroup,
            "members": subgroup.members.select_related("user", "agency"),
            "reporting": subgroup.reporting_subgroups.all(),
            "can_edit": request.can("partnerships:subgroup_edit"),
        },
    )


def subgroup_add(request, partnership: str):
    return _edit_object(
        request,
        SubgroupForm,
        None,
        title="Add a subgroup",
        done=reverse("partnerships:subgroups", args=[partnership]),
        message="Subgroup added.",
    )


def subgroup_edit(request, partnership: str, subgroup_id: int):
    subgroup = get_object_or_404(Subgroup, pk=subgroup_id)
    return _edit_object(
        request,
        SubgroupForm,
        subgroup,
        title=f"Edit {subgroup.name}",
        done=reverse("partnerships:subgroup_detail", args=[partnership, subgroup.pk]),
        message="Subgroup saved.",
    )


def people(request, partnership: str):
    p = request.partnership
    return render(
        request,
        "partnerships/people.html",
        {
            "members": selectors.members(p),
            "invitations": p.invitations.filter(accepted_at__isnull=True).order_by("email"),
            "is_manager": request.can("partnerships:invite"),
        },
    )


def person(request, partnership: str, member_id: int):
    member = get_object_or_404(selectors.members(request.partnership), pk=member_id)
    form = RoleAddForm(
        request.POST if request.method == "POST" else None, partnership=request.partnership
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.role_add(
                membership=member,
                role=form.cleaned_data["role"],
                partner_body=form.cleaned_data["partner_body"],
                acting_for=form.cleaned_data["acting_for"],
                actor=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Role added for {member.user}.")
            return redirect("partnerships:person", partnership=partnership, member_id=member.pk)
    return render(
        request,
        "partnerships/person.html",
        {
            "member": member,
            "form": form,
            "subgroups": member.subgroups.all(),
            "is_manager": request.can("partnerships:invite"),
        },
    )


def role_remove(request, partnership: str, member_id: int, role_id: int):
    assignment = get_object_or_404(RoleAssignment, pk=role_id, membership_id=member_id)
    try:
        services.role_remove(assignment=assignment, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Role removed.")
    return redirect("partnerships:person", partnership=partnership, member_id=member_id)


def person_remove(request, partnership: str, member_id: int):
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_remove(membership=member, actor=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{member.user} has been removed from the partnership.")
            return redirect("partnerships:people", partnership=partnership)
    return form_page(
        request,
        form,
        title=f"Remove {member.user} from {request.partnership.name}?",
        cancel=reverse("partnerships:person", args=[partnership, member.pk]),
        lead="They will no longer see this partnership. Their account stays, with any other "
        "partnerships they belong to. Reassign anything they held first.",
    )


def invite(request, partnership: str):
    form = InviteForm(
        request.POST if request.method == "POST" else None, partnership=request.partnership
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.invitation_create(
                partnership=request.partnership,
                email=data["email"],
                full_name=data["full_name"],
                role=data["role"],
                partner_body=data["partner_body"],
                agency=data["agency"],
                actor=request.user,
                base_url=request.build_absolute_uri("/")[:-1],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {data['email']}.")
            return redirect("partnerships:people", partnership=partnership)
    return form_page(
        request,
        form,
        title="Invite someone",
        cancel=reverse("partnerships:people", args=[partnership]),
        lead="We will email them a link to join. The link works for 14 days.",
    )


def invitation(request, token: str):
    """Show an invitation and accept it: as the signed-in person, or with a new account."""
    invite = services.invitation_for_token(token)
    if invite is None:
        return render(request, "partnerships/invitation_invalid.html", status=404)
    user = request.user if request.user.is_authenticated else None
    existing = get_user_model().objects.filter(email__iexact=invite.email).exists()
    if user is not None:
        form = JoinForm(request.POST if request.method == "POST" else None)
    elif not existing:
        form = AcceptInvitationForm(
            request.POST if request.method == "POST" else None,
            user_for_validation=get_user_model()(email=invite.email, full_name=invite.full_name),
        )
    else:
        form = None  # has an account: sign in first
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            membership = services.invitation_accept(
                invitation=invite,
                user=user,
                password=form.cleaned_data.get("password1", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if user is None:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"You have joined {invite.partnership.name}.")
            return redirect("partnerships:home", partnership=invite.partnership.slug)
    return render(
        request,
        "partnerships/invitation.html",
        {
            "invitation": invite,
            "form": form,
            "signed_in_as": user,
            "wrong_account": user is not None and user.email.lower() != invite.email.lower(),
        },
    )

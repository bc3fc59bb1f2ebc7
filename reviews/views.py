"""Review pages. Access by role is in macs/access.py; who may rate which indicator (the
business unit, or the subgroup or agency it is assigned to) is checked here per object."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from framework.models import RatingLevel
from framework.selectors import current_edition
from framework.tree import draw_tree
from signoff.views import SignOffActions, sign_off_page
from trust.imports import ImportForm
from trust.signals import data_exported
from trust.tabular import table_download
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.links import link_each
from ui.pages import apply_errors, form_page

from . import services
from .exporter import EXPORT_HEADERS, export_rows
from .focus import coverage
from .forms import (
    AssignForm,
    JudgementForm,
    LocalIndicatorForm,
    OwnerForm,
    RatingForm,
    ReviewStartForm,
)
from .imports import RATING_COLUMNS
from .models import LocalIndicator, OutcomeJudgement, Rating, Review
from .outcome_signals import signals_for
from .selectors import (
    assigned_filter,
    is_assigned,
    latest_review,
    review_overview,
    review_tree_spec,
)


def _is_manager(request) -> bool:
    return request.can("reviews.manage_review")


def review_list(request: HttpRequest, partnership: str) -> HttpResponse:
    form = ReviewStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():  # the policy admits only the manager
        try:
            review = services.review_start(
                partnership=request.partnership,
                edition=current_edition(),
                period=form.cleaned_data["period"],
                due_date=form.cleaned_data["due_date"],
                actor=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"The {review.period} review has started.")
            return redirect("reviews:review", partnership=partnership, review_id=review.pk)
    reviews = Review.objects.order_by("-period")
    return render(
        request,
        "reviews/list.html",
        {
            "reviews": reviews,
            "form": form,
            "can_start": request.can("reviews:list", method="POST"),
            "latest": latest_review(request.partnership),
        },
    )


def review_detail(request: HttpRequest, partnership: str, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review.objects.select_related("previous"), pk=review_id)
    mine = request.GET.get("mine") == "1"
    only = None
    if mine:
        subgroups, agency_id = assigned_filter(request.membership)
        only = lambda r: is_assigned(r, subgroups, agency_id)  # noqa: E731
    overview = review_overview(review, only=only)
    link_each(
        [r for _, rows in overview.categories for row in rows for r in row.ratings]
        + overview.no_evidence,
        "reviews:rating",
        [partnership, review.pk],
    )
    return render(
        request,
        "reviews/review.html",
        {
            "o": overview,
            "review": review,
            "mine": mine,
            "is_manager": _is_manager(request),
            "levels": sorted(overview.levels.values(), key=lambda lv: lv.value),
            "in_focus": sum(row.in_focus for _, rows in overview.categories for row in rows),
            "coverage": coverage(review),
        },
    )


def _may_rate(request, rating: Rating) -> bool:
    return request.can("reviews:rating", rating, method="POST")


def rating_edit(
    request: HttpRequest, partnership: str, review_id: int, rating_id: int
) -> HttpResponse:
    rating = get_object_or_404(
        Rating.objects.select_related(
            "review",
            "indicator__outcome",
            "local_indicator__outcome",
            "owner_agency",
            "owner_subgroup",
        ),
        pk=rating_id,
        review_id=review_id,
    )
    may_rate = _may_rate(request, rating)
    review = rating.review
    if request.method == "POST" and not may_rate and not review.is_locked:
        raise PermissionDenied("This indicator is not assigned to you.")
    owner_form = None
    if _is_manager(request) and not review.is_locked:
        owner_form = OwnerForm(
            request.POST if request.POST.get("form") == "owner" else None,
            partnership=request.partnership,
            initial={
                "owner": f"subgroup:{rating.owner_subgroup_id}"
                if rating.owner_subgroup_id
                else (f"agency:{rating.owner_agency_id}" if rating.owner_agency_id else "")
            },
        )
        if request.POST.get("form") == "owner" and owner_form.is_valid():
            services.rating_owner_set(
                rating=rating, owner=owner_form.cleaned_data["owner"], actor=request.user
            )
            messages.success(request, f"Owner of {rating.code} saved.")
            return redirect(
                "reviews:rating", partnership=partnership, review_id=review.pk, rating_id=rating.pk
            )
    form = RatingForm(
        request.POST if request.method == "POST" and request.POST.get("form") != "owner" else None,
        instance=rating,
        edition=review.edition_id,
        partnership=request.partnership,
    )
    title = f"Indicator {rating.code}"
    back = (
        reverse("reviews:review", args=[partnership, review.pk])
        + f"#outcome-{_outcome(rating).code}"
    )
    if form.is_bound and form.is_valid():
        try:
            services.rating_save(
                rating=rating,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=back)
        except ValidationError as error:  # locked for sign-off
            form.add_error(None, error)
        else:
            messages.success(request, f"Rating for {rating.code} saved.")
            return redirect(back)
    return render(
        request,
        "reviews/rating.html",
        {
            "rating": rating,
            "outcome": _outcome(rating),
            "signals": signals_for(review, _outcome(rating)),
            "form": form,
            "owner_form": owner_form,
            "may_rate": may_rate,
            "back": back,
            "review": review,
            "level_info": RatingLevel.objects.filter(
                edition=review.edition_id, value=rating.level
            ).first(),
        },
    )


def _outcome(rating: Rating):
    return rating.indicator.outcome if rating.indicator_id else rating.local_indicator.outcome


def judgement_edit(
    request: HttpRequest, partnership: str, review_id: int, code: str
) -> HttpResponse:
    judgement = get_object_or_404(
        OutcomeJudgement.objects.select_related("review", "outcome"),
        review_id=review_id,
        outcome__code=code,
    )
    review = judgement.review
    form = JudgementForm(
        request.POST if request.method == "POST" else None,
        instance=judgement,
        edition=review.edition_id,
        partnership=request.partnership,
    )
    title = f"Outcome {judgement.outcome.code}: {judgement.outcome.short_name}"
    back = reverse("reviews:review", args=[partnership, review.pk]) + f"#outcome-{code}"
    if form.is_bound and form.is_valid():
        try:
            services.judgement_save(
                judgement=judgement,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=back)
        except ValidationError as error:  # locked for sign-off
            form.add_error(None, error)
        else:
            messages.success(request, f"Judgement for outcome {code} saved.")
            return redirect(back)
    ratings = list(
        Rating.objects.filter(review=review, indicator__outcome=judgement.outcome).select_related(
            "indicator"
        )
    )
    return render(
        request,
        "reviews/judgement.html",
        {
            "judgement": judgement,
            "form": form,
            "review": review,
            "back": back,
            "ratings": ratings,
            "may_judge": _is_manager(request) and not review.is_locked,
            "title": title,
            "signals": signals_for(review, judgement.outcome),
        },
    )


def assign(request: HttpRequest, partnership: str, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review, pk=review_id)
    form = AssignForm(
        request.POST or None, edition=review.edition_id, partnership=request.partnership
    )
    if request.method == "POST" and form.is_valid():
        count = services.ratings_assign(
            review=review,
            outcomes=form.chosen_outcomes(),
            owner=form.cleaned_data["owner"],
            actor=request.user,
        )
        messages.success(request, f"{count} indicators assigned to {form.cleaned_data['owner']}.")
        return redirect("reviews:review", partnership=partnership, review_id=review.pk)
    return form_page(
        request,
        form,
        title="Assign indicators",
        caption=str(review),
        lead="Give the indicators under one or more outcomes to a subgroup or an agency. "
        "Its members can then rate them. You can change the owner of a single indicator "
        "on its page.",
        cancel=reverse("reviews:review", args=[partnership, review.pk]),
    )


def tree(request: HttpRequest, partnership: str, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review, pk=review_id)
    spec = review_tree_spec(review, partnership)
    svg = draw_tree(spec, "svg").decode()
    overview = review_overview(review)
    return render(
        request,
        "reviews/tree.html",
        {
            "review": review,
            "svg": svg,
            "o": overview,
            "levels": sorted(overview.levels.values(), key=lambda lv: lv.value),
        },
    )


def sign_off(request: HttpRequest, partnership: str, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review, pk=review_id)
    return sign_off_page(
        request,
        target=review,
        actions=SignOffActions(
            request=lambda **kw: services.review_request_signoff(review=review, **kw),
        ),
        what="the review",
        back_url=reverse("reviews:review", args=[partnership, review.pk]),
        confirm="this review is a fair account of the partnership's effectiveness",
    )


def export(request: HttpRequest, partnership: str, review_id: int, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404("Unknown format.")
    review = get_object_or_404(Review, pk=review_id)
    rows = export_rows(review)
    data_exported.send(
        sender=Review,
        actor=request.user,
        partnership=request.partnership,
        what=str(review),
        format=fmt,
        rows=len(rows),
    )
    return table_download(
        fmt,
        name=f"{partnership}-review-{review.period}",
        title=f"Review {review.period}",
        headers=EXPORT_HEADERS,
        rows=rows,
    )


def local_indicators(request: HttpRequest, partnership: str) -> HttpResponse:
    edition = current_edition()
    form = LocalIndicatorForm(request.POST or None, edition=edition)
    if request.method == "POST" and form.is_valid():  # the policy admits only the manager
        open_review = latest_review(request.partnership)
        indicator = services.local_indicator_add(
            partnership=request.partnership,
            outcome=form.outcome_objects[form.cleaned_data["outcome"]],
            text=form.cleaned_data["text"],
            review=open_review,
            actor=request.user,
        )
        messages.success(request, f"Local indicator {indicator.code} added.")
        return redirect("reviews:local_indicators", partnership=partnership)
    return render(
        request,
        "reviews/local_indicators.html",
        {
            "form": form,
            "indicators": LocalIndicator.objects.select_related("outcome"),
            "can_add": request.can("reviews:local_indicators", method="POST"),
        },
    )


def ratings_import(request: HttpRequest, partnership: str, review_id: int) -> HttpResponse:
    """Bring ratings and commentary from a spreadsheet in the export's layout."""
    review = get_object_or_404(Review, pk=review_id)
    form = ImportForm(request.POST or None, request.FILES or None, required_columns=RATING_COLUMNS)
    form.set_submit_label("Import ratings")
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.ratings_import(
                review=review,
                rows=form.rows,
                file_name=form.cleaned_data["file"].name,
                actor=request.user,
            )
        except ValidationError as error:  # locked for sign-off
            form.add_error(None, error)
            result = None
        if result is not None and result.ok:
            messages.success(request, f"{len(result.rows)} ratings imported.")
            return redirect("reviews:review", partnership=partnership, review_id=review.pk)
        problems = result.problems if result is not None else []
    return render(
        request,
        "reviews/import.html",
        {"form": form, "problems": problems, "review": review},
    )

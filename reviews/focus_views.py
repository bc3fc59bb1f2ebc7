"""Setting a proportionate review: this year's focus, and the coverage plan that guides it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from trust.versioning import model_values
from ui.pages import form_page

from . import services
from .focus import coverage, focus_choices
from .forms import CoveragePlanForm
from .models import CoveragePlan, Review


def _ids(request, name: str) -> set[int]:
    return {int(v) for v in request.POST.getlist(name) if v.isdigit()}


def focus(request: HttpRequest, partnership: str, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review, pk=review_id)
    errors: dict[str, list[str]] = {}
    chosen = None
    if request.method == "POST":
        chosen = (_ids(request, "outcome"), _ids(request, "indicator"))
        try:
            count = services.review_focus_set(
                review=review, outcome_ids=chosen[0], rating_ids=chosen[1], actor=request.user
            )
        except ValidationError as error:
            errors = {
                name: [m for e in found for m in e.messages]
                for name, found in error.error_dict.items()
            }
        else:
            messages.success(
                request,
                f"This year's focus is saved ({count} changes)." if count else "Nothing changed.",
            )
            return redirect("reviews:review", partnership=partnership, review_id=review.pk)
    choices = focus_choices(review)
    if chosen is not None:  # show what was ticked, not what is stored
        for _, outcomes in choices:
            for row in outcomes:
                row.in_focus = row.outcome.pk in chosen[0]
                for rating in row.ratings:
                    rating.in_focus = rating.pk in chosen[1]
    return render(
        request,
        "reviews/focus.html",
        {
            "review": review,
            "choices": choices,
            "coverage": coverage(review),
            "errors": errors,
            "error_list": [
                (f"#{name}", message) for name, found in errors.items() for message in found
            ],
        },
    )


def coverage_plan(request: HttpRequest, partnership: str) -> HttpResponse:
    plan = CoveragePlan.objects.filter(partnership=request.partnership).first()
    form = CoveragePlanForm(request.POST or None, instance=plan)
    back = request.GET.get("review", "")
    cancel = (
        reverse("reviews:focus", args=[partnership, int(back)])
        if back.isdigit()
        else reverse("reviews:list", args=[partnership])
    )
    if request.method == "POST" and form.is_valid():
        services.coverage_plan_save(
            partnership=request.partnership, values=model_values(form), actor=request.user
        )
        messages.success(request, "The coverage plan is saved.")
        return redirect(cancel)
    return form_page(
        request,
        form,
        title="Coverage plan",
        lead="A proportionate review looks at some outcomes each year. The plan says how many "
        "years your reviews take, between them, to look at all 16; each review's focus page "
        "then shows what is still to cover, and warns in the plan's last year.",
        cancel=cancel,
    )

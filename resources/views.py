"""Resources pages: the years, one year's tables and charts, adding and removing rows, and
the adequacy questions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from surveys.adequacy import adequacy_answers, survey_for_year
from surveys.services import results_shown_mark
from trust.versioning import EditConflict, conflict_response, expected_version, model_values
from ui.charts import inline_svg
from ui.pages import form_page

from . import services
from .forms import LINE_FORMS, LINE_TITLES, AdequacyForm, YearForm
from .models import LINE_MODELS, ResourceYear
from .selectors import contributions_chart, spend_chart, year_summary


def years(request: HttpRequest, partnership: str) -> HttpResponse:
    form = YearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            year = services.resource_year_start(
                partnership=request.partnership,
                year=form.cleaned_data["year"],
                from_last_year=form.cleaned_data["from_last_year"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error("year", error.message_dict["year"])
        else:
            messages.success(request, f"{year} has been started.")
            return redirect("resources:year", partnership=partnership, year_id=year.pk)
    return render(
        request,
        "resources/years.html",
        {
            "years": ResourceYear.objects.all(),
            "form": form,
            "can_edit": request.can("resources:line_add"),
        },
    )


def year_detail(request: HttpRequest, partnership: str, year_id: int) -> HttpResponse:
    year = get_object_or_404(ResourceYear, pk=year_id)
    summary = year_summary(year)
    wave = survey_for_year(year.year)
    if wave is not None:
        results_shown_mark(wave)  # its figures are now seen: they fix its smallest group
    return render(
        request,
        "resources/year.html",
        {
            "summary": summary,
            "year": year,
            "contributions": year.contributions.select_related("partner_body"),
            "others": year.others.all(),
            "spending": year.spending.all(),
            "posts": year.posts.all(),
            "contributions_svg": inline_svg(contributions_chart(summary))
            if summary.sectors
            else "",
            "spend_svg": inline_svg(spend_chart(summary)) if summary.spend else "",
            "can_edit": request.can("resources:line_add"),
            "wave": wave,
            "adequacy": adequacy_answers(wave) if wave else None,
            "own": [(question, answer) for question, answer, _ in summary.adequacy],
        },
    )


def line_add(request: HttpRequest, partnership: str, year_id: int, line: str) -> HttpResponse:
    year = get_object_or_404(ResourceYear, pk=year_id)
    if line not in LINE_FORMS:
        raise Http404("No such kind of row.")
    extra = {"partnership": request.partnership} if line == "contribution" else {}
    form = LINE_FORMS[line](request.POST or None, **extra)
    back = reverse("resources:year", args=[partnership, year.pk])
    if request.method == "POST" and form.is_valid():
        services.resource_line_add(
            year=year, line=LINE_MODELS[line], values=model_values(form), actor=request.user
        )
        messages.success(request, "Added.")
        return redirect(back)
    return form_page(request, form, title=LINE_TITLES[line], cancel=back, lead=str(year))


def line_delete(
    request: HttpRequest, partnership: str, year_id: int, line: str, row_id: int
) -> HttpResponse:
    if line not in LINE_MODELS:
        raise Http404("No such kind of row.")
    row = get_object_or_404(LINE_MODELS[line], pk=row_id, year_id=year_id)
    services.resource_line_delete(row=row, actor=request.user)
    messages.success(request, f"“{row}” has been removed.")
    return redirect("resources:year", partnership=partnership, year_id=year_id)


def adequacy(request: HttpRequest, partnership: str, year_id: int) -> HttpResponse:
    year = get_object_or_404(ResourceYear, pk=year_id)
    form = AdequacyForm(request.POST or None, instance=year)
    back = reverse("resources:year", args=[partnership, year.pk])
    title = f"Are resources adequate? ({year.year})"
    if request.method == "POST" and form.is_valid():
        try:
            services.adequacy_save(
                year=year,
                values=model_values(form),
                expected_version=expected_version(form),
                actor=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(request, form, conflict, title=title, cancel_url=back)
        messages.success(request, "The answers have been saved.")
        return redirect(back)
    return form_page(
        request,
        form,
        title=title,
        cancel=back,
        lead="The report's four questions (Table A11), with what is needed where the answer is no.",
    )

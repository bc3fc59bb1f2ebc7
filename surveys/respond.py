"""Answering a survey: no account, anonymous, a short page per statement category, saved page
by page and resumable with a code the respondent keeps.

The session holds, until the response is sent, which response this browser is filling in and
(for a personal link) the invitation's token; both are removed on sending. Nothing about the
browser or its address is stored with the response; the rate limit lives only in the cache.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_scopes import scope, scopes_disabled

from trust.ratelimit import allow
from ui.pages import form_page

from . import services
from .forms import PageForm, ProfileForm, ResourcesForm, ResumeForm
from .models import ResourceAnswer, Response, Wave
from .results import options, profile_questions
from .retention import ANSWERS_KEPT_YEARS

SESSION = "survey_responses"
INVITES = "survey_invitations"


def _with_wave(view):
    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args, **kwargs):
        with scopes_disabled():
            wave = (
                Wave.objects.select_related("partnership", "edition")
                .filter(link_token=token)
                .first()
            )
        if wave is None:
            raise Http404("No such survey.")
        with scope(partnership=wave.partnership):
            return view(request, wave, *args, **kwargs)

    return wrapped


def _current(request: HttpRequest, wave: Wave) -> Response | None:
    response_id = request.session.get(SESSION, {}).get(wave.link_token)
    if not response_id:
        return None
    return wave.responses.filter(pk=response_id, submitted=False).first()


def _remember(request: HttpRequest, wave: Wave, response: Response) -> None:
    request.session[SESSION] = request.session.get(SESSION, {}) | {
        wave.link_token: str(response.pk)
    }


def _forget(request: HttpRequest, wave: Wave) -> None:
    for key in (SESSION, INVITES):
        stored = dict(request.session.get(key, {}))
        stored.pop(wave.link_token, None)
        request.session[key] = stored


def _pages(wave: Wave) -> list:
    """The categories that have statements in this wave, in order, with their statements."""
    pages: dict = {}
    for statement in (
        wave.statements.filter(included=True)
        .select_related("category")
        .order_by("category__number", "number")
    ):
        pages.setdefault(statement.category, []).append(statement)
    return list(pages.items())


def _saved(response: Response, category, statements: list) -> dict:
    saved = {a.statement_id: a for a in response.answers.filter(statement__in=statements)}
    initial = {}
    for s in statements:
        answer = saved.get(s.pk)
        for field, _ in PageForm.QUESTIONS:
            initial[f"s{s.pk}_{field}"] = getattr(answer, field) if answer else None
    comment = response.comments.filter(category=category).first()
    initial["comment"] = comment.text if comment else ""
    return initial


def _closed_page(request: HttpRequest, wave: Wave) -> HttpResponse:
    return render(request, "surveys/respond/not_open.html", {"wave": wave, "status": wave.status()})


def _too_many(request: HttpRequest, wave: Wave) -> HttpResponse:
    return render(request, "surveys/respond/too_many.html", {"wave": wave}, status=429)


@_with_wave
def start(request: HttpRequest, wave: Wave) -> HttpResponse:
    if not wave.is_open:
        return _closed_page(request, wave)
    invited = wave.link_token in request.session.get(INVITES, {})
    if wave.mode == Wave.Mode.INVITATIONS and not invited:
        return render(request, "surveys/respond/invitation_needed.html", {"wave": wave})
    current = _current(request, wave)
    if request.method == "POST":
        if current is not None:
            return redirect("survey_respond:page", token=wave.link_token, number=0)
        if not allow(request, "survey-start", limit=20, seconds=3600):
            return _too_many(request, wave)
        response, code = services.response_start(wave=wave)
        _remember(request, wave, response)
        return render(request, "surveys/respond/code.html", {"wave": wave, "code": code})
    return render(
        request,
        "surveys/respond/start.html",
        {
            "wave": wave,
            "current": current,
            "statement_count": wave.statements.filter(included=True).count(),
            "kept_years": ANSWERS_KEPT_YEARS,
        },
    )


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    with scopes_disabled():
        found = services.invitation_by_token(token)
    if found is None:
        raise Http404("This link is not valid. It may have been replaced by a reminder.")
    wave = found.wave
    if found.completed:
        return render(request, "surveys/respond/already.html", {"wave": wave})
    request.session[INVITES] = request.session.get(INVITES, {}) | {wave.link_token: token}
    return redirect("survey_respond:start", token=wave.link_token)


@_with_wave
def resume(request: HttpRequest, wave: Wave) -> HttpResponse:
    if not wave.is_open:
        return _closed_page(request, wave)
    form = ResumeForm(request.POST or None)
    if request.method == "POST":
        if not allow(request, "survey-resume", limit=10, seconds=900):
            return _too_many(request, wave)
        if form.is_valid():
            response = services.response_resume(wave=wave, code=form.cleaned_data["code"])
            if response is not None:
                _remember(request, wave, response)
                return redirect("survey_respond:page", token=wave.link_token, number=0)
            form.add_error(
                "code", "That code does not match an unfinished response to this survey."
            )
    return form_page(
        request,
        form,
        title="Continue your answers",
        caption=wave.title,
        lead="Enter the code you were given when you started. Your saved answers will come back.",
    )


@_with_wave
def page(request: HttpRequest, wave: Wave, number: int) -> HttpResponse:
    if not wave.is_open:
        return _closed_page(request, wave)
    response = _current(request, wave)
    if response is None:
        messages.info(request, "Start the survey, or continue with your code.")
        return redirect("survey_respond:start", token=wave.link_token)
    pages = _pages(wave)
    extra = 1 if wave.asks_resources else 0
    if number < 0 or number > len(pages) + extra:
        raise Http404("No such page.")
    total = len(pages) + 2 + extra
    if request.method == "POST" and not allow(request, "survey-save", limit=300, seconds=3600):
        return _too_many(request, wave)
    if number == len(pages) + 1:
        return _resources_page(request, wave, response, number, total)
    if number == 0:
        return _profile_page(request, wave, response, pages, total)
    category, statements = pages[number - 1]
    # A posted page shows what was posted; only a page opened afresh shows what is saved.
    initial = {} if request.method == "POST" else _saved(response, category, statements)
    section = category.section
    form = PageForm(
        request.POST or None,
        statements=statements,
        options=options(wave),
        comment_label=f"How have changes since LSCPs were introduced affected {section} in "
        "your area? Tell us about successful or innovative practice, and barriers or "
        "challenges.",
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.response_page_save(
                response=response,
                category=category,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _next(wave, number, pages)
    title = category.name
    return render(
        request,
        "surveys/respond/page.html",
        {
            "wave": wave,
            "form": form,
            "title": title,
            "statements": statements,
            "number": number,
            "step": number + 1,
            "total": total,
            "previous": number - 1,
        },
    )


def _profile_page(request, wave: Wave, response, pages: list, total: int) -> HttpResponse:
    questions = profile_questions(wave)
    initial = {q["key"]: getattr(response, q["key"]) for q in questions}
    form = ProfileForm(request.POST or None, questions=questions, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.response_profile_save(response=response, profile=form.cleaned_data)
        return _next(wave, 0, pages)
    return render(
        request,
        "surveys/respond/page.html",
        {
            "wave": wave,
            "form": form,
            "title": "About you",
            "statements": None,
            "number": 0,
            "step": 1,
            "total": total,
            "previous": None,
        },
    )


def _resources_page(request, wave: Wave, response, number: int, total: int) -> HttpResponse:
    """The optional last page: the report's Table A11 questions and what else is needed."""
    saved = getattr(response, "resources", None) if request.method != "POST" else None
    initial = {}
    if saved is not None:
        initial = {name: getattr(saved, name) for name, _ in ResourceAnswer.QUESTIONS}
        initial["needed"] = saved.needed
    form = ResourcesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.response_resources_save(response=response, values=form.cleaned_data)
        return redirect("survey_respond:check", token=wave.link_token)
    return render(
        request,
        "surveys/respond/page.html",
        {
            "wave": wave,
            "form": form,
            "title": "Resources",
            "statements": None,
            "number": number,
            "step": number + 1,
            "total": total,
            "previous": number - 1,
        },
    )


def _next(wave: Wave, number: int, pages: list) -> HttpResponse:
    if number >= len(pages) + (1 if wave.asks_resources else 0):
        return redirect("survey_respond:check", token=wave.link_token)
    return redirect("survey_respond:page", token=wave.link_token, number=number + 1)


@_with_wave
def check(request: HttpRequest, wave: Wave) -> HttpResponse:
    if not wave.is_open:
        return _closed_page(request, wave)
    response = _current(request, wave)
    if response is None:
        return redirect("survey_respond:start", token=wave.link_token)
    if request.method == "POST":
        try:
            services.response_submit(
                response=response,
                invitation_token=request.session.get(INVITES, {}).get(wave.link_token),
            )
        except ValidationError:
            return _closed_page(request, wave)
        _forget(request, wave)
        return redirect("survey_respond:done", token=wave.link_token)
    pages = _pages(wave)
    answered = set(response.answers.values_list("statement_id", flat=True))
    summary = [
        (index, category, sum(1 for s in statements if s.pk in answered), len(statements))
        for index, (category, statements) in enumerate(pages, start=1)
    ]
    extra = 1 if wave.asks_resources else 0
    resources = getattr(response, "resources", None) if extra else None
    return render(
        request,
        "surveys/respond/check.html",
        {
            "wave": wave,
            "summary": summary,
            "resources_page": len(pages) + 1 if extra else None,
            "resources_given": sum(
                bool(getattr(resources, name)) for name, _ in ResourceAnswer.QUESTIONS
            )
            if resources
            else 0,
            "profile_given": any(getattr(response, q["key"]) for q in profile_questions(wave)),
            "step": len(pages) + 2 + extra,
            "total": len(pages) + 2 + extra,
        },
    )


@_with_wave
def done(request: HttpRequest, wave: Wave) -> HttpResponse:
    return render(request, "surveys/respond/done.html", {"wave": wave})

"""A participant's evaluation of a training session: no account, anonymous, one short page
reached by the session's link (given out at the session).

Nothing about the participant, their browser, their address or the time is stored with the
evaluation. The browser's session remembers only that it has sent one for this session, so the
same person is not asked twice; the rate limit counts under a keyed hash of the address."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_scopes import scope, scopes_disabled

from trust.ratelimit import allow
from ui.pages import apply_errors

from . import services
from .forms import EvaluationForm
from .models import TrainingSession
from .selectors import EVALUATION_MINIMUM
from .services import ANSWERS_KEPT_YEARS

SENT = "training_evaluations_sent"
# Per address: a training room may share one address, so this is generous.
SEND_LIMIT = (120, 60 * 60)


def _with_session(view):
    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args, **kwargs):
        with scopes_disabled():
            found = (
                TrainingSession.objects.select_related("partnership")
                .filter(evaluation_token=token)
                .first()
            )
        if found is None:
            raise Http404("No such training session.")
        with scope(partnership=found.partnership):
            return view(request, found, *args, **kwargs)

    return wrapped


@_with_session
def form(request: HttpRequest, session: TrainingSession) -> HttpResponse:
    status = session.evaluation_status()
    if status != "open":
        return render(
            request, "training/evaluate/not_open.html", {"session": session, "status": status}
        )
    if session.evaluation_token in request.session.get(SENT, []):
        return redirect("training_evaluate:done", token=session.evaluation_token)
    form = EvaluationForm(request.POST or None)
    if request.method == "POST":
        if not allow(request, "training-evaluation", limit=SEND_LIMIT[0], seconds=SEND_LIMIT[1]):
            response = render(
                request, "training/evaluate/too_many.html", {"session": session}, status=429
            )
            response["Retry-After"] = "900"
            return response
        if form.is_valid():
            try:
                services.evaluation_send(session=session, values=form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                request.session[SENT] = [*request.session.get(SENT, []), session.evaluation_token]
                return redirect("training_evaluate:done", token=session.evaluation_token)
    return render(
        request,
        "training/evaluate/form.html",
        {
            "session": session,
            "form": form,
            "minimum": EVALUATION_MINIMUM,
            "kept_years": ANSWERS_KEPT_YEARS,
        },
    )


@_with_session
def done(request: HttpRequest, session: TrainingSession) -> HttpResponse:
    return render(request, "training/evaluate/done.html", {"session": session})

"""The one access policy: who may GET and POST each URL, enforced for every request.

`POLICY` maps every URL name to a `Rule`. `AccessPolicyMiddleware` looks the resolved URL up
before any view runs, so a new page cannot forget its checks:

* no row for the URL name: the request fails (and the access-matrix test fails);
* a method the row does not allow: 405;
* not signed in, for anything but a public page: sent to sign in;
* signed in with a password but not yet with a second factor, for anything but the sign-in
  steps themselves (`PASSWORD_ONLY`): sent to the two-factor step;
* a partnership URL (`/p/<partnership>/...`) for someone who is not a member: 404, exactly as
  if the partnership did not exist, so other partnerships cannot even be discovered;
* a member without one of the row's roles: 403.

For partnership URLs the view runs inside `django_scopes.scope(partnership=...)`, and the
request carries `partnership`, `membership` and `roles`.

The same table answers "may this person use that page?" wherever a page offers a link, a
button or a form: `can(request, name, obj)` in Python (`request.can(name, obj)` in the apps'
views, which cannot import this module) and `{% can name obj as allowed %}` in templates
(`macs/templatetags/access.py`). A row may name an object rule (`object_rule`): a predicate
of the `rules` package, defined in the app's `rules.py`, taking the request and the object
("rate only what is assigned to you", "only your own group").
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from functools import partial
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_scopes import scope, scopes_disabled
from rules import test_rule

from accounts import two_factor
from audit.events import Event, record
from partnerships.roles import (
    ALL_ROLES,
    BUSINESS_MANAGER_ONLY,
    LEAD_ROLES,
    MANAGER_ROLES,
    SIGN_OFF_ROLES,
    STAFF_ROLES,
    Role,
)

PUBLIC = "public"  # anyone, signed in or not
PASSWORD_ONLY = "password only"  # noqa: S105 (not a password) signed in with a password; the second factor is still to come
SIGNED_IN = "signed in"  # signed in with both factors, no partnership involved
PLATFORM_STAFF = "platform staff"  # Django admin; it checks is_staff itself
NATIONAL = "national viewer"  # signed in with both factors, and a national viewer

Audience = str | frozenset[Role] | None  # None: the method is not allowed


@dataclass(frozen=True)
class Rule:
    get: Audience
    post: Audience = None
    # A `rules` predicate (request, object) that may still refuse (403) one object to a listed
    # role, e.g. an indicator not assigned to this person. The access matrix accepts 403 there.
    object_rule: str = ""

    @property
    def per_object(self) -> bool:
        return bool(self.object_rule)

    def audience(self, method: str) -> Audience:
        if method in ("GET", "HEAD"):
            return self.get
        if method == "POST":
            return self.post
        return None

    def allowed_methods(self) -> list[str]:
        methods = ["GET", "HEAD"] if self.get is not None else []
        return methods + (["POST"] if self.post is not None else [])


MEMBERS = ALL_ROLES
STAFF = STAFF_ROLES
MANAGERS = MANAGER_ROLES
BUSINESS_MANAGER = BUSINESS_MANAGER_ONLY
AUDITORS = frozenset({Role.BUSINESS_MANAGER, Role.INDEPENDENT_SCRUTINEER})
# Everyone who may add to the partnership's records (observers only look).
CONTRIBUTORS = STAFF_ROLES - {Role.OBSERVER}
# Who acts in a joint sign-off: the business manager asks and reopens; partners sign.
SIGNERS = SIGN_OFF_ROLES
LEADS = LEAD_ROLES
# Who may record feedback: staff who add to records, and young scrutineers for their group.
VOICES = CONTRIBUTORS | {Role.YOUNG_SCRUTINEER}
CHALLENGERS = MANAGERS | {Role.INDEPENDENT_SCRUTINEER}

POLICY: dict[str, Rule] = {
    # Service pages
    "help": Rule(PUBLIC),
    "cookies": Rule(PUBLIC),
    "privacy": Rule(PUBLIC),
    "accessibility": Rule(PUBLIC),
    "admin_login": Rule(PUBLIC),
    "admin:*": Rule(PLATFORM_STAFF, PLATFORM_STAFF),
    # Accounts
    "accounts:login": Rule(PUBLIC, PUBLIC),
    "accounts:two_factor": Rule(PASSWORD_ONLY, PASSWORD_ONLY),
    "accounts:two_factor_setup": Rule(PASSWORD_ONLY, PASSWORD_ONLY),
    "accounts:recovery_codes": Rule(SIGNED_IN, SIGNED_IN),
    "accounts:logout": Rule(None, PASSWORD_ONLY),
    "accounts:session": Rule(PUBLIC, PUBLIC),
    "accounts:account": Rule(SIGNED_IN, SIGNED_IN),
    "accounts:reauthenticate": Rule(SIGNED_IN, SIGNED_IN),
    "accounts:email_change": Rule(SIGNED_IN, SIGNED_IN),
    "accounts:email_confirm": Rule(SIGNED_IN, SIGNED_IN),
    "accounts:your_data": Rule(SIGNED_IN, SIGNED_IN),
    "accounts:password_reset": Rule(PUBLIC, PUBLIC),
    "accounts:password_reset_done": Rule(PUBLIC),
    "accounts:password_reset_confirm": Rule(PUBLIC, PUBLIC),
    "accounts:password_reset_complete": Rule(PUBLIC),
    # Partnerships and people
    "partnerships:chooser": Rule(SIGNED_IN),
    "partnerships:invitation": Rule(PUBLIC, PUBLIC),
    "partnerships:home": Rule(MEMBERS),
    "partnerships:about": Rule(STAFF),
    "partnerships:about_edit": Rule(BUSINESS_MANAGER, BUSINESS_MANAGER),
    "partnerships:partner_body_add": Rule(BUSINESS_MANAGER, BUSINESS_MANAGER),
    "partnerships:partner_body_edit": Rule(BUSINESS_MANAGER, BUSINESS_MANAGER),
    "partnerships:agencies": Rule(STAFF),
    "partnerships:agency_add": Rule(MANAGERS, MANAGERS),
    "partnerships:agencies_import": Rule(MANAGERS, MANAGERS),
    "partnerships:agency_edit": Rule(MANAGERS, MANAGERS),
    "partnerships:agency_delete": Rule(MANAGERS, MANAGERS),
    "partnerships:subgroups": Rule(STAFF),
    "partnerships:subgroup_detail": Rule(STAFF),
    "partnerships:subgroup_add": Rule(MANAGERS, MANAGERS),
    "partnerships:subgroup_edit": Rule(MANAGERS, MANAGERS),
    "partnerships:subgroup_delete": Rule(MANAGERS, MANAGERS),
    "partnerships:deleted": Rule(MANAGERS),
    "partnerships:restore": Rule(None, MANAGERS),
    "partnerships:people": Rule(STAFF),
    "partnerships:person": Rule(STAFF, BUSINESS_MANAGER),
    "partnerships:role_remove": Rule(None, BUSINESS_MANAGER),
    "partnerships:person_remove": Rule(BUSINESS_MANAGER, BUSINESS_MANAGER),
    "partnerships:person_two_factor_reset": Rule(BUSINESS_MANAGER, BUSINESS_MANAGER),
    "partnerships:invite": Rule(BUSINESS_MANAGER, BUSINESS_MANAGER),
    # Audit trail: the business manager and the independent scrutineer
    "audit:trail": Rule(AUDITORS),
    "audit:export": Rule(AUDITORS),
    # Document library
    "files:library": Rule(STAFF),
    "files:upload": Rule(MANAGERS, MANAGERS),
    "files:download": Rule(STAFF),
    "files:delete": Rule(None, MANAGERS),
    "files:restore": Rule(None, MANAGERS),
    # Notifications (anyone may dismiss their own)
    "notifications:dismiss": Rule(None, MEMBERS),
    # A version put up for sign-off, in full and as stored: everyone who reads sign-off pages
    "signoff:version": Rule(STAFF),
    "signoff:version_download": Rule(STAFF),
    "reviews:import": Rule(MANAGERS, MANAGERS),
    # Evidence register
    "evidence:register": Rule(STAFF),
    "evidence:detail": Rule(STAFF),
    "evidence:add": Rule(CONTRIBUTORS, CONTRIBUTORS),
    "evidence:edit": Rule(CONTRIBUTORS, CONTRIBUTORS),
    "evidence:delete": Rule(None, MANAGERS),
    # Effectiveness reviews (who may rate which indicator is checked per object)
    "reviews:list": Rule(STAFF, BUSINESS_MANAGER),
    "reviews:local_indicators": Rule(STAFF, BUSINESS_MANAGER),
    "reviews:review": Rule(STAFF),
    "reviews:rating": Rule(STAFF, CONTRIBUTORS, object_rule="reviews.rate_rating"),
    "reviews:judgement": Rule(STAFF, MANAGERS),
    "reviews:assign": Rule(MANAGERS, MANAGERS),
    "reviews:focus": Rule(MANAGERS, MANAGERS),
    "reviews:coverage_plan": Rule(MANAGERS, MANAGERS),
    "reviews:tree": Rule(STAFF),
    "reviews:sign_off": Rule(STAFF, SIGNERS),
    "reviews:export": Rule(STAFF),
    # Monitors
    "monitoring:list": Rule(STAFF),
    "monitoring:detail": Rule(STAFF),
    "monitoring:add": Rule(MANAGERS, MANAGERS),
    "monitoring:edit": Rule(MANAGERS, MANAGERS),
    "monitoring:import": Rule(MANAGERS, MANAGERS),
    # Partnership survey: staff read results of closed waves; the business unit runs waves
    "surveys:list": Rule(STAFF),
    "surveys:add": Rule(MANAGERS, MANAGERS),
    "surveys:wave": Rule(STAFF),
    "surveys:edit": Rule(MANAGERS, MANAGERS),
    "surveys:statements": Rule(MANAGERS, MANAGERS),
    "surveys:statement_add": Rule(MANAGERS, MANAGERS),
    "surveys:mapping": Rule(MANAGERS, MANAGERS),
    "surveys:invitations": Rule(MANAGERS, MANAGERS),
    "surveys:results": Rule(STAFF),
    "surveys:breakdown": Rule(STAFF),
    "surveys:profile": Rule(STAFF),
    "surveys:comments": Rule(STAFF, MANAGERS),
    "surveys:comment": Rule(MANAGERS, MANAGERS),
    "surveys:export": Rule(STAFF),
    "surveys:import": Rule(MANAGERS, MANAGERS),
    # Answering a survey: anyone with the link, no account (rate-limited in the views)
    "survey_respond:invitation": Rule(PUBLIC),
    "survey_respond:start": Rule(PUBLIC, PUBLIC),
    "survey_respond:resume": Rule(PUBLIC, PUBLIC),
    "survey_respond:page": Rule(PUBLIC, PUBLIC),
    "survey_respond:check": Rule(PUBLIC, PUBLIC),
    "survey_respond:done": Rule(PUBLIC),
    # Meetings: the business unit records them; staff read them and the representation
    "meetings:list": Rule(STAFF),
    "meetings:add": Rule(MANAGERS, MANAGERS),
    "meetings:meeting": Rule(STAFF, MANAGERS),
    "meetings:edit": Rule(MANAGERS, MANAGERS),
    "meetings:representation": Rule(STAFF),
    "meetings:seniority": Rule(MANAGERS, MANAGERS),
    "training:list": Rule(STAFF),
    "training:add": Rule(MANAGERS, MANAGERS),
    "training:year": Rule(STAFF),
    "training:session": Rule(STAFF, MANAGERS),
    "training:edit": Rule(MANAGERS, MANAGERS),
    # Participants evaluating a session: anyone with its link, no account (rate-limited)
    "training_evaluate:form": Rule(PUBLIC, PUBLIC),
    "training_evaluate:done": Rule(PUBLIC),
    # Our theory of change: the business unit writes it; staff read; partners agree it
    "theory:list": Rule(STAFF),
    "theory:start": Rule(MANAGERS, MANAGERS),
    "theory:year": Rule(STAFF),
    "theory:context": Rule(MANAGERS, MANAGERS),
    "theory:activity_add": Rule(MANAGERS, MANAGERS),
    "theory:activity": Rule(STAFF, MANAGERS),
    "theory:resource_add": Rule(MANAGERS, MANAGERS),
    "theory:resource": Rule(STAFF, MANAGERS),
    "theory:factor_add": Rule(MANAGERS, MANAGERS),
    "theory:factor": Rule(STAFF, MANAGERS),
    "theory:sign_off": Rule(STAFF, SIGNERS),
    # Priority planning: the business unit plans; staff read; contributors record progress
    "planning:list": Rule(STAFF),
    "planning:add": Rule(MANAGERS, MANAGERS),
    "planning:priority": Rule(STAFF),
    "planning:step": Rule(STAFF, MANAGERS),
    "planning:outcome": Rule(STAFF, MANAGERS),
    "planning:progress": Rule(STAFF, CONTRIBUTORS),
    "planning:activity": Rule(STAFF, MANAGERS),
    "planning:resource": Rule(STAFF, MANAGERS),
    "planning:tree": Rule(STAFF),
    "planning:logic_model": Rule(STAFF),
    "planning:word": Rule(STAFF),
    "planning:sign_off": Rule(STAFF, SIGNERS),
    # Learning and actions (the business unit keeps the log; leads respond to escalations)
    "actions:log": Rule(STAFF),
    "actions:action_add": Rule(MANAGERS, MANAGERS),
    "actions:import": Rule(MANAGERS, MANAGERS),
    "actions:action": Rule(STAFF, MANAGERS | LEADS),
    "actions:action_edit": Rule(MANAGERS, MANAGERS),
    "actions:source_add": Rule(MANAGERS, MANAGERS),
    "actions:source": Rule(STAFF, MANAGERS),
    # Challenge log: the business unit and the independent scrutineer record challenges
    "actions:challenges": Rule(STAFF),
    "actions:challenge_add": Rule(CHALLENGERS, CHALLENGERS),
    "actions:challenge": Rule(CHALLENGERS, CHALLENGERS),
    # Participation: groups see their own feedback and responses; the business unit responds
    "participation:voices": Rule(MEMBERS),
    "participation:feedback_add": Rule(VOICES, VOICES),
    "participation:feedback": Rule(MEMBERS, MANAGERS, object_rule="participation.see_feedback"),
    "participation:group": Rule(MEMBERS, object_rule="participation.see_group"),
    "participation:group_add": Rule(MANAGERS, MANAGERS),
    "participation:group_edit": Rule(MANAGERS, MANAGERS),
    "participation:diversity": Rule(MANAGERS, MANAGERS),
    "participation:publish": Rule(MANAGERS, MANAGERS),
    "participation:public": Rule(PUBLIC),
    "participation:public_easy": Rule(PUBLIC),
    # Workshops: the business unit facilitates; staff read boards and exports
    "participation:workshops": Rule(STAFF),
    "participation:workshop_add": Rule(MANAGERS, MANAGERS),
    "participation:workshop": Rule(STAFF, MANAGERS),
    "participation:promote": Rule(MANAGERS, MANAGERS),
    "participation:export": Rule(STAFF),
    # Workshop guests: anyone with the code, no account (rate-limited in the views)
    "workshop_guest:join": Rule(PUBLIC, PUBLIC),
    "workshop_guest:board": Rule(PUBLIC, PUBLIC),
    # Resources: staff read; the business unit keeps the figures
    "resources:years": Rule(STAFF, MANAGERS),
    "resources:year": Rule(STAFF),
    "resources:adequacy": Rule(MANAGERS, MANAGERS),
    "resources:line_add": Rule(MANAGERS, MANAGERS),
    "resources:line_delete": Rule(None, MANAGERS),
    # Yearly reports: staff read and preview; the business unit writes and makes files;
    # partners sign off; the business manager publishes
    "reports:list": Rule(STAFF, MANAGERS),
    "reports:report": Rule(STAFF),
    "reports:edit": Rule(MANAGERS, MANAGERS),
    "reports:section_add": Rule(MANAGERS, MANAGERS),
    "reports:section": Rule(MANAGERS, MANAGERS),
    "reports:preview": Rule(STAFF),
    "reports:generate": Rule(None, MANAGERS),
    "reports:sign_off": Rule(STAFF, SIGNERS),
    "reports:publish": Rule(None, BUSINESS_MANAGER),
    "reports:withdraw": Rule(None, BUSINESS_MANAGER),
    "reports:theory_file": Rule(STAFF),
    "reports:public": Rule(PUBLIC),
    "reports:public_file": Rule(PUBLIC),
    # The national picture: national viewers only; sharing is the business manager's choice
    "national:picture": Rule(NATIONAL),
    "national:outcome": Rule(NATIONAL),
    "national:share": Rule(BUSINESS_MANAGER, BUSINESS_MANAGER),
    # The MACS framework: readable by everyone in the partnership
    "framework:easy_read": Rule(PUBLIC),
    "framework:tree": Rule(MEMBERS),
    "framework:tree_png": Rule(MEMBERS),
    "framework:category": Rule(MEMBERS),
    "framework:part_list": Rule(MEMBERS),
    "framework:part_detail": Rule(MEMBERS),
    "framework:glossary": Rule(MEMBERS),
    "framework:print": Rule(MEMBERS),
}


def rule_for(view_name: str) -> Rule:
    """The policy row for a URL name (a namespace-wide row such as "admin:*" also counts)."""
    if view_name in POLICY:
        return POLICY[view_name]
    namespace = view_name.split(":", 1)[0]
    if f"{namespace}:*" in POLICY:
        return POLICY[f"{namespace}:*"]
    raise ImproperlyConfigured(
        f"No access policy row for URL name {view_name!r} in macs/access.py."
    )


def can(request: HttpRequest, name: str, obj=None, *, method: str | None = None) -> bool:
    """May the person behind `request` use the page called `name`: GET it (or POST to it,
    when it has no GET or `method="POST"`), and, given `obj`, act on that object (the row's
    object rule)? Partnership pages are judged for the partnership of the current request.

    A dotted name ("actions.escalate") is a rule of an app's rules.py for something a page
    offers that has no address of its own (escalating an action on the action's page)."""
    if "." in name:
        return bool(getattr(request, "roles", None)) and test_rule(name, request, obj)
    rule = rule_for(name)
    method = (method or ("GET" if rule.get is not None else "POST")).upper()
    audience = rule.audience(method)
    if audience is None:
        return False
    step = next_step(request, audience)
    if step is Step.ROLES:
        step = Step.IN if getattr(request, "roles", frozenset()) & audience else Step.REFUSED
    if step is Step.IN and audience == PLATFORM_STAFF and not request.user.is_staff:
        step = Step.REFUSED  # the admin would refuse them itself
    if step is not Step.IN:
        return False
    if obj is not None and rule.object_rule:
        return test_rule(rule.object_rule, request, obj)
    return True


class Step(Enum):
    """Where the ladder leaves a person for an audience (see `next_step`)."""

    IN = "in"
    SIGN_IN = "sign in"
    SECOND_FACTOR = "second factor"
    REFUSED = "refused"
    ROLES = "roles"  # a partnership audience: their roles in that partnership decide


def next_step(request: HttpRequest, audience) -> Step:
    """The one ladder both the middleware and `can` climb: public, signed in with a password,
    with the second factor too, then the audience's own test."""
    if audience == PUBLIC:
        return Step.IN
    if not request.user.is_authenticated:
        return Step.SIGN_IN
    if audience == PASSWORD_ONLY:
        return Step.IN
    if not two_factor.is_verified(request):
        return Step.SECOND_FACTOR
    if audience == NATIONAL and not request.user.is_national_viewer:
        return Step.REFUSED
    if isinstance(audience, frozenset):
        return Step.ROLES
    return Step.IN


def membership_for(user, slug: str):
    """The user's membership of the partnership called `slug`, with the partnership and the
    roles (two queries), or None."""
    from partnerships.models import Membership

    with scopes_disabled():
        membership = (
            Membership.objects.select_related("partnership", "agency")
            .prefetch_related("roles")
            .filter(partnership__slug=slug, user=user)
            .first()
        )
    if membership is not None:
        membership.user = user  # already loaded by the authentication middleware
    return membership


@contextmanager
def member_of(request: HttpRequest, membership):
    """Read as `membership` inside its partnership: the request carries that partnership,
    membership and roles (so `request.can` answers for them) and the partnership's scope is
    active, exactly as on one of its own pages; both are put back afterwards. For a page
    outside /p/<slug>/ that shows something from each of a person's partnerships."""
    names = ("partnership", "membership", "roles")
    saved = {name: getattr(request, name) for name in names if hasattr(request, name)}
    try:
        with scope(partnership=membership.partnership):
            request.partnership = membership.partnership
            request.membership = membership
            request.roles = frozenset(Role(r.role) for r in membership.roles.all())
            yield request
    finally:
        for name in names:
            if name in saved:
                setattr(request, name, saved[name])
            elif hasattr(request, name):
                delattr(request, name)


def refused_access(request: HttpRequest, partnership, reason: str) -> None:
    """Audit a signed-in person being turned away from a partnership's page."""
    record(
        Event.REFUSED_ACCESS,
        actor=request.user,
        partnership=partnership,
        detail={"path": request.path, "method": request.method, "reason": reason},
    )


class AccessPolicyMiddleware:
    """Apply `POLICY` to every request before its view runs (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.can = partial(can, request)
        request.member_of = partial(member_of, request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        rule = rule_for(match.view_name)
        audience = rule.audience(request.method)
        if audience is None:
            return HttpResponseNotAllowed(rule.allowed_methods())
        step = next_step(request, audience)
        if step is Step.SIGN_IN:
            return redirect_to_login(request.get_full_path())
        if step is Step.SECOND_FACTOR:
            return redirect(
                f"{reverse('accounts:two_factor')}?{urlencode({'next': request.get_full_path()})}"
            )
        if step is Step.REFUSED:
            return self._render_exception(request, PermissionDenied())
        if step is Step.ROLES:
            slug = match.kwargs.get("partnership")
            if slug is None:
                raise ImproperlyConfigured(f"{match.view_name} has a role rule but no partnership.")
            return self._partnership_request(request, slug, audience)
        if audience == PLATFORM_STAFF:
            # The admin checks is_staff itself and works across partnerships.
            with scopes_disabled():
                return self.get_response(request)
        return self.get_response(request)

    def _partnership_request(self, request, slug: str, audience: frozenset[Role]) -> HttpResponse:
        from partnerships.models import Partnership

        membership = membership_for(request.user, slug)
        if membership is None:
            partnership = Partnership.objects.filter(slug=slug).first()
            if partnership is not None:
                refused_access(request, partnership, "not a member")
            return self._render_exception(request, Http404("No such partnership."))
        partnership = membership.partnership
        roles = frozenset(Role(r.role) for r in membership.roles.all())
        request.partnership = partnership
        request.membership = membership
        request.roles = roles
        if not roles & audience:
            refused_access(request, partnership, "role not allowed")
            return self._render_exception(request, PermissionDenied())
        with scope(partnership=partnership):
            return self.get_response(request)

    def _render_exception(self, request, exc: Exception) -> HttpResponse:
        # Render through Django's own handlers so 404 and 403 pages look like any other.
        from django.core.handlers.exception import response_for_exception

        return response_for_exception(request, exc)

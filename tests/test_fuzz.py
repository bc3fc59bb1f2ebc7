"""The bad-input harness: every registered form (and import) gets generated submissions.

For each one: no exception escapes (a server error), every rejection carries a specific
message naming the field (never Django's generic wording), and a rejected submission saves
nothing. The CI profile runs at least 200 examples per form; set HYPOTHESIS_PROFILE=dev for a
quick run.
"""

from __future__ import annotations

import importlib
import io
import os

import pytest
from crispy_forms.utils import render_crispy_form
from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django_scopes import scope, scopes_disabled
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from fuzzing.registry import FuzzContext, registered_form_classes, targets
from partnerships.roles import Role
from tests.conftest import ROLE_EMAILS
from trust.versioning import EditConflict
from ui.forms import GovukFormMixin, _is_generic

hsettings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
hsettings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hsettings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Every app's forms, and its registrations in the harness (fuzzing/<app>.py).
for app in settings.MACS_APPS:
    for module in (f"{app}.forms", f"fuzzing.{app}"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise

NASTY_TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "=cmd|' /C calc'!A0",
            "+1",
            "-1",
            "@SUM(A1)",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\x00",
            "Ünïcødé – “quotes” 🙂",
            "a" * 5000,
            "../../etc/passwd",
        ]
    ),
)


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@st.composite
def table_file(draw):
    """A CSV or Excel file with plausible and implausible rows, or random bytes."""
    cells = st.one_of(
        NASTY_TEXT,
        st.sampled_from(
            ["Health provider", "education", "Police", "2024-25", "England", "Age band"]
        ),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
    )
    header = draw(
        st.one_of(
            st.just(["name", "sector"]),
            st.just(["period", "value", "breakdown", "group", "series"]),
            st.just(["code", "rating", "commentary", "next steps"]),
            st.lists(NASTY_TEXT, min_size=0, max_size=3),
        )
    )
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=3), max_size=8))
    kind = draw(st.sampled_from(["csv", "xlsx", "bytes", "empty"]))
    if kind == "csv":
        import csv

        out = io.StringIO()
        writer = csv.writer(out)
        for row in [header, *rows]:
            writer.writerow([c.replace("\x00", "") for c in row])
        return SimpleUploadedFile("agencies.csv", out.getvalue().encode("utf-8"))
    if kind == "xlsx":
        clean = [[c.replace("\x00", "")[:200] for c in row] for row in [header, *rows]]
        try:
            content = _xlsx(clean)
        except Exception:  # openpyxl refuses some control characters: send bytes instead
            content = b"PK\x03\x04 broken"
        return SimpleUploadedFile("agencies.xlsx", content)
    if kind == "empty":
        return SimpleUploadedFile("empty.csv", b"")
    name = draw(st.sampled_from(["a.pdf", "b.png", "c.docx", "d.exe", "e.csv"]))
    return SimpleUploadedFile(name, draw(st.binary(max_size=600)))


@st.composite
def any_file(draw):
    from demo.files import minimal_pdf

    choice = draw(st.sampled_from(["pdf", "table", "bytes"]))
    if choice == "pdf":
        return SimpleUploadedFile("report.pdf", minimal_pdf([draw(st.text(max_size=40))]))
    if choice == "table":
        return draw(table_file())
    return SimpleUploadedFile(draw(NASTY_TEXT)[:100] or "x", draw(st.binary(max_size=600)))


def value_strategy(name: str, field: forms.Field):
    """Values for one field: valid-looking ones often, hostile ones too, sometimes missing."""
    if isinstance(field, forms.FileField):
        return st.none()
    if isinstance(field, forms.ChoiceField):
        return st.one_of(NASTY_TEXT, *_choices(field))
    for kind, strategy in PLAIN_VALUES:
        if isinstance(field, kind):
            return st.one_of(NASTY_TEXT, strategy)
    return NASTY_TEXT


# The first kind a field is wins: an email field is also a text field.
PLAIN_VALUES = (
    (forms.BooleanField, st.sampled_from(["on", "", "true", "false"])),
    (forms.IntegerField, st.integers(-(10**12), 10**12).map(str)),
    (forms.DateField, st.dates().map(lambda d: d.strftime("%d/%m/%Y"))),
    (forms.EmailField, st.emails().map(lambda e: e[:254])),
    (forms.CharField, st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=80)),
)


def _choices(field: forms.ChoiceField) -> list:
    """Real choices (several, for a multiple choice) and, for records, ids that are not."""
    if isinstance(field, forms.ModelChoiceField):
        pks = [str(o.pk) for o in field.queryset] if field.queryset is not None else []
        if isinstance(field, forms.ModelMultipleChoiceField):
            return [
                st.lists(st.sampled_from(pks or ["1"]), max_size=3),
                st.lists(st.integers(-5, 10**6).map(str), max_size=3),
            ]
        return [*([st.sampled_from(pks)] if pks else []), st.integers(-5, 10**9).map(str)]
    if isinstance(field, forms.MultipleChoiceField):
        values = [str(v) for v, _ in field.choices if v != ""]
        return [st.lists(st.sampled_from(values or ["x"]), max_size=3)]
    values = [str(v) for v, _ in field.choices]
    return [st.sampled_from(values)] if values else []


@st.composite
def submission(draw, form: forms.Form):
    data, files = {}, {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if isinstance(field, forms.FileField):
            if draw(st.booleans()):
                files[key] = draw(
                    table_file() if "import" in type(form).__name__.lower() else any_file()
                )
            continue
        if draw(st.integers(0, 9)) == 0:
            continue  # leave the field out altogether
        value = draw(value_strategy(name, field))
        if value is not None:
            data[key] = value
    return data, files


def owned_counts() -> dict[str, int]:
    with scopes_disabled():
        return {
            m._meta.label: m._base_manager.count()
            for m in apps.get_models()
            if m._meta.app_label in settings.MACS_APPS and m._meta.label != "audit.AuditEntry"
        }


def check_errors(form: forms.Form) -> None:
    for field, errors in form.errors.items():
        assert field == "__all__" or field in form.fields, field
        for message in errors:
            assert str(message).strip(), (field, "empty message")
            assert not _is_generic(message), (type(form).__name__, field, message)


TARGETS = targets()


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_fuzz_form_never_fails_and_explains(target, demo):
    from accounts.models import User

    northshire = demo["northshire"]
    actor = User.objects.get(email=ROLE_EMAILS[Role.BUSINESS_MANAGER])
    ctx = FuzzContext(partnership=northshire, actor=actor)

    with scope(partnership=northshire):
        blank = target.form_class(**target.build(ctx))

    # Every example rolls back to this point, so the counts before each one are these.
    before = owned_counts()

    @given(submission(blank))
    def run(payload):
        data, files = payload
        for upload in files.values():
            upload.seek(0)
        savepoint = transaction.savepoint()
        try:
            with scope(partnership=northshire):
                form = target.form_class(data=data, files=files, **target.build(ctx))
                if form.is_valid():
                    if target.submit is not None:
                        try:
                            result = target.submit(form, ctx)
                        except ValidationError as error:
                            # A refusal from the service must say what is wrong.
                            messages = error.messages
                            assert messages
                            assert all(m.strip() for m in messages)
                        except EditConflict:
                            pass
                        else:
                            problems = getattr(result, "problems", None)
                            if problems:
                                assert all(p.message.strip() for p in problems)
                                assert owned_counts() == before, "a rejected import saved rows"
                else:
                    check_errors(form)
                    assert owned_counts() == before, "a rejected form saved something"
                render_to_string("ui/form_page.html", {"form": form, "page_title": "Fuzz"})
        finally:
            transaction.savepoint_rollback(savepoint)

    run()


def test_every_service_form_is_registered():
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    forms_in_use = {
        c
        for c in subclasses(GovukFormMixin)
        if not c.__module__.startswith("tests") and not c.__name__.startswith("_")  # bases
    }
    missing = sorted(c.__qualname__ for c in forms_in_use - registered_form_classes())
    assert missing == []


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_no_form_shows_djangos_blank_choice(target, demo):
    """A drop-down's empty choice says what it means ("Choose one", "None"), never "---------"."""
    from accounts.models import User

    northshire = demo["northshire"]
    actor = User.objects.get(email=ROLE_EMAILS[Role.BUSINESS_MANAGER])
    with scope(partnership=northshire):
        form = target.form_class(**target.build(FuzzContext(partnership=northshire, actor=actor)))
        html = render_crispy_form(form) if hasattr(form, "helper") else str(form)
    assert "---------" not in html

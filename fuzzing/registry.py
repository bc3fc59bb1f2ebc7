"""The bad-input harness's registry: every form (and import) joins by registering here.

`tests/test_fuzz.py` feeds each registered form hundreds of generated submissions and checks
that none causes a server error, every rejection names the field with a specific message, and
a rejected submission saves nothing. Each app's forms are listed in `fuzzing/<app>.py`:

    register(ActivityForm, submit=lambda form, ctx: services.activity_save(
        priority=draft(ctx), values=model_values(form), actor=ctx.actor))

`build` gives the form's extra keyword arguments; `submit` runs the service a valid form
leads to (it may raise ValidationError, which must carry a message).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FuzzContext:
    """What a form needs from the demo: the partnership, the acting person, and helpers."""

    partnership: Any
    actor: Any
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FuzzTarget:
    form_class: type
    build: Callable[[FuzzContext], dict]
    submit: Callable[[Any, FuzzContext], object] | None
    name: str


_targets: dict[str, FuzzTarget] = {}


def register(
    form_class: type,
    *,
    build: Callable[[FuzzContext], dict] | None = None,
    submit: Callable[[Any, FuzzContext], object] | None = None,
    name: str | None = None,
) -> None:
    target_name = name or f"{form_class.__module__}.{form_class.__qualname__}"
    _targets[target_name] = FuzzTarget(
        form_class=form_class,
        build=build or (lambda ctx: {}),
        submit=submit,
        name=target_name,
    )


def targets() -> list[FuzzTarget]:
    return sorted(_targets.values(), key=lambda t: t.name)


def registered_form_classes() -> set[type]:
    return {t.form_class for t in _targets.values()}

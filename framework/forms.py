"""Choosing parts of the framework in a form: outcomes and indicators as checkboxes in the
framework's own order (1.1, 1.2 ... 2.1), labelled with their codes, or in plain words for
young people."""

from __future__ import annotations

from django import forms

from ui.forms import choose_several

from .models import Indicator, Outcome


def outcomes_field(edition, label: str, *, plain: bool = False) -> forms.ModelMultipleChoiceField:
    outcomes = Outcome.objects.filter(edition=edition).order_by("category__number", "position")
    if plain:
        return choose_several(outcomes, label, lambda o: o.short_name)
    return choose_several(outcomes, label, lambda o: f"{o.code} {o.short_name}")


def indicators_field(edition, label: str) -> forms.ModelMultipleChoiceField:
    indicators = Indicator.objects.filter(outcome__edition=edition).order_by(
        "outcome__category__number", "outcome__position", "position"
    )
    return choose_several(indicators, label, lambda i: f"{i.code} {i.text[:70]}")


def in_framework_order(field: forms.ModelMultipleChoiceField, edition) -> None:
    """Make a model form's own outcomes or indicators field checkboxes in framework order."""
    built = (
        outcomes_field(edition, str(field.label))
        if field.queryset.model is Outcome
        else indicators_field(edition, str(field.label))
    )
    field.queryset, field.widget = built.queryset, built.widget
    field.label_from_instance, field.help_text = built.label_from_instance, built.help_text
    field.required = False

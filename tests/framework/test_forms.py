"""Choosing outcomes and indicators: checkboxes, in the framework's order, plain for young
people."""

from __future__ import annotations

import pytest
from django import forms

from framework.forms import indicators_field, outcomes_field
from framework.selectors import current_edition

pytestmark = pytest.mark.django_db


def _labels(field) -> list[str]:
    return [field.label_from_instance(o) for o in field.queryset]


def test_outcomes_are_checkboxes_in_framework_order():
    field = outcomes_field(current_edition(), "Outcomes")
    labels = _labels(field)
    assert isinstance(field.widget, forms.CheckboxSelectMultiple)
    assert [label.split()[0] for label in labels[:4]] == ["1.1", "1.2", "1.3", "2.1"]
    assert "Ctrl" not in field.help_text


def test_indicators_follow_their_outcomes():
    codes = [label.split()[0] for label in _labels(indicators_field(current_edition(), "x"))]
    keys = [tuple(int(part) for part in code.split(".")) for code in codes]
    assert keys == sorted(keys)
    assert len(codes) == 67


def test_young_people_read_outcomes_without_codes():
    labels = _labels(outcomes_field(current_edition(), "What is it about?", plain=True))
    assert not any(label[0].isdigit() for label in labels)

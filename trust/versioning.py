"""Version checks: nobody's work is silently overwritten.

A record several people edit inherits `VersionedModel`. Its edit form carries the version the
person started from (`VersionedFormMixin` adds a hidden field); the service saves through
`save_values` (or `save_versioned`), which raises `EditConflict` when someone else saved in between. The view
then shows the conflict page with both versions (`ui/conflict.html`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


@dataclass
class FieldDifference:
    label: str
    theirs: str
    yours: str


class EditConflict(Exception):
    """Someone saved the record after this person opened it."""

    def __init__(self, current: models.Model):
        super().__init__("The record was changed by someone else.")
        self.current = current


def save_versioned(instance: VersionedModel, *, expected_version: int | None) -> None:
    """Save `instance` if the stored version is still `expected_version`, bumping the version.

    The check and the write are one UPDATE ... WHERE version = expected, so two people saving
    at the same moment cannot both win. A new record (no pk) is simply created.
    """
    model = type(instance)
    if instance.pk is None:
        instance.version = 1
        instance.save()
        return
    with transaction.atomic():
        current = model._base_manager.select_for_update().get(pk=instance.pk)
        if expected_version is not None and current.version != expected_version:
            raise EditConflict(current)
        instance.version = current.version + 1
        instance.save()


def differences(form: forms.ModelForm, current: models.Model) -> list[FieldDifference]:
    """The fields where the saved record and this person's submission differ, for the page."""
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in form.cleaned_data:
            continue
        theirs = _display(getattr(current, name, ""))
        yours = _display(form.cleaned_data.get(name))
        if theirs != yours:
            rows.append(FieldDifference(str(field.label or name), theirs, yours))
    return rows


def _display(value) -> str:
    if value is None or value == "":
        return "(blank)"
    if hasattr(value, "all") and callable(value.all):
        value = list(value.all())
    if isinstance(value, list | tuple | set) or (
        hasattr(value, "__iter__") and not isinstance(value, str)
    ):
        return ", ".join(sorted(str(v) for v in value)) or "(none)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


class VersionedFormMixin:
    """For a ModelForm: adds the hidden `version` field, the version this person started from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput,
            required=False,
            min_value=0,
            error_messages={"invalid": "Reload the page and make your changes again."},
        )
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            self.fields["version"].initial = instance.version

    def adopt_current_version(self, current: VersionedModel) -> None:
        """After a conflict: resubmitting the form means "keep my version" knowingly."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(current.version)
        self.data = data


def save_values(
    instance: models.Model, values: Mapping[str, Any], *, expected_version: int | None = None
) -> models.Model:
    """Apply `values` (model field name -> value) to `instance` and save it, through the version
    check when the model is versioned. Many-to-many values are set once the record exists, as a
    ModelForm would; a name that is not a field of the model is a caller's mistake (TypeError).
    """
    meta = instance._meta
    later = []
    for name, value in values.items():
        try:
            field = meta.get_field(name)
        except FieldDoesNotExist:
            raise TypeError(f"{meta.label} has no field {name!r}") from None
        if field.many_to_many:
            later.append((field, value))
        else:
            field.save_form_data(instance, value)
    with transaction.atomic():
        if isinstance(instance, VersionedModel):
            save_versioned(instance, expected_version=expected_version)
        else:
            instance.save()
        for field, value in later:
            field.save_form_data(instance, value)
    return instance


def model_values(form: forms.ModelForm) -> dict[str, Any]:
    """A valid ModelForm's cleaned values for its model's fields: what a service takes as
    `values` (the form's own extra fields, like `version`, stay with the view)."""
    meta = form._meta.model._meta
    names = {field.name for field in (*meta.fields, *meta.many_to_many)} - {"version"}
    return {name: value for name, value in form.cleaned_data.items() if name in names}


def expected_version(form: forms.Form) -> int | None:
    """The version the person started from (`VersionedFormMixin`'s hidden field)."""
    return form.cleaned_data.get("version")


def conflict_response(request, form, conflict: EditConflict, *, title: str, cancel_url: str):
    """The conflict page (409): both versions side by side, and this person's form ready to
    save deliberately over the other."""
    from django.shortcuts import render

    rows = differences(form, conflict.current)
    form.adopt_current_version(conflict.current)
    return render(
        request,
        "ui/conflict.html",
        {"form": form, "rows": rows, "page_title": title, "cancel_url": cancel_url},
        status=409,
    )

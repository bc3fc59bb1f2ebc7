"""GOV.UK Design System form rendering shared by every app (imports no domain app).

`GovukFormMixin` also replaces Django's generic error messages ("This field is required.",
"Select a valid choice...") with ones that name the field, as the GOV.UK error message
guidance asks, for any field whose form did not write its own.
"""

from __future__ import annotations

import copy

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.core import validators
from django.core.exceptions import ValidationError

# Django's own wording, which never says which field is wrong.
GENERIC_MESSAGES = (
    "This field is required.",
    "Enter a valid value.",
    "Select a valid choice.",
    "Enter a whole number.",
    "Enter a number.",
    "Enter a valid date.",
    "Enter a valid email address.",
    "Enter a list of values.",
    "Ensure this value",
    "No file was submitted.",
    "The submitted file is empty.",
    "Null characters are not allowed.",
)


def _is_generic(message) -> bool:
    return str(message).startswith(GENERIC_MESSAGES)


def _specific_messages(field: forms.Field, label: str) -> None:
    name = label[:1].lower() + label[1:] if label else "this"
    choosing = isinstance(
        field, forms.ChoiceField | forms.ModelChoiceField | forms.BooleanField
    ) or getattr(field.widget, "allow_multiple_selected", False)
    defaults = {
        "required": f"Choose {name}." if choosing else f"Enter {name}.",
        "invalid_choice": f"Choose {name} from the options given.",
        "invalid_list": f"Choose {name} from the options given.",
        "invalid_pk_value": f"Choose {name} from the options given.",
        "invalid": (
            f"Enter {name} as a whole number, like 6."
            if isinstance(field, forms.IntegerField)
            else f"Enter {name} as a date, like 31/3/2027."
            if isinstance(field, forms.DateField)
            else "Enter an email address in the correct format, like name@example.org."
            if isinstance(field, forms.EmailField)
            else f"Enter {name} in the format shown."
        ),
        "empty": "The selected file is empty.",
        "missing": "Choose a file to upload.",
    }
    for key, message in defaults.items():
        if key in field.error_messages and _is_generic(field.error_messages[key]):
            field.error_messages[key] = message
    # Validator objects are shared between form instances: change copies, not the originals.
    field.validators = [copy.copy(v) for v in field.validators]
    for validator in field.validators:
        if getattr(validator, "message", None) is not getattr(type(validator), "message", None):
            continue  # the form wrote its own message
        if isinstance(validator, validators.MaxLengthValidator):
            validator.message = f"{label} must be {validator.limit_value} characters or fewer."
        elif isinstance(validator, validators.MinLengthValidator):
            validator.message = f"{label} must be at least {validator.limit_value} characters."
        elif isinstance(validator, validators.MaxValueValidator):
            validator.message = f"{label} must be {validator.limit_value} or less."
        elif isinstance(validator, validators.MinValueValidator):
            validator.message = f"{label} must be {validator.limit_value} or more."
        elif isinstance(validator, validators.ProhibitNullCharactersValidator):
            validator.message = f"{label} must not contain invisible control characters."


def _fallback_message(field: forms.Field, label: str, message: str) -> str:
    if "Null characters" in message:
        return f"{label} must not contain invisible control characters."
    name = label[:1].lower() + label[1:]
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return f"Choose {name} from the options given."
    return f"Enter {name} in the format shown."


def _govuk_date_input(field: forms.Field, *, error: bool) -> None:
    """crispy-forms-gds leaves a DateInput unstyled (a thin, short box): give it the GOV.UK
    text input, wide enough for "31/12/2026", with the red border when it is wrong."""
    widget = field.widget
    if isinstance(widget, forms.DateInput):
        classes = "govuk-input govuk-input--width-10" + (" govuk-input--error" if error else "")
        widget.attrs["class"] = classes
        widget.attrs.setdefault("autocomplete", "off")


DJANGO_BLANK = "---------"


def _plain_blank_choice(field: forms.Field) -> None:
    """Django's blank choice is "---------"; say what it means instead."""
    words = "Choose one" if field.required else "None"
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_BLANK:
            field.empty_label = words
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if any(label == DJANGO_BLANK for _, label in choices):
            field.choices = [(v, words if label == DJANGO_BLANK else label) for v, label in choices]


class GovukFormMixin:
    """Give a Django form a crispy-forms-gds helper with one primary button, and specific error
    messages for every field."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        # The service checks and explains every field (GOV.UK turns browser checks off).
        self.helper.attrs = {"novalidate": ""}
        self.helper.label_size = "s"
        self.helper.legend_size = "s"
        self.helper.add_input(Submit("submit", self.submit_label))
        for name, field in self.fields.items():
            label = str(field.label or name.replace("_", " ").capitalize())
            _specific_messages(field, label)

    def full_clean(self) -> None:
        super().full_clean()
        # A last net for generic messages raised deep inside Django (e.g. a null character in
        # a choice's value): reword them to name the field.
        for name, errors in (self._errors or {}).items():
            field = self.fields.get(name)
            if field is None:
                continue
            label = str(field.label or name.replace("_", " ").capitalize())
            for index, error in enumerate(errors.data):
                message = error.message if isinstance(error, ValidationError) else str(error)
                if isinstance(error, ValidationError) and error.params:
                    message = message % error.params
                if _is_generic(message):
                    errors.data[index] = ValidationError(_fallback_message(field, label, message))

    def __getitem__(self, name: str):
        # Fields are often added after this mixin's __init__, so the blank choice is worded
        # (and a date box styled) when a field is drawn rather than when the form is built.
        _plain_blank_choice(self.fields[name])
        _govuk_date_input(self.fields[name], error=self.is_bound and name in self.errors)
        return super().__getitem__(name)

    def set_submit_label(self, label: str) -> None:
        """Relabel the primary button (e.g. "Delete" on a shared confirmation form)."""
        self.submit_label = label
        self.helper.inputs[0].value = label


def choose_several(
    queryset, label: str, label_from=str, *, help_text: str = "Optional. Choose all that apply."
) -> forms.ModelMultipleChoiceField:
    """GOV.UK checkboxes for an optional choice of several records (never a Ctrl-click list)."""
    field = forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )
    field.label_from_instance = label_from
    return field

"""The GOV.UK form mixin: date boxes styled like every other input."""


def test_a_date_box_is_a_govuk_input_with_a_red_border_when_wrong():
    from crispy_forms.utils import render_crispy_form
    from django import forms as django_forms

    from ui.forms import GovukFormMixin

    class When(GovukFormMixin, django_forms.Form):
        on = django_forms.DateField(label="Date", input_formats=["%d/%m/%Y"])

    blank = render_crispy_form(When())
    assert 'class="dateinput govuk-input govuk-input--width-10"' in blank
    wrong = When({"on": "31/2/2026"})
    assert not wrong.is_valid()
    assert "govuk-input--error" in render_crispy_form(wrong)

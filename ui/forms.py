"""GOV.UK Design System form rendering shared by every app (imports no domain app)."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit


class GovukFormMixin:
    """Give a Django form a crispy-forms-gds helper with one primary button."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.label_size = "s"
        self.helper.legend_size = "s"
        self.helper.add_input(Submit("submit", self.submit_label))

    def set_submit_label(self, label: str) -> None:
        """Relabel the primary button (e.g. "Delete" on a shared confirmation form)."""
        self.submit_label = label
        self.helper.inputs[0].value = label

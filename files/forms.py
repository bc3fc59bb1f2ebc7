"""Uploading a document to the partnership's library."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from trust.uploads import EVIDENCE_KINDS, check_upload, describe
from ui.forms import GovukFormMixin


class DocumentForm(GovukFormMixin, forms.Form):
    submit_label = "Upload document"

    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title for the document."},
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    file = forms.FileField(
        label="File",
        help_text=f"A {describe(EVIDENCE_KINDS)}, smaller than 20 MB.",
        error_messages={
            "required": "Choose a file to upload.",
            "empty": "The selected file is empty.",
            "invalid": "Choose a file to upload.",
        },
    )

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError("Enter a title for the document.")
        return title

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.checked = check_upload(upload, kinds=EVIDENCE_KINDS)
        return upload

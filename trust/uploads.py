"""Checking an uploaded file before anything keeps it.

The type is read from the file's content (its signature, or for text a strict decode), never
from its name or the browser's claim, and the size is limited. Storing and serving is the
`files` app's job; this module only decides whether a file is acceptable.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

# Kinds people attach as evidence or import, with the content type we serve them as.
KINDS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF", "application/pdf"),
    "docx": (
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "Excel spreadsheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": (
        "PowerPoint presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": ("OpenDocument text", "application/vnd.oasis.opendocument.text"),
    "png": ("PNG image", "image/png"),
    "jpg": ("JPEG image", "image/jpeg"),
    "csv": ("CSV file", "text/csv"),
    "txt": ("text file", "text/plain"),
}
EVIDENCE_KINDS = frozenset({"pdf", "docx", "xlsx", "pptx", "odt", "png", "jpg", "csv", "txt"})
TABLE_KINDS = frozenset({"csv", "xlsx"})


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    content_type: str
    size: int
    sha256: str
    content: bytes


def _office_kind(content: bytes) -> str | None:
    """docx/xlsx/pptx are zip files; tell them apart by their main part."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" in names:
        for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
            if any(n.startswith(prefix) for n in names):
                return kind
    if "mimetype" in names:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if archive.read("mimetype") == b"application/vnd.oasis.opendocument.text":
                return "odt"
    return None


def sniff(content: bytes, name: str = "") -> str | None:
    """The kind of `content`, from its bytes alone (the name only separates CSV from text)."""
    if content.startswith(b"PK"):
        return _office_kind(content)
    guess = filetype.guess(content[:8192])
    if guess is not None:
        return {"pdf": "pdf", "png": "png", "jpg": "jpg"}.get(guess.extension)
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return "csv" if name.lower().endswith(".csv") else "txt"


def describe(kinds: frozenset[str]) -> str:
    labels = sorted(KINDS[k][0] for k in kinds)
    return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else labels[0]


def check_upload(
    upload: UploadedFile, *, kinds: frozenset[str], described_as: str | None = None
) -> CheckedUpload:
    """Read and check an upload, or raise ValidationError with a message for the field.

    `described_as` names the accepted types in the message if the list would mislead."""
    limit = settings.MACS_UPLOAD_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            f"The selected file must be smaller than {limit // (1024 * 1024)} MB."
        )
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise ValidationError(
            f"The selected file must be smaller than {limit // (1024 * 1024)} MB."
        )
    if not content:
        raise ValidationError("The selected file is empty.")
    kind = sniff(content, upload.name or "")
    if kind not in kinds:
        raise ValidationError(f"The selected file must be a {described_as or describe(kinds)}.")
    return CheckedUpload(
        kind=kind,
        content_type=KINDS[kind][1],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )

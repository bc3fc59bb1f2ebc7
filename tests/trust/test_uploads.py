"""Upload checks: type from content, size limit, empty files."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from demo.files import minimal_pdf
from trust.uploads import EVIDENCE_KINDS, TABLE_KINDS, check_upload, sniff


def _office(prefix: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(f"{prefix}document.xml", "<x/>")
    return out.getvalue()


def test_upload_type_comes_from_content_not_name():
    assert sniff(minimal_pdf(["hello"]), "anything.exe") == "pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "photo.pdf") == "png"
    assert sniff(_office("word/"), "x.pdf") == "docx"
    assert sniff(_office("xl/"), "x.pdf") == "xlsx"
    assert sniff(b"MZ\x90\x00\x03" + b"\x00" * 50, "report.pdf") is None
    assert sniff(b"name,sector\nA,B\n", "agencies.csv") == "csv"
    assert sniff(b"\xff\xfe\x00bad", "agencies.csv") is None


def test_upload_refuses_a_program_renamed_as_pdf():
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf")
    with pytest.raises(ValidationError, match="must be a"):
        check_upload(fake, kinds=EVIDENCE_KINDS)


def test_upload_refuses_a_pdf_where_a_table_is_wanted():
    pdf = SimpleUploadedFile("agencies.csv", minimal_pdf(["x"]), "text/csv")
    with pytest.raises(ValidationError, match="CSV file or Excel spreadsheet"):
        check_upload(pdf, kinds=TABLE_KINDS)


@override_settings(MACS_UPLOAD_MAX_BYTES=1024)
def test_upload_refuses_files_over_the_size_limit():
    big = SimpleUploadedFile("big.pdf", minimal_pdf(["x" * 80] * 30))
    with pytest.raises(ValidationError, match="smaller than"):
        check_upload(big, kinds=EVIDENCE_KINDS)


def test_upload_refuses_an_empty_file():
    with pytest.raises(ValidationError, match="empty"):
        check_upload(SimpleUploadedFile("e.pdf", b""), kinds=EVIDENCE_KINDS)


def test_upload_accepts_a_real_pdf_and_reports_its_checksum():
    import hashlib

    content = minimal_pdf(["Arrangements"])
    checked = check_upload(SimpleUploadedFile("a.pdf", content), kinds=EVIDENCE_KINDS)
    assert checked.kind == "pdf"
    assert checked.content_type == "application/pdf"
    assert checked.sha256 == hashlib.sha256(content).hexdigest()

"""The document library's part of the demo: the partnership's published arrangements."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from files.services import file_store
from trust.uploads import EVIDENCE_KINDS, check_upload


def minimal_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF of plain text lines (Helvetica), built by hand."""
    text = (
        "BT /F1 12 Tf 72 760 Td 16 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        )
        + " ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text)
        + text.encode("latin-1", "replace")
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def demo_documents(partnerships: dict) -> None:
    from django_scopes import scope

    northshire = partnerships["northshire"]
    manager = northshire.memberships.get(user__email="manager@northshire.example").user
    pdf = minimal_pdf(
        [
            "Northshire Safeguarding Children Partnership",
            "Multi-agency safeguarding arrangements (demo)",
            "",
            "Lead safeguarding partners: Northshire County Council, Riverton City Council,",
            "Northshire and Riverton ICB and Northshire Police.",
            "Independent scrutiny: the independent scrutineer reports to the executive group.",
        ]
    )
    upload = SimpleUploadedFile("northshire-arrangements.pdf", pdf, "application/pdf")
    with scope(partnership=northshire):
        file_store(
            partnership=northshire,
            checked=check_upload(upload, kinds=EVIDENCE_KINDS),
            original_name=upload.name,
            title="Multi-agency safeguarding arrangements",
            description="Our published arrangements, as agreed by the lead safeguarding partners.",
            actor=manager,
        )

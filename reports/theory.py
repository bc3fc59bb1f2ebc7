"""Our theory of change as a Word document or a PDF, through the one document model: the
version the partners agreed (or are asked to agree) once sign-off has been asked, read from its
fixed snapshot, never the live record; a draft as it stands, and says so."""

from __future__ import annotations

from django.utils import timezone

from framework.tree import draw_tree, without_links
from signoff.models import SignoffState
from signoff.services import current_round, snapshot_content
from theory.models import TheoryOfChange
from theory.signing import freeze
from theory.trees import theory_tree_spec

from .document import Bullets, Chart, Document, Heading, Paragraph, Table

AGREED = "Agreed by every partner body through the joint sign-off."
ASKED = "Waiting for sign-off: this is the version the partners are asked to agree."
DRAFT = "A draft, not yet agreed by the partners."


def theory_content(theory: TheoryOfChange, *, actor) -> tuple[dict, str]:
    """What the document shows, and which version it is."""
    if theory.signoff_state != SignoffState.DRAFT:
        found = current_round(theory)
        if found is not None and found.snapshot_id:
            state = AGREED if theory.signoff_state == SignoffState.SIGNED else ASKED
            return snapshot_content(found.snapshot, actor=actor), state
    return freeze(theory), DRAFT


def theory_document(theory: TheoryOfChange, *, partnership_slug: str, actor) -> Document:
    content, state = theory_content(theory, actor=actor)
    document = Document(
        title=f"{content['partnership']}: our theory of change {content['period']}",
        subtitle=f"{state} Made on {timezone.localdate():%-d %B %Y}.",
        new_page_per_section=False,
    )
    document.add(Heading("What is particular about our area", 1, "our-area"))
    paragraphs = [p.strip() for p in content["context"].split("\n\n") if p.strip()]
    document.add(*[Paragraph(p) for p in paragraphs] or [Paragraph("Not written yet.")])
    # Sign-off locks the record, so the tree drawn now is the tree of the version shown.
    spec = without_links(theory_tree_spec(theory, partnership_slug))
    document.add(
        Heading("Our tree", 1, "tree"),
        Chart(
            "The MACS tree with our activities as its branches and our resources as its trunk. "
            "Outcomes an activity leads to are green; the rest are grey. The sections below "
            "list every part in words.",
            draw_tree(spec, "svg", picture=True),
            draw_tree(spec, "png"),
        ),
    )
    document.add(Heading("Our activities (the branches)", 1, "activities"))
    if not content["activities"]:
        document.add(Paragraph("No activities yet."))
    for activity in content["activities"]:
        document.add(Heading(activity["title"], 2))
        if activity["description"]:
            document.add(Paragraph(activity["description"]))
        if activity["delivered_by"]:
            document.add(Paragraph(f"Delivered by {activity['delivered_by']}."))
        pathways = [
            f"Leads to {p['outcome']} {p['name']}, because {p['because']}"
            for p in activity["pathways"]
        ]
        document.add(Bullets(pathways) if pathways else Paragraph("Not linked to an outcome yet."))
    document.add(Heading("Our resources (the trunk)", 1, "resources"))
    document.add(
        Table(
            "Resources",
            ["Resource", "Provided by", "Makes possible"],
            [
                [
                    r["title"] + (f": {r['description']}" if r["description"] else ""),
                    r["provided_by"],
                    "; ".join(r["activities"]),
                ]
                for r in content["resources"]
            ],
        )
        if content["resources"]
        else Paragraph("No resources yet.")
    )
    document.add(Heading("Enablers and barriers", 1, "enablers-and-barriers"))
    document.add(
        Table(
            "Enablers and barriers",
            ["", "What it is", "What we are doing about it", "Outcomes it affects"],
            [
                [f["kind"], f["text"], f["response"], ", ".join(f["outcomes"])]
                for f in content["factors"]
            ],
        )
        if content["factors"]
        else Paragraph("None recorded yet.")
    )
    return document

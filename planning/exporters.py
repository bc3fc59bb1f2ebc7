"""A priority as a Word document the partnership can edit: headings in Word's heading styles
(the navigation pane works), real tables, and the priority's tree as a picture with
alternative text."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm

from framework.provenance import PRINCIPLE_LABELS, platform_words
from framework.tree import TreeSpec, draw_tree

from .models import Priority
from .selectors import LogicModel

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def logic_model_rows(model: LogicModel) -> list[list[str]]:
    """Resources | Activity | Because | Outcome | How we will know: one row per pathway (an
    activity with no pathway yet still gets a row)."""
    rows = []
    for activity in model.activities:
        resources = "; ".join(
            f"{r.get_kind_display()}: {r.description} ({r.provided_by})"
            for r in activity.resource_list
        )
        doing = activity.title + (
            f" ({activity.delivered_by}"
            + (f", {activity.duration}" if activity.duration else "")
            + ")"
            if activity.delivered_by
            else ""
        )
        if not activity.pathway_list:
            rows.append([resources, doing, "", "", ""])
        for pathway in activity.pathway_list:
            outcome = pathway.outcome
            rows.append(
                [
                    resources,
                    doing,
                    pathway.because,
                    f"{outcome.target_group}: {outcome.text}",
                    outcome.on_course,
                ]
            )
    return rows


LOGIC_HEADERS = [
    "Resources (trunk)",
    "Activity (branch)",
    "Because",
    "Outcome (leaf)",
    "How we will know",
]


def _table(document, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text or ""


def priority_docx(priority: Priority, model: LogicModel, spec: TreeSpec) -> bytes:
    document = Document()
    document.core_properties.title = f"Priority: {priority.title}"
    document.add_heading(f"Priority: {priority.title}", level=0)
    document.add_paragraph(
        "Planned with the MACS theory of change in five steps, from the issue to the principles."
    )

    document.add_heading("Step one: the issue", level=1)
    for label, text in (
        ("The issue", priority.issue),
        ("Who is affected", priority.target_groups),
        ("The change hoped for overall", priority.overall_change),
        ("How the principles shape the choice", priority.principles_influence),
        ("Contextual factors and opportunities", priority.context),
    ):
        document.add_heading(label, level=2)
        document.add_paragraph(text or "Not written yet.")

    document.add_heading("Step two: outcomes (the leaves)", level=1)
    _table(
        document,
        [
            "Target group",
            "Term",
            "Outcome",
            "How we will know",
            "Framework outcomes",
            "Latest progress",
        ],
        [
            [
                o.target_group,
                o.get_term_display(),
                o.text,
                o.on_course,
                ", ".join(f.code for f in o.framework_outcomes.all()),
                f"{o.latest.get_status_display()} ({o.latest.date:%-d %B %Y})" if o.latest else "",
            ]
            for o in model.outcomes
        ],
    )

    document.add_heading("Steps three and four: activities, pathways and resources", level=1)
    document.add_heading("Logic model", level=2)
    _table(document, LOGIC_HEADERS, logic_model_rows(model))

    document.add_heading("Step five: the principles (the roots)", level=1)
    document.add_paragraph(f"MACS platform: {platform_words(PRINCIPLE_LABELS)}")
    written = {r.principle_id: r.text for r in model.reflections}
    for principle in model.principles:
        document.add_heading(f"Principle {principle.number}: {principle.label}", level=2)
        document.add_paragraph(written.get(principle.pk, "No reflection yet."))

    document.add_heading("The priority's tree", level=1)
    picture = io.BytesIO(draw_tree(spec, fmt="png"))
    document.add_picture(picture, width=Cm(16))
    shape = document.inline_shapes[-1]
    alt = (
        f"The tree for {priority.title}: {len(model.outcomes)} outcomes as leaves, "
        f"{len(model.activities)} activities as branches, resources as the trunk and "
        f"{len(model.reflections)} principle reflections as roots. The same content is in the tables above."
    )
    shape._inline.docPr.set("descr", alt)
    shape._inline.docPr.set("title", f"Tree for {priority.title}")

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

"""Build the yearly report's document from what the partnership recorded: the review (every
judgement and rating with numbered evidence references), the survey wave, priorities,
learning and actions, challenges, participation, monitors and resources, organised by the
five outcome categories as the report's cumulative summary (section 2.3.4) asks."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from actions.models import Action, Challenge
from evidence.models import EvidenceItem
from framework.models import Outcome, OutcomeCategory, RatingLevel
from framework.provenance import RATING_SCALE, platform_words
from framework.tree import NOT_REVIEWED, draw_tree, without_links
from participation.models import Feedback
from planning.models import Priority, PriorityOutcome, ProgressUpdate
from resources.selectors import contributions_chart, year_summary
from reviews.focus import last_judgements
from reviews.models import OutcomeJudgement, Rating
from reviews.selectors import review_tree_spec
from surveys.results import bands, statement_results
from surveys.services import results_shown_mark
from theory.selectors import activities_by_outcome, theory_for
from theory.trees import with_own_branches
from ui.charts import BOTH, Series, bar_chart

from .document import Bullets, Chart, Document, Heading, Paragraph, Table
from .models import YearlyReport
from .periods import ReportYear, report_year
from .sections import good_practice, meetings, monitors, training

NOT_RATED = "Not yet rated"


class EvidenceIndex:
    """Numbers each evidence item the first time the report cites it: [1], [2], ..."""

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}
        self.items: dict[int, EvidenceItem] = {}

    def cite(self, items) -> str:
        refs = []
        unique = {item.pk: item for item in items}.values()
        for item in sorted(unique, key=lambda i: (i.date, i.pk)):
            if item.pk not in self.numbers:
                self.numbers[item.pk] = len(self.numbers) + 1
                self.items[item.pk] = item
            refs.append(self.numbers[item.pk])
        return (
            "Evidence: " + ", ".join(f"[{n}]" for n in sorted(refs))
            if refs
            else "Evidence: none linked"
        )


def _money(amount: Decimal | None) -> str:
    return "" if amount is None else f"£{amount:,.0f}"


def assemble(report: YearlyReport) -> Document:
    partnership = report.partnership
    document = Document(
        title=f"{partnership.name}: yearly report {report.period}",
        subtitle="The cumulative summary of work towards the MACS outcomes, assembled from the "
        f"partnership's records on {timezone.localdate():%-d %B %Y}.",
    )
    sections = list(report.sections.all())
    for section in (s for s in sections if not s.after_outcomes):
        _narrative(document, section)
    index = EvidenceIndex()
    _outcomes(document, report, index)
    _survey(document, report)
    year = report_year(report.period)
    _priorities(document, year)
    _learning(document, year)
    good_practice(document, year)
    meetings(document, year, report.partnership)
    training(document, year, report.partnership)
    _participation(document, year)
    monitors(document, year)
    _resources(document, report)
    for section in (s for s in sections if s.after_outcomes):
        _narrative(document, section)
    _evidence_list(document, index)
    return document


def _narrative(document: Document, section) -> None:
    document.add(Heading(section.heading, 1, f"section-{section.pk}"))
    document.add(*[Paragraph(p) for p in _paragraphs(section.text)])


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _theory_picture(document: Document, report: YearlyReport, review) -> dict[int, list[str]]:
    """The review-coloured tree, with the partnership's own branches and trunk when it has a
    theory of change for the year; returns which of its activities lead to each outcome."""
    own_theory = theory_for(report.partnership, report.period)
    spec = review_tree_spec(review, report.partnership.slug)
    caption = (
        "The MACS theory of change tree with each outcome coloured by its judgement in this "
        "review, and its level written on it; outcomes not reviewed this year are grey and "
        "say so."
    )
    if own_theory is not None:
        spec = with_own_branches(spec, own_theory, report.partnership.slug)
        caption += (
            f" The branches and trunk are the partnership's own activities and resources, "
            f"from its theory of change {own_theory.period}"
            f"{' (agreed)' if own_theory.agreed else ' (a draft, not yet agreed)'}."
        )
    spec = without_links(spec)
    document.add(
        Heading("Our theory of change, coloured by this review", 2),
        Chart(
            caption + " The sections below give every judgement.",
            draw_tree(spec, "svg", picture=True),
            draw_tree(spec, "png"),
        ),
    )
    return activities_by_outcome(own_theory) if own_theory is not None else {}


def _focus_line(document: Document, judgements: dict) -> None:
    in_focus = [j.outcome for j in judgements.values() if j.in_focus]
    in_focus.sort(key=lambda o: (o.category.number, o.position))
    document.add(
        Paragraph(
            f"This year's review looked at {len(in_focus)} of {len(judgements)} outcomes "
            f"({', '.join(o.code for o in in_focus)}), as its coverage plan intends. The "
            "others were not reviewed this year: each shows the judgement it was last given."
        )
    )


def _indicator_table(document, outcome, ratings, levels, index, counts: Counter) -> None:
    """The outcome's indicators with their ratings and evidence; counts each rating."""
    rows = []
    for rating in ratings:
        label = levels.get(rating.level, NOT_RATED) if rating.level else NOT_RATED
        counts[label] += 1
        rows.append(
            [
                rating.indicator.code,
                rating.indicator.text,
                label,
                index.cite(rating.evidence.all()).removeprefix("Evidence: "),
            ]
        )
    if rows:
        document.add(
            Table(
                f"Indicators of outcome {outcome.code}",
                ["Indicator", "", "Rating", "Evidence"],
                rows,
            )
        )


def _outcomes(document: Document, report: YearlyReport, index: EvidenceIndex) -> None:
    review = report.review
    document.add(Heading("Summary of progress towards the outcomes", 1, "outcomes"))
    if review is None:
        document.add(Paragraph("No effectiveness review is linked to this report."))
        return
    document.add(
        Paragraph(
            f"From the {review.period} effectiveness review ({review.get_status_display().lower()}). "
            "Each judgement and rating lists the evidence it rests on; the numbers refer to the "
            "list of evidence at the end."
        )
    )
    document.add(Paragraph(f"MACS platform: {platform_words(RATING_SCALE)}", note=True))
    leads_to = _theory_picture(document, report, review)
    scale = RatingLevel.objects.filter(edition=review.edition_id).order_by("value")
    levels = {lv.value: lv.label for lv in scale}
    colours = {lv.value: lv.colour for lv in scale}  # the one scale: tags, trees and charts
    evidence = Prefetch("evidence", queryset=EvidenceItem.objects.order_by("date", "pk"))
    judgements = {
        j.outcome_id: j
        for j in OutcomeJudgement.objects.filter(review=review)
        .select_related("outcome__category")
        .prefetch_related(evidence)
    }
    ratings: dict[int, list[Rating]] = defaultdict(list)
    for rating in (
        Rating.objects.filter(review=review, indicator__isnull=False, in_focus=True)
        .select_related("indicator")
        .prefetch_related(evidence)
        .order_by("indicator__position")
    ):
        ratings[rating.indicator.outcome_id].append(rating)
    categories = OutcomeCategory.objects.filter(edition=review.edition_id).prefetch_related(
        Prefetch("outcomes", queryset=Outcome.objects.order_by("position"))
    )
    out_of_focus = {pk for pk, j in judgements.items() if not j.in_focus}
    last = last_judgements(review) if out_of_focus else {}
    if out_of_focus:
        _focus_line(document, judgements)
    chart_counts: dict[str, Counter] = {}
    for category in categories:
        document.add(Heading(f"{category.number}. {category.name}", 2))
        document.add(Paragraph(category.question))
        counts: Counter = Counter()
        for outcome in category.outcomes.all():
            judgement = judgements.get(outcome.pk)
            if outcome.pk in out_of_focus:
                _not_this_year(document, outcome, last.get(outcome.pk))
                continue
            level = levels.get(judgement.level) if judgement and judgement.level else NOT_RATED
            document.add(Heading(f"{outcome.code} {outcome.short_name}: {level}", 3))
            if outcome.pk in leads_to:
                document.add(
                    Paragraph(
                        f"Our activities for this outcome: {'; '.join(leads_to[outcome.pk])}."
                    )
                )
            if judgement and judgement.narrative:
                document.add(*[Paragraph(p) for p in _paragraphs(judgement.narrative)])
            # A judgement rests on its own evidence and on its indicators' evidence.
            own = list(judgement.evidence.all()) if judgement else []
            beneath = [item for r in ratings.get(outcome.pk, []) for item in r.evidence.all()]
            document.add(Paragraph(index.cite([*own, *beneath]), note=True))
            _indicator_table(document, outcome, ratings.get(outcome.pk, []), levels, index, counts)
        chart_counts[category.name] = counts
    labels = [*levels.values(), NOT_RATED]
    names = list(chart_counts)
    series = [
        Series(label, [float(chart_counts[n].get(label, 0)) for n in names], colour)
        for label, colour in zip(labels, [*colours.values(), NOT_REVIEWED], strict=True)
    ]
    alt = "Bar chart of how many indicators in each outcome category received each rating."
    svg, png = bar_chart(
        title="Indicator ratings by outcome category",
        labels=names,
        series=series,
        unit="Indicators",
        fmt=BOTH,
    )
    document.add(
        Heading("Ratings at a glance", 2),
        Chart(alt, svg, png),
        Table(
            "Indicator ratings by outcome category",
            ["Outcome category", *labels],
            [[n, *[str(chart_counts[n].get(label, 0)) for label in labels]] for n in names],
            numeric=frozenset(range(1, len(labels) + 1)),
        ),
    )


def _not_this_year(document: Document, outcome, last) -> None:
    document.add(Heading(f"{outcome.code} {outcome.short_name}: not reviewed this year", 3))
    if last is None:
        document.add(Paragraph("It has not been judged in an earlier review."))
    else:
        level = last.level.label if last.level else NOT_RATED.lower()
        document.add(Paragraph(f"Last judged {level} in the {last.period} review."))


def _survey(document: Document, report: YearlyReport) -> None:
    wave = report.wave
    document.add(Heading("What the partnership survey found", 1, "survey"))
    if wave is None or not wave.is_closed:
        document.add(Paragraph("No closed survey wave is linked to this report."))
        return
    results_shown_mark(wave)
    results = statement_results(wave)
    answered = wave.responses.filter(submitted=True).count()
    strong, weak = bands(results)
    document.add(
        Paragraph(
            f"{wave.title}: {answered} people answered. “True” is completely or mostly true, and "
            f"“very important” the share rating the statement a very important indicator of "
            f"effectiveness, each as a percentage of everyone who answered. A statement fewer "
            f"than {wave.min_group_size} people answered is not shown."
        )
    )
    document.add(
        Paragraph(
            f"Strong confidence (more than 80% “true”): {len(strong)} of {len(results)} "
            f"statements. Less successful (less than 50% “true”): {len(weak)}."
        )
    )

    def share(shown) -> str:
        return "fewer answered" if shown is None or shown.whole is None else f"{shown.whole}%"

    rows = [
        [
            str(result.statement.number),
            result.statement.text,
            share(result.truth.groups.get("true")),
            share(result.importance.groups.get("very_important")),
        ]
        for result in results
    ]
    document.add(
        Table(
            f"Statements: how true and how important ({wave.period})",
            ["No.", "Statement", "True", "Very important"],
            rows,
            numeric=frozenset({2, 3}),
        )
    )


def _priorities(document: Document, year: ReportYear) -> None:
    """Priorities started in the year or with a progress review dated in it; each outcome's
    latest progress review dated in the year."""
    document.add(Heading("Priorities", 1, "priorities"))
    in_year = ProgressUpdate.objects.filter(date__gte=year.start, date__lte=year.end)
    latest = Prefetch("updates", queryset=in_year.order_by("-date", "-pk"))
    priorities = (
        Priority.objects.filter(
            Q(created_at__date__gte=year.start, created_at__date__lte=year.end)
            | Q(outcomes__updates__in=in_year)
        )
        .distinct()
        .prefetch_related(
            Prefetch("outcomes", queryset=PriorityOutcome.objects.prefetch_related(latest))
        )
    )
    if not priorities:
        document.add(Paragraph(f"No priorities were started or reviewed in {year.label}."))
    for priority in priorities:
        document.add(Heading(priority.title + (" (agreed)" if priority.agreed else ""), 2))
        if priority.overall_change:
            document.add(Paragraph(priority.overall_change))
        rows = []
        for outcome in priority.outcomes.all():
            updates = list(outcome.updates.all())
            rows.append(
                [
                    outcome.target_group,
                    outcome.text,
                    f"{updates[0].get_status_display()} ({updates[0].date:%-d %b %Y})"
                    if updates
                    else f"Not reviewed in {year.label}",
                ]
            )
        if rows:
            document.add(
                Table(
                    f"{priority.title}: outcomes and progress",
                    ["Target group", "Outcome", "Latest progress"],
                    rows,
                )
            )


def _learning(document: Document, year: ReportYear) -> None:
    """Actions created, due or completed in the year, as they stood at its end; challenges
    raised in the year."""
    document.add(Heading("Learning, actions and challenge", 1, "learning"))
    start, end = year.start, year.end
    actions = Action.objects.filter(
        Q(created_at__date__gte=start, created_at__date__lte=end)
        | Q(due_date__gte=start, due_date__lte=end)
        | Q(completed_on__gte=start, completed_on__lte=end)
    )
    done_by_end = Q(completed_on__isnull=False, completed_on__lte=end)
    counts = actions.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=done_by_end),
        overdue=Count("pk", filter=~done_by_end & Q(due_date__lt=end)),
    )
    document.add(
        Paragraph(
            f"{counts['total']} actions from reviews, audits and other learning in {year.label}: "
            f"{counts['done']} done by the end of the year, {counts['overdue']} overdue then."
        )
    )
    impact = list(
        Action.objects.filter(completed_on__gte=start, completed_on__lte=end).exclude(
            impact_evidence=""
        )
    )
    if impact:
        document.add(
            Heading("Evidence of impact on practice", 2),
            Bullets([f"{a.title}: {a.impact_evidence}" for a in impact]),
        )
    challenges = Counter(
        Challenge.objects.filter(raised_on__gte=start, raised_on__lte=end).values_list(
            "status", flat=True
        )
    )
    if challenges:
        labels = dict(Challenge.Status.choices)
        document.add(
            Table(
                "Challenges between agencies",
                ["Status", "Number"],
                [[labels[s], str(n)] for s, n in sorted(challenges.items())],
                numeric=frozenset({1}),
            )
        )


def _participation(document: Document, year: ReportYear) -> None:
    """Feedback received in the year, with the partnership's response as recorded."""
    document.add(Heading("Voices of children, families and communities", 1, "voices"))
    feedback = list(
        Feedback.objects.filter(received_on__gte=year.start, received_on__lte=year.end)
        .select_related("group")
        .order_by("received_on", "pk")
    )
    answered = [f for f in feedback if f.response]
    document.add(
        Paragraph(
            f"{len(feedback)} pieces of feedback in {year.label} from {len({f.group_id for f in feedback})} groups; {len(answered)} answered."
        )
    )
    public = [f for f in answered if f.public]
    if public:
        document.add(
            Table(
                "You said, we did",
                ["You said", "We did", "Where it stands"],
                [[f.said, f.response, f.get_status_display()] for f in public],
            )
        )


def _resources(document: Document, report: YearlyReport) -> None:
    document.add(Heading("Resources", 1, "resources"))
    if report.resource_year is None:
        document.add(Paragraph("No resources are recorded for this year."))
        return
    summary = year_summary(report.resource_year)
    document.add(
        Table(
            f"Resources {summary.year.year}",
            ["", summary.year.year, "Previous year", "Change"],
            [[r.label, _money(r.amount), _money(r.last), r.change] for r in summary.totals],
            numeric=frozenset({1, 2, 3}),
        ),
    )
    if summary.sectors:
        document.add(
            Chart(
                "Bar chart of partner contributions by kind of partner; the table below gives the figures.",
                *contributions_chart(summary, fmt=BOTH),
            ),
            Table(
                "Partner contributions",
                ["Partner", "£", "Share"],
                [[r.label, _money(r.amount), r.share] for r in summary.sectors],
                numeric=frozenset({1, 2}),
            ),
        )
    document.add(
        Table(
            "Are resources adequate?",
            ["Question", "Answer", "What is needed"],
            [list(a) for a in summary.adequacy],
        )
    )


def _evidence_list(document: Document, index: EvidenceIndex) -> None:
    document.add(Heading("Evidence", 1, "evidence"))
    if not index.items:
        document.add(Paragraph("No evidence is cited."))
        return
    rows = [
        [f"[{index.numbers[pk]}]", item.title, item.type_label, f"{item.date:%-d %b %Y}"]
        for pk, item in sorted(index.items.items(), key=lambda kv: index.numbers[kv[0]])
    ]
    document.add(Table("Evidence cited", ["Ref", "Title", "Type", "Date"], rows))

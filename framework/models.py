"""The canonical MACS content: the theory of change and framework, one row set per edition.

Rows are written only by the loader (framework/loader.py) from the data file; nothing in the
app edits them, so ratings made against an edition keep their meaning. Partnerships' own
additions (local indicators, monitors, priorities) live in later apps and point here.
"""

from __future__ import annotations

from django.db import models


# Natural keys (edition name plus number or code) let a partnership's backup refer to MACS
# content by what it is, not by database ids, which differ between installations.
class EditionManager(models.Manager):
    def get_by_natural_key(self, name: str):
        return self.get(name=name)


class NumberedManager(models.Manager):
    def get_by_natural_key(self, edition: str, number: int):
        return self.get(edition__name=edition, number=number)


class CodedManager(models.Manager):
    def get_by_natural_key(self, edition: str, code: str):
        return self.get(edition__name=edition, code=code)


class IndicatorManager(models.Manager):
    def get_by_natural_key(self, edition: str, code: str):
        return self.get(outcome__edition__name=edition, code=code)


class SurveyStatementManager(models.Manager):
    def get_by_natural_key(self, edition: str, number: int):
        return self.get(category__edition__name=edition, number=number)


class RatingLevelManager(models.Manager):
    def get_by_natural_key(self, edition: str, value: int):
        return self.get(edition__name=edition, value=value)


class Edition(models.Model):
    """One published version of the MACS content, e.g. "MACS 2024"."""

    name = models.CharField(max_length=50, unique=True)
    title = models.CharField(max_length=200)
    source = models.TextField()
    is_current = models.BooleanField(
        default=False, help_text="The edition new reviews and surveys use."
    )
    survey = models.JSONField(
        default=dict, help_text="Survey questions, answer options and respondent profile."
    )
    content_hash = models.CharField(max_length=64, blank=True)
    loaded_at = models.DateTimeField(auto_now=True)

    objects = EditionManager()

    class Meta:
        ordering = ["-is_current", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_edition",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple:
        return (self.name,)


class NumberedText(models.Model):
    """A numbered item of report text belonging to an edition."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    objects = NumberedManager()

    class Meta:
        abstract = True
        ordering = ["number"]

    def __str__(self) -> str:
        return self.text

    def natural_key(self) -> tuple:
        return (self.edition.name, self.number)


class Impact(NumberedText):
    """An impact for children, young people, families and communities (the birds, 2.1.4)."""

    class Meta(NumberedText.Meta):
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_impact_number")
        ]


class Principle(NumberedText):
    """A shared principle (the roots, 2.1.8). `label` is a platform heading, not report text."""

    label = models.CharField(max_length=80)

    class Meta(NumberedText.Meta):
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_principle_number")
        ]


class IndicativeActivity(NumberedText):
    """An indicative activity (the branches, 2.1.6)."""

    class Meta(NumberedText.Meta):
        verbose_name_plural = "indicative activities"
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_activity_number")
        ]


class IndicativeResource(NumberedText):
    """An indicative resource (the trunk, 2.1.7)."""

    class Meta(NumberedText.Meta):
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_resource_number")
        ]


class EvidenceSource(NumberedText):
    """One of the possible sources of evidence (2.3.3)."""

    class Meta(NumberedText.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "number"], name="unique_evidence_source_number"
            )
        ]


class OutcomeCategory(models.Model):
    """One of the five outcome categories (the leaves), with its guiding question."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="categories")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=50)
    question = models.CharField(max_length=300)

    objects = NumberedManager()

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "outcome categories"
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_category_number")
        ]

    def __str__(self) -> str:
        return f"Outcome category {self.number}: {self.name}"

    def natural_key(self) -> tuple:
        return (self.edition.name, self.number)


class Outcome(models.Model):
    """One of the 16 outcomes, e.g. "1.1 Vision"."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="outcomes")
    category = models.ForeignKey(OutcomeCategory, on_delete=models.CASCADE, related_name="outcomes")
    code = models.CharField(max_length=10)
    position = models.PositiveSmallIntegerField()
    short_name = models.CharField(max_length=100)
    statement = models.TextField()

    objects = CodedManager()

    class Meta:
        ordering = ["category__number", "position"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="unique_outcome_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.short_name}"

    def natural_key(self) -> tuple:
        return (self.edition.name, self.code)


class Indicator(models.Model):
    """An indicator of an outcome. `code` (e.g. "1.1.3") is the platform's reference."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=12)
    text = models.TextField()

    objects = IndicatorManager()

    class Meta:
        ordering = ["outcome__category__number", "outcome__position", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "position"], name="unique_indicator_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"

    def natural_key(self) -> tuple:
        return (self.outcome.edition.name, self.code)


class RatingLevel(models.Model):
    """A level of the platform's one indicator rating scale."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rating_levels")
    value = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=50)
    descriptor = models.TextField()
    colour = models.CharField(max_length=7)

    objects = RatingLevelManager()

    class Meta:
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "value"], name="unique_rating_value")
        ]

    def __str__(self) -> str:
        return self.label

    def natural_key(self) -> tuple:
        return (self.edition.name, self.value)


class PlanningStep(models.Model):
    """One of the five steps for planning a priority (2.3.2.2)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="planning_steps")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    tree_part = models.CharField(max_length=20)
    summary = models.TextField()
    questions = models.JSONField(default=list)
    questions_from_report = models.BooleanField(default=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_step_number")
        ]

    def __str__(self) -> str:
        return self.title


class SurveyCategory(models.Model):
    """A category of the effectiveness survey (Table A5); not the framework's categories."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="survey_categories")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=150)
    section = models.CharField(max_length=150, help_text="How the comment question names it.")

    objects = NumberedManager()

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "survey categories"
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "number"], name="unique_survey_category_number"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple:
        return (self.edition.name, self.number)


class SurveyStatement(models.Model):
    """One of the 34 survey statements, with the outcomes it speaks to by default."""

    category = models.ForeignKey(
        SurveyCategory, on_delete=models.CASCADE, related_name="statements"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    default_outcomes = models.ManyToManyField(Outcome, related_name="survey_statements")

    # Statement numbers run 1-34 across the categories, so edition and number identify one.
    objects = SurveyStatementManager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "number"], name="unique_survey_statement_number"
            )
        ]

    def __str__(self) -> str:
        return self.text

    def natural_key(self) -> tuple:
        return (self.category.edition.name, self.number)


class GlossaryEntry(models.Model):
    """An abbreviation or a defined term from the report."""

    class Kind(models.TextChoices):
        ABBREVIATION = "abbreviation", "Abbreviation"
        TERM = "term", "Term"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="glossary")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    term = models.CharField(max_length=100)
    meaning = models.TextField()

    class Meta:
        ordering = ["kind", "term"]
        verbose_name_plural = "glossary entries"
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind", "term"], name="unique_glossary_term")
        ]

    def __str__(self) -> str:
        return self.term

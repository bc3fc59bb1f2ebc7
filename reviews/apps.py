from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Effectiveness reviews"

    def ready(self) -> None:
        from audit.tracking import track
        from evidence import usage
        from partnerships.demo import register_extension
        from signoff.services import register_kind, status_follows

        from . import signing
        from .models import LocalIndicator, OutcomeJudgement, Rating, Review
        from .selectors import evidence_usage

        register_kind(
            Review, freeze=signing.freeze, summary=signing.summary,
            template="reviews/signed_version.html", changes=signing.changes, on_state=status_follows("status", {
                "draft": Review.Status.DRAFT, "awaiting": Review.Status.IN_REVIEW,
                "signed": Review.Status.SIGNED_OFF,
            }),
        )  # fmt: skip
        track(Review, partnership=lambda o: o.partnership_id)
        track(LocalIndicator, partnership=lambda o: o.partnership_id)
        track(Rating, partnership=lambda o: o.partnership_id, m2m_fields=("evidence",))
        track(OutcomeJudgement, partnership=lambda o: o.partnership_id, m2m_fields=("evidence",))
        usage.register(evidence_usage)
        from .demo import demo_reviews

        register_extension(demo_reviews)
        from partnerships import attention

        from .attention import attention_items

        attention.register(attention_items)
        from notifications import reminders

        from .reminders import review_due_reminders

        reminders.register(review_due_reminders)

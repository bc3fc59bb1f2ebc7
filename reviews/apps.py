from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Effectiveness reviews"

    def ready(self) -> None:
        from signoff.services import register_kind, status_follows

        from . import signing
        from .models import Review

        register_kind(
            Review,
            freeze=signing.freeze,
            summary=signing.summary,
            template="reviews/signed_version.html",
            changes=signing.changes,
            on_state=status_follows(
                "status",
                {
                    "draft": Review.Status.DRAFT,
                    "awaiting": Review.Status.IN_REVIEW,
                    "signed": Review.Status.SIGNED_OFF,
                },
            ),
        )

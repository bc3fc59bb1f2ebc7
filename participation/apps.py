from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = "Participation"

    def ready(self) -> None:
        from accounts import personal_data
        from audit.tracking import track
        from notifications import reminders
        from partnerships import attention
        from partnerships.demo import register_extension
        from reviews import outcome_signals

        from .attention import attention_items
        from .demo import demo_participation
        from .models import DiversityCount, Feedback, VoiceGroup, Workshop, YouSaidPage
        from .outcomes import outcome_signals as participation_signals
        from .reminders import overdue_feedback_reminders
        from .selectors import groups_of_person

        def of(o):
            return o.partnership_id

        # Staff records are audited; workshop notes and supports (written by guests) never are.
        track(VoiceGroup, partnership=of, m2m_fields=("members",))
        track(DiversityCount, partnership=of)
        track(Feedback, partnership=of, m2m_fields=("outcomes", "actions", "priorities", "ratings"))
        track(YouSaidPage, partnership=of)
        track(Workshop, partnership=of)
        attention.register(attention_items)
        outcome_signals.register(participation_signals)
        register_extension(demo_participation)
        reminders.register(overdue_feedback_reminders)
        personal_data.register("voice_groups", groups_of_person)

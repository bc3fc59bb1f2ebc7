from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Learning and actions"

    def ready(self) -> None:
        from audit.tracking import track
        from notifications import reminders
        from partnerships import attention
        from partnerships.demo import register_extension
        from reviews import outcome_signals

        from .attention import attention_items
        from .demo import demo_actions
        from .models import Action, Challenge, Escalation, LearningSource, Recommendation
        from .outcomes import outcome_signals as action_signals
        from .reminders import overdue_action_reminders

        def of(o):
            return o.partnership_id

        track(LearningSource, partnership=of)
        track(Recommendation, partnership=of)
        track(Action, partnership=of, m2m_fields=("evidence", "outcomes", "indicators"))
        track(Escalation, partnership=of)
        track(Challenge, partnership=of, m2m_fields=("outcomes",))
        attention.register(attention_items)
        outcome_signals.register(action_signals)
        register_extension(demo_actions)
        reminders.register(overdue_action_reminders)

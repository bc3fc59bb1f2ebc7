from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "Partnership survey"

    def ready(self) -> None:
        from accounts import personal_data
        from audit.tracking import track
        from notifications import reminders
        from partnerships.attention import register
        from partnerships.demo import register_extension
        from reviews import outcome_signals
        from trust.signals import purge_due

        from .attention import attention_items
        from .demo import demo_surveys
        from .models import CommentCode, Invitation, Wave, WaveStatement
        from .outcomes import invitations_of_person
        from .outcomes import outcome_signals as survey_signals
        from .reminders import results_ready_reminders
        from .services import answers_purge_due

        # Responses, answers and comments are never tracked: an audit entry carries a time.
        # Completion of an invitation is excluded for the same reason.
        track(Wave, partnership=lambda o: o.partnership_id)
        track(WaveStatement, partnership=lambda o: o.partnership_id, m2m_fields=("outcomes",))
        track(Invitation, partnership=lambda o: o.partnership_id, exclude_fields=("completed",))
        track(CommentCode, partnership=lambda o: o.partnership_id)
        register(attention_items)
        register_extension(demo_surveys)
        outcome_signals.register(survey_signals)
        reminders.register(results_ready_reminders)
        personal_data.register("survey_invitations", invitations_of_person)
        purge_due.connect(answers_purge_due, dispatch_uid="surveys.answers_purge")

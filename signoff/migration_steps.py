"""Steps that migrations of signable apps share (kept free of current models: they use the
historical models the migration hands them)."""

from __future__ import annotations


def signoff_state_from_rounds(app_label: str, model_name: str):
    """A RunPython step that sets `signoff_state` of existing records from their latest round:
    awaiting while a round is open, signed once it is complete, draft otherwise."""

    def run(apps, _schema_editor):
        model = apps.get_model(app_label, model_name)
        content_type = (
            apps.get_model("contenttypes", "ContentType")
            .objects.filter(app_label=app_label, model=model_name.lower())
            .first()
        )
        if content_type is None:
            return
        rounds = apps.get_model("signoff", "SignOff").objects.filter(
            content_type=content_type, reopened_at__isnull=True
        )
        for object_id, locked_at in rounds.values_list("object_id", "locked_at"):
            model.objects.filter(pk=object_id).update(
                signoff_state="signed" if locked_at else "awaiting"
            )

    return run

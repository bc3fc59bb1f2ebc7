import uuid

import django.core.validators
from django.db import migrations, models

import surveys.models


def give_comments_random_keys(apps, schema_editor):
    Comment = apps.get_model("surveys", "Comment")
    for comment in Comment.objects.all().only("pk"):
        Comment.objects.filter(pk=comment.pk).update(key=uuid.uuid4())


def raise_low_minimums(apps, schema_editor):
    # The lowest minimum is now 3; a wave set lower keeps its choice as far as allowed.
    apps.get_model("surveys", "Wave").objects.filter(min_group_size__lt=3).update(min_group_size=3)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_alter_answer_response")]

    operations = [
        migrations.AddField(
            model_name="wave",
            name="breakdown_questions",
            field=models.JSONField(blank=True, default=surveys.models.all_profile_keys),
        ),
        migrations.AddField(
            model_name="wave",
            name="results_shown",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(raise_low_minimums, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="wave",
            name="min_group_size",
            field=models.PositiveSmallIntegerField(
                default=5,
                validators=[
                    django.core.validators.MinValueValidator(3),
                    django.core.validators.MaxValueValidator(50),
                ],
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(give_comments_random_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="comment",
            name="key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]

"""Delete for good what has passed its time: records deleted more than 30 days ago, audit
entries older than each partnership's retention period, whatever other apps keep for a set
time (survey answers and comments, sign-in records: the "purge_due" hook), rate-limit counts
past their window, and stored files nothing points at.

Run it daily (for example from cron). It prints what it removed.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_scopes import scopes_disabled

from audit.services import audit_purge
from files.services import orphan_files_remove
from partnerships.models import Partnership
from trust import hooks
from trust.ratelimit import rate_counts_purge
from trust.softdelete import purge_expired


class Command(BaseCommand):
    help = "Purge expired soft-deleted records, old audit entries and orphaned files."

    def handle(self, *args, **options):
        with scopes_disabled():
            for label, count in purge_expired().items():
                if count:
                    self.stdout.write(f"{label}: {count} deleted record(s) purged.")
            for partnership in Partnership.objects.all():
                count = audit_purge(partnership=partnership)
                if count:
                    self.stdout.write(f"{partnership.slug}: {count} audit entries purged.")
            for purge in hooks.get_hooks("purge_due"):
                for label, count in purge(now=timezone.now()).items():
                    if count:
                        self.stdout.write(f"{label}: {count} purged.")
        counts = rate_counts_purge()
        if counts:
            self.stdout.write(f"{counts} rate-limit count(s) past their window removed.")
        removed = orphan_files_remove()
        if removed:
            self.stdout.write(f"{removed} orphaned file(s) removed.")
        self.stdout.write("Purge complete.")

"""Give every round signed before fixed versions were recorded a version to point at, once.

Run by `make run` and after upgrading (docs/deployment.md); safe to run again. For each round
of sign-off without a snapshot, a snapshot is made from today's records and labelled
"reconstructed when fixed versions were introduced, not the signed text"; its signatures keep
an empty hash, so they show "signed before fixed versions were recorded". For a report
published before the change, the Word and PDF files made after its sign-off are the
authoritative copies: they become the published files (their SHA-256 checked against what was
recorded when they were stored), and files are made from the reconstructed version only where
none were kept.
"""

from __future__ import annotations

import hashlib

from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scope, scopes_disabled

from partnerships.models import Partnership
from reports import services as report_services
from reports.document import document_from_data
from reports.models import GeneratedFile, YearlyReport
from signoff import services as signoff
from signoff.models import SignOff


class Command(BaseCommand):
    help = "Record a version for sign-off rounds made before fixed versions existed."

    def handle(self, *args, **options):
        rounds = files = 0
        with scopes_disabled():
            partnerships = list(Partnership.objects.all())
        for partnership in partnerships:
            with scope(partnership=partnership), transaction.atomic():
                rounds += self._rounds(partnership)
                files += self._published(partnership)
        self.stdout.write(f"{rounds} rounds given a reconstructed version; {files} files recorded.")

    def _rounds(self, partnership) -> int:
        done = 0
        for round_ in SignOff.objects.filter(partnership=partnership, snapshot__isnull=True):
            target = round_.target
            if target is None:
                continue
            try:
                signoff.kind_of(target)
            except LookupError:
                continue
            round_.snapshot = signoff.snapshot_take(
                target=target, partnership=partnership, reconstructed=True
            )
            round_.save(update_fields=["snapshot"])
            done += 1
        return done

    def _published(self, partnership) -> int:
        done = 0
        reports = YearlyReport.objects.filter(
            partnership=partnership,
            status=YearlyReport.Status.PUBLISHED,
            published_snapshot__isnull=True,
        )
        for report in reports:
            round_ = signoff.current_round(report)
            if round_ is None or round_.snapshot_id is None:
                continue
            report.published_snapshot = round_.snapshot
            report.published_version = report.published_version or 1
            report.save(update_fields=["published_snapshot", "published_version"])
            kept = GeneratedFile.objects.filter(report=report, snapshot__isnull=True)
            if round_.locked_at:
                kept = kept.filter(generated_at__gte=round_.locked_at)
            for fmt in ("docx", "pdf"):
                latest = kept.filter(fmt=fmt).select_related("file").first()
                if latest is not None and latest.file.path.exists():
                    content = latest.file.path.read_bytes()
                    if hashlib.sha256(content).hexdigest() == latest.file.sha256:
                        GeneratedFile.objects.filter(pk=latest.pk).update(snapshot=round_.snapshot)
                        done += 1
                        continue
                content = signoff.snapshot_content(round_.snapshot)
                document = document_from_data(content["document"])
                rendered = report_services._render(report, document, fmt)
                report_services._keep(report, fmt, rendered, None, snapshot=round_.snapshot)
                done += 1
        return done

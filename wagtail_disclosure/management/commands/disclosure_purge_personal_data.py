"""Remove personal data from public submissions whose retention period is over (PDPA).

Run it daily from cron: ``python manage.py disclosure_purge_personal_data``.
"""

from django.core.management.base import BaseCommand

from wagtail_disclosure.submissions.privacy import purge


class Command(BaseCommand):
    help = (
        "Anonymise questions, complaints, feedback and survey comments past their retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be anonymised."
        )

    def handle(self, *args, **options):
        counts = purge(dry_run=options["dry_run"])
        verb = "would be anonymised" if options["dry_run"] else "anonymised"
        for form_name, count in counts.items():
            self.stdout.write(f"{form_name}: {count} {verb}")

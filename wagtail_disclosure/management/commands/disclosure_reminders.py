"""E-mail approvers about approval-chain steps pending longer than REMINDER_AFTER_DAYS (run daily)."""

from django.core.management.base import BaseCommand

from wagtail_disclosure.approval.notifications import send_reminders


class Command(BaseCommand):
    help = "E-mail approvers about approval-chain steps that have waited too long."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override WAGTAIL_DISCLOSURE['REMINDER_AFTER_DAYS'].",
        )

    def handle(self, *args, **options):
        sent = send_reminders(days=options["days"])
        self.stdout.write(f"{sent} reminder(s) sent.")

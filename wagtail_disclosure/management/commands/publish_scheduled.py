"""Wagtail's ``publish_scheduled``, first dropping schedules the approval chain never approved.

A revision scheduled before the chain covered its section (or by any path that skipped the guard)
would make the command stop half-way when the guard refuses it; here it is unscheduled and the
refusal is logged on the page's history, and the command goes on with the rest.
"""

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from wagtail_disclosure.approval import guard


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
            for revision in due:
                obj = revision.as_object()
                if guard.publication_authorised(obj, revision):
                    continue
                Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                log(
                    instance=obj,
                    action="wagtail_disclosure.schedule.refused",
                    revision=revision,
                    data={"reason": str(guard.PublicationRefused(obj))},
                )
                self.stdout.write(
                    f"Refused (needs the approval chain): {obj} revision {revision.pk}"
                )
        return super().handle(*args, **options)

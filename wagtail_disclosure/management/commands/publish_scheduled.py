"""Wagtail's ``publish_scheduled``, first dropping schedules the publication policy refuses.

A revision scheduled before the approval workflow covered its section, or before a compliance rule
came into force (or by any path that skipped the policy), would make the command stop half-way when
the save guard refuses it; here it is unscheduled, the refusal is logged on the page's history,
and the command goes on with the rest.
"""

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from wagtail_disclosure.approval.policy import Publication


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
            for revision in due:
                decision = Publication.of(revision).decide()
                if decision:
                    continue
                Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                log(
                    instance=decision.page,
                    action="wagtail_disclosure.schedule.refused",
                    revision=revision,
                    data={"reason": str(decision.message)},
                )
                self.stdout.write(f"Refused: {decision.page} revision {revision.pk}")
        return super().handle(*args, **options)

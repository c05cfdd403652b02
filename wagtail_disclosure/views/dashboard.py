"""The officer's dashboard panel: the items of their work group that are missing or out of date.

Read from the one readiness report (``reports.readiness.readiness``, which applies the one freshness
rule), narrowed to the officer's work group, each item linking to its indicator page where the
content is added. What waits for the officer's decision is the chain's panel (``approval_hooks``).
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from wagtail_disclosure.models import IndicatorPage, Person
from wagtail_disclosure.reports.readiness import Status, edition_for_site, readiness

ATTENTION = (Status.MISSING, Status.NEEDS_UPDATE, Status.NEEDS_MORE)


class GroupItemsPanel(Component):
    name = "disclosure_group_items"
    order = 95
    template_name = "wagtail_disclosure/dashboard/group_items.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        site = (
            Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        )
        person = (
            Person.objects.filter(site=site, user=self.request.user, active=True)
            .exclude(work_group=None)
            .select_related("work_group")
            .first()
            if site
            else None
        )
        if person is None:
            return {"rows": [], "group": None}
        rows = [
            r
            for r in readiness(site, edition_for_site(site), group=person.work_group)
            if r.status in ATTENTION
        ]
        indicators = {
            i.item_id: i
            for i in IndicatorPage.objects.filter(item__in=[r.item.pk for r in rows]).descendant_of(
                site.root_page, inclusive=True
            )
        }
        return {
            "group": person.work_group,
            "rows": [
                {
                    "row": r,
                    "url": reverse("wagtailadmin_explore", args=[indicators[r.item.pk].pk])
                    if r.item.pk in indicators
                    else None,
                }
                for r in rows
            ],
            "report_url": reverse("wagtail_disclosure_admin:oit_readiness"),
        }


def homepage_panels(request, panels):
    panels.append(GroupItemsPanel(request))

"""The supervising agency's view: its offices' readiness side by side, per round, as a heat map,
the offices with overdue items, and a drill-down to one office's readiness report.

Only members of an agency (``models.Agency``) get in (``permissions.agency``), and they see the
offices of their own agencies only. Nothing here reads submissions, personal data or drafts:
readiness is computed from live content alone (``reports.agency``).
"""

from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from wagtail_disclosure.models import Agency
from wagtail_disclosure.reports import charts
from wagtail_disclosure.reports.agency import agency_readiness
from wagtail_disclosure.reports.readiness import Status
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.reports.base import ComputedReportView
from wagtail_disclosure.views.reports.readiness import OITReadinessView


def agency_sites(user):
    """The offices of the agencies ``user`` is a member of."""
    return Site.objects.filter(disclosure_agencies__members=user).distinct()


class AgencyReadinessView(ComputedReportView):
    permission_policy = permissions.agency
    page_title = _("Readiness of the supervised offices")
    header_icon = "site"
    index_url_name = "wagtail_disclosure_admin:agency"
    index_results_url_name = "wagtail_disclosure_admin:agency_results"
    results_template_name = "wagtail_disclosure/reports/agency_results.html"
    export_name = "agency-readiness"

    @cached_property
    def site(self):
        return None  # above the offices: the agency acts for none of them

    @cached_property
    def office(self):
        return ", ".join(str(a) for a in Agency.objects.filter(members=self.request.user))

    @cached_property
    def edition(self):
        return None

    @cached_property
    def computed(self):
        return agency_readiness(
            agency_sites(self.request.user), self.params["fiscal_year"], self.today
        )

    def get_rows(self):
        return self.computed[0]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        offices, codes = self.computed
        context.update(
            codes=codes,
            overdue=[row for row in offices if row.has_overdue],
            heat_map=charts.heat_map(
                [(row.office, row.statuses) for row in offices],
                codes,
                _g("Readiness per item and office"),
                [(s.value, s.label) for s in Status],
            ),
        )
        return context

    def export_headings(self):
        codes = self.computed[1]
        return [
            _g("Office"),
            _g("Percent"),
            _g("Round 1"),
            _g("Round 2"),
            _g("Overdue items"),
            *codes,
        ]

    def export_rows(self, rows):
        codes = self.computed[1]
        for row in rows:
            yield [
                str(row.office),
                row.percent,
                *[percent for _n, percent in row.rounds],
                ", ".join(row.overdue),
                *[Status(row.statuses[c]).label if c in row.statuses else "" for c in codes],
            ]


class AgencyOfficeReadinessView(OITReadinessView):
    """One supervised office's readiness report, for the members of its agencies."""

    permission_policy = permissions.agency
    index_url_name = "wagtail_disclosure_admin:agency_office"
    index_results_url_name = "wagtail_disclosure_admin:agency_office_results"

    def get_index_url(self):
        return self._url("agency_office")

    def get_index_results_url(self):
        return self._url("agency_office_results")

    def _url(self, name):
        return reverse(f"wagtail_disclosure_admin:{name}", args=[self.kwargs["site_id"]])

    @cached_property
    def site(self):
        site = agency_sites(self.request.user).filter(pk=self.kwargs["site_id"]).first()
        if site is None:
            raise Http404
        return site

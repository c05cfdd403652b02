"""Web officers by work group: who keeps each group's pages current under the appointment orders in
force today, and the groups that have nobody (``reports.appointments``); the committee in force;
each order printable. An office that appoints by order (the สพป.ชุมพร เขต 1 order 62/2565) sees here
when a group's officer has left or an order has lapsed."""

from django.urls import reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.reports.appointments import committee, officers_by_group
from wagtail_disclosure.views.reports.base import ComputedReportView, thai_date


class WebOfficersView(ComputedReportView):
    page_title = _("Web officers by work group")
    header_icon = "group"
    index_url_name = "wagtail_disclosure_admin:web_officers"
    index_results_url_name = "wagtail_disclosure_admin:web_officers_results"
    export_name = "web-officers"
    filter_fields = ()
    results_template_name = "wagtail_disclosure/reports/web_officers_results.html"

    def get_rows(self):
        return officers_by_group(self.site, self.today) if self.site is not None else []

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = context["object_list"]
        context.update(
            committee=committee(self.site, self.today) if self.site is not None else [],
            missing=[r for r in rows if r.missing],
            today=self.today,
            orders_url=reverse("wagtail_disclosure_admin_appointment_orders:index"),
        )
        return context

    def export_headings(self):
        return [_g("Work group"), _g("Web officers"), _g("Appointed by order"), _g("Status")]

    def export_rows(self, rows):
        for row in rows:
            yield [
                row.group.name_th,
                "; ".join(f"{a.name} {a.shown_position}".strip() for a in row.officers),
                "; ".join(f"{o.number} ({thai_date(o.date)})" for o in row.orders),
                _g("No web officer appointed") if row.missing else _g("Appointed"),
            ]

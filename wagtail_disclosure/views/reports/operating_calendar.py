"""The operating calendar: the office's disclosure tasks of a fiscal year, month by month."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.models.followup import CalendarEntry
from wagtail_disclosure.thai.dates import fiscal_months, month_label
from wagtail_disclosure.views.reports.base import ComputedReportView


class CalendarView(ComputedReportView):
    page_title = _("Operating calendar")
    header_icon = "calendar"
    index_url_name = "wagtail_disclosure_admin:calendar"
    index_results_url_name = "wagtail_disclosure_admin:calendar_results"
    export_name = "operating-calendar"
    results_template_name = "wagtail_disclosure/reports/calendar_results.html"

    @cached_property
    def months(self):
        return fiscal_months(self.params["fiscal_year"])

    def get_rows(self):
        tasks = CalendarEntry.objects.filter(site=self.site, fiscal_year=self.params["fiscal_year"])
        return [
            {"task": t, "marks": [m in t.months for _y, m in self.months]}
            for t in tasks.order_by("sort_order", "pk")
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            month_labels=[month_label(y, m) for y, m in self.months],
            add_url=reverse("wagtail_disclosure_admin_calendar:add")
            + f"?fiscal_year={self.params['fiscal_year']}",
        )
        return context

    def export_headings(self):
        return (
            [_g("No."), _g("Task")]
            + [month_label(y, m) for y, m in self.months]
            + [_g("Responsible")]
        )

    def export_rows(self, rows):
        for n, row in enumerate(rows, 1):
            yield (
                [n, row["task"].title]
                + ["✓" if mark else "" for mark in row["marks"]]
                + [row["task"].responsible]
            )

"""Publication follow-up: items published per publication channel, work group, item and month."""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.reports import charts
from wagtail_disclosure.reports.followup import followup
from wagtail_disclosure.thai.dates import month_label
from wagtail_disclosure.views.reports.base import ComputedReportView, channel_columns


class FollowUpView(ComputedReportView):
    page_title = _("Publication follow-up")
    header_icon = "date"
    index_url_name = "wagtail_disclosure_admin:follow_up"
    index_results_url_name = "wagtail_disclosure_admin:follow_up_results"
    export_name = "follow-up"
    filter_fields = ("fiscal_year", "round", "quarter", "group", "indicator")
    results_template_name = "wagtail_disclosure/reports/follow_up_results.html"

    @cached_property
    def result(self):
        p = self.params
        return followup(self.site, self.period, self.edition, p["group"], p["indicator"])

    def get_rows(self):
        return self.result.group_rows()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        result = self.result
        channels = channel_columns()
        context.update(
            result=result,
            channels=channels,
            group_rows=[
                (g, [counts.get(code, 0) for code, _l in channels], total)
                for g, counts, total in result.group_rows()
            ],
            item_rows=[
                (item, [counts.get(code, 0) for code, _l in channels], total)
                for item, counts, total in result.item_rows()
            ],
            channel_totals=[result.by_channel.get(code, 0) for code, _l in channels],
            channel_chart=charts.horizontal_bars(
                [(label, result.by_channel.get(code, 0)) for code, label in channels],
                _g("Items per channel"),
                label_width=140,
            ),
            month_chart=charts.vertical_bars(
                [(month_label(y, m), n) for (y, m), n in result.month_rows()],
                _g("Items per month (all channels)"),
            ),
        )
        return context

    def export_headings(self):
        return [_g("Work group")] + [str(label) for _c, label in channel_columns()] + [_g("Total")]

    def export_rows(self, rows):
        for group, counts, total in rows:
            yield (
                [str(group) if group else _g("No work group")]
                + [counts.get(code, 0) for code, _l in channel_columns()]
                + [total]
            )

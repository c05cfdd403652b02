"""The annual OIT report, shaped like the สพม.หนองคาย OIT report of 2566: cover, foreword,
contents, readiness, publication channels, tracking forms, calendar, and an appendix of approvals."""

from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.models.followup import LOGGED_CHANNELS, CalendarEntry, TrackingForm
from wagtail_disclosure.reports import charts
from wagtail_disclosure.reports.approvals import approvals
from wagtail_disclosure.reports.followup import followup
from wagtail_disclosure.reports.readiness import Status, edition_for_site, readiness, summarise
from wagtail_disclosure.thai.dates import FiscalPeriod, fiscal_months, fiscal_year, month_label
from wagtail_disclosure.thai.digits import thai_digits
from wagtail_disclosure.views.reports.base import PrintView, channel_columns


class AnnualReportView(PrintView):
    page_title = _("Annual OIT report")
    header_icon = "doc-full"
    template_name = "wagtail_disclosure/reports/print/annual_report.html"

    def get(self, request):
        try:
            fy = int(request.GET.get("fiscal_year") or fiscal_year())
        except ValueError:
            fy = fiscal_year()
        return self.printable(annual_report_context(self.site, fy, request), f"oit-report-{fy}")


def _channel_counts(result):
    return [(label, result.by_channel.get(code, 0)) for code, label in channel_columns()]


def annual_report_context(site, fy, request=None):
    edition = edition_for_site(site)
    rows = readiness(site, edition, fy, request) if edition else []
    sections, indicators, overall = summarise(rows)
    rounds = []
    for n in (1, 2):
        period = FiscalPeriod(fy, round=n)
        result = followup(site, period, edition)
        rounds.append(
            {"period": period, "channels": _channel_counts(result), "total": result.total}
        )
    year = FiscalPeriod(fy)
    year_result = followup(site, year, edition)
    forms = []
    for form in TrackingForm.objects.filter(site=site, fiscal_year=fy).select_related("work_group"):
        period = FiscalPeriod(fy, round=form.round)
        counts = followup(site, period).by_group.get(form.work_group_id, {})
        forms.append(
            {
                "form": form,
                "period": period,
                "counts": [(label, counts.get(code, 0)) for code, label in channel_columns()],
            }
        )
    months = fiscal_months(fy)
    calendar = [
        {"task": t, "marks": [m in t.months for _y, m in months]}
        for t in CalendarEntry.objects.filter(site=site, fiscal_year=fy).order_by(
            "sort_order", "pk"
        )
    ]
    return {
        "office": OfficeProfile.for_site(site),
        "fiscal_year": fy,
        "fiscal_year_text": thai_digits(fy),
        "edition": edition,
        "rows": rows,
        "sections": sections,
        "indicators": indicators,
        "overall": overall,
        "statuses": Status,
        "readiness_chart": charts.horizontal_bars(
            [(t.label, t.percent) for t in sections],
            _g("Complete items per section (%)"),
            maximum=100,
            suffix="%",
        ),
        "rounds": rounds,
        "channel_chart": charts.horizontal_bars(
            _channel_counts(year_result), _g("Items per channel"), label_width=140
        ),
        "tracking_forms": forms,
        "month_labels": [month_label(y, m) for y, m in months],
        "calendar": calendar,
        "approvals": approvals(site, year),
        "generated": timezone.localdate(),
        "logged_channels": LOGGED_CHANNELS,
    }

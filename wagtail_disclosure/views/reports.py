"""Admin report views (Reports menu). They filter, show and export; figures come from
``readiness``, ``followup`` and ``turnaround``. Seeing them needs ``wagtail_disclosure.view_reports``."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from wagtail_disclosure.catalogue.freshness import Freshness, serves_fiscal_year
from wagtail_disclosure.exports import spreadsheet_response
from wagtail_disclosure.models import OfficeProfile, WorkGroup
from wagtail_disclosure.models.followup import LOGGED_CHANNELS, CalendarEntry, Channel, TrackingForm
from wagtail_disclosure.pdf import render_pdf
from wagtail_disclosure.reports import charts
from wagtail_disclosure.reports.approvals import approvals
from wagtail_disclosure.reports.filters import ReportFilterSet
from wagtail_disclosure.reports.followup import followup
from wagtail_disclosure.reports.readiness import (
    Status,
    as_of,
    edition_for_site,
    readiness,
    summarise,
)
from wagtail_disclosure.reports.turnaround import turnaround
from wagtail_disclosure.thai.dates import (
    FiscalPeriod,
    fiscal_months,
    fiscal_round,
    fiscal_year,
    format_thai_date,
)
from wagtail_disclosure.thai.dates import month_label as thai_month_label
from wagtail_disclosure.thai.digits import thai_digits

PERMISSION = "wagtail_disclosure.view_reports"


def user_can_view_reports(user):
    return user.is_active and user.has_perm(PERMISSION)


def current_site(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


class ReportAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not user_can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def site(self):
        return current_site(self.request)

    @cached_property
    def office(self):
        return OfficeProfile.for_site(self.site)


class DisclosureReportView(ReportAccessMixin, ReportView):
    """A report over computed rows (not a queryset), with the shared filters and BOM'd CSV/XLSX."""

    paginate_by = None
    filterset_class = ReportFilterSet
    filter_fields = ("fiscal_year",)
    header_icon = "table"
    export_name = "report"
    list_export = ["rows"]  # shows Wagtail's download buttons; rows come from export_rows()
    url_name = None

    def get_index_url(self):
        return reverse(f"wagtail_disclosure_reports:{self.url_name}")

    def get_index_results_url(self):
        return reverse(f"wagtail_disclosure_reports:{self.url_name}_results")

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = WorkGroup.objects.none()
        kwargs["fields"] = self.filter_fields
        return kwargs

    def filter_queryset(self, queryset):
        return queryset

    @cached_property
    def today(self):
        """The day the report is for: today, unless the view is given one (``as_view(today=…)``)."""
        return timezone.localdate()

    @cached_property
    def params(self):
        data = {}
        if self.filters is not None and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        fy = int(data.get("fiscal_year") or fiscal_year(self.today))
        round_ = int(data["round"]) if data.get("round") else None
        quarter = int(data["quarter"]) if data.get("quarter") else None
        return {
            "fiscal_year": fy,
            "round": round_,
            "quarter": quarter,
            "group": data.get("group"),
            "indicator": data.get("indicator"),
        }

    @cached_property
    def period(self):
        p = self.params
        return FiscalPeriod(p["fiscal_year"], round=p["round"], quarter=p["quarter"])

    @cached_property
    def edition(self):
        return edition_for_site(self.site)

    def get_queryset(self):
        return self.get_rows()

    def get_rows(self):
        raise NotImplementedError

    def export_headings(self):
        raise NotImplementedError

    def export_rows(self, rows):
        raise NotImplementedError

    def as_spreadsheet(self, object_list, spreadsheet_format):
        filename = f"{self.export_name}-{self.params['fiscal_year']}"
        return spreadsheet_response(
            spreadsheet_format,
            filename,
            self.export_headings(),
            self.export_rows(object_list),
            title=str(self.page_title),
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(period=self.period, params=self.params, office=self.office, site=self.site)
        return context


def _date(value):
    return format_thai_date(value, "%-d %b %Y") if value else ""


class OITReadinessView(DisclosureReportView):
    page_title = _("OIT readiness")
    header_icon = "tasks"
    url_name = "oit_readiness"
    export_name = "oit-readiness"
    filter_fields = ("fiscal_year", "group", "indicator")
    results_template_name = "wagtail_disclosure/reports/oit_readiness_results.html"

    def get_rows(self):
        if self.edition is None:
            return []
        p = self.params
        return readiness(
            self.site,
            self.edition,
            p["fiscal_year"],
            self.request,
            group=p["group"],
            item=p["indicator"],
            today=self.today,
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        sections, indicators, overall = summarise(context["object_list"])
        context.update(
            edition=self.edition,
            sections=sections,
            indicators=indicators,
            overall=overall,
            statuses=Status,
            chart=charts.horizontal_bars(
                [(t.label, t.percent) for t in sections],
                _g("Complete items per section (%)"),
                maximum=100,
                suffix="%",
            ),
        )
        return context

    def export_headings(self):
        return [
            _g("Code"),
            _g("Item"),
            _g("Section"),
            _g("Status"),
            _g("Reason"),
            _g("Work group"),
            _g("Latest date"),
            _g("Public URLs"),
        ]

    def export_rows(self, rows):
        for row in rows:
            yield [
                row.item.code,
                row.item.name,
                f"{row.item.section.code} {row.item.section.name}",
                row.status_label,
                row.reason,
                str(row.group) if row.group else "",
                _date(row.latest_date),
                row.urls,
            ]


class ITASExportView(OITReadinessView):
    """One row per indicator for the NACC's ITAS form: has it or not, URLs, a short explanation."""

    page_title = _("ITAS export")
    header_icon = "download"
    url_name = "itas"
    export_name = "itas"
    filter_fields = ("fiscal_year",)
    results_template_name = "wagtail_disclosure/reports/itas_results.html"

    def explanation(self, row):
        """The newest pages that answer the item (those that keep it current, if any)."""
        if row.status == Status.MISSING:
            return str(row.reason)
        year = fiscal_year(as_of(self.params["fiscal_year"], self.today))
        serving = [p for p in row.pages if serves_fiscal_year(row.item, p.fiscal_year, year)]
        text = "; ".join(f"{p.title} ({_date(p.date)})" for p in (serving or row.pages)[:3])
        return f"{text}. {row.reason}".strip() if row.reason else text

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["itas_rows"] = [(row, self.explanation(row)) for row in context["object_list"]]
        return context

    def export_headings(self):
        return [
            _g("Indicator"),
            _g("Name"),
            _g("Has it"),
            _g("URLs"),
            _g("Explanation"),
            _g("Freshness"),
        ]

    def export_rows(self, rows):
        for row in rows:
            yield [
                row.item.code,
                row.item.name,
                _g("Yes") if row.status != Status.MISSING else _g("No"),
                row.urls,
                self.explanation(row),
                str(row.freshness.label),
            ]


def _channel_columns():
    return [(c.value, c.label) for c in Channel]


class FollowUpView(DisclosureReportView):
    page_title = _("Publication follow-up")
    header_icon = "date"
    url_name = "follow_up"
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
        channels = _channel_columns()
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
                [(thai_month_label(y, m), n) for (y, m), n in result.month_rows()],
                _g("Items per month (all channels)"),
            ),
        )
        return context

    def export_headings(self):
        return [_g("Work group")] + [str(label) for _c, label in _channel_columns()] + [_g("Total")]

    def export_rows(self, rows):
        for group, counts, total in rows:
            yield (
                [str(group) if group else _g("No work group")]
                + [counts.get(code, 0) for code, _l in _channel_columns()]
                + [total]
            )


class TrackingFormsView(DisclosureReportView):
    page_title = _("Tracking forms")
    header_icon = "form"
    url_name = "tracking_forms"
    export_name = "tracking-forms"
    filter_fields = ("fiscal_year", "round", "group")
    results_template_name = "wagtail_disclosure/reports/tracking_forms_results.html"

    @cached_property
    def round(self):
        return self.params["round"] or (
            fiscal_round() if self.params["fiscal_year"] == fiscal_year() else 1
        )

    def get_rows(self):
        fy = self.params["fiscal_year"]
        period = FiscalPeriod(fy, round=self.round)
        figures = followup(self.site, period, self.edition)
        forms = {
            f.work_group_id: f
            for f in TrackingForm.objects.filter(site=self.site, fiscal_year=fy, round=self.round)
        }
        groups = WorkGroup.objects.filter(site=self.site)
        if self.params["group"]:
            groups = groups.filter(pk=self.params["group"].pk)
        return [
            {
                "group": g,
                "form": forms.get(g.pk),
                "counts": [
                    figures.by_group.get(g.pk, {}).get(c, 0) for c, _l in _channel_columns()
                ],
            }
            for g in groups
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            round=self.round,
            round_period=FiscalPeriod(self.params["fiscal_year"], round=self.round),
            channels=_channel_columns(),
            add_url=reverse("disclosure_tracking_forms:add"),
        )
        return context

    def export_headings(self):
        return [
            _g("Work group"),
            _g("Responsible people"),
            _g("Results"),
            _g("Improvements from the evaluation"),
            _g("Help wanted"),
        ] + [str(label) for _c, label in _channel_columns()]

    def export_rows(self, rows):
        for row in rows:
            form = row["form"]
            yield [
                str(row["group"]),
                form.people if form else "",
                form.results if form else "",
                form.improvements if form else "",
                form.help_wanted if form else "",
            ] + row["counts"]


class TurnaroundView(DisclosureReportView):
    page_title = _("Workflow turnaround")
    header_icon = "time"
    url_name = "turnaround"
    export_name = "workflow-turnaround"
    filter_fields = ("fiscal_year", "round", "quarter", "group")
    results_template_name = "wagtail_disclosure/reports/turnaround_results.html"

    @cached_property
    def result(self):
        return turnaround(self.site, self.period, self.params["group"])

    def get_rows(self):
        return self.result.groups

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["result"] = self.result
        return context

    def export_headings(self):
        return [
            _g("Work group"),
            _g("Submitted"),
            _g("Published"),
            _g("Refused"),
            _g("Pending"),
            _g("Average days"),
            _g("Median days"),
            _g("Longest (days)"),
        ]

    def export_rows(self, rows):
        for row in rows:
            yield [
                str(row.group) if row.group else _g("No work group"),
                row.submitted,
                row.published,
                row.refused,
                row.pending,
                row.average_days,
                row.median_days,
                row.max_days,
            ]


class FreshnessView(DisclosureReportView):
    page_title = _("Freshness")
    header_icon = "history"
    url_name = "freshness"
    export_name = "freshness"
    filter_fields = ("group", "indicator")
    results_template_name = "wagtail_disclosure/reports/freshness_results.html"

    def get_rows(self):
        """Items with content, from the most urgent (outdated, then due) to the current ones."""
        if self.edition is None:
            return []
        rows = [
            {
                "row": row,
                "state": row.freshness.status,
                "label": row.freshness.label,
                "due": row.freshness.next_update,
            }
            for row in readiness(
                self.site,
                self.edition,
                fiscal_year(self.today),
                self.request,
                group=self.params["group"],
                item=self.params["indicator"],
                today=self.today,
            )
            if row.freshness.status != Freshness.MISSING
        ]
        order = {Freshness.OUTDATED: 0, Freshness.DUE: 1, Freshness.CURRENT: 2}
        rows.sort(key=lambda r: (order[r["state"]], r["row"].item.sort_order))
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = dict.fromkeys((Freshness.CURRENT, Freshness.DUE, Freshness.OUTDATED), 0)
        for r in context["object_list"]:
            counts[r["state"]] += 1
        context["counts"] = [(Freshness(s).label, s, n) for s, n in counts.items()]
        return context

    def export_headings(self):
        return [
            _g("Code"),
            _g("Item"),
            _g("State"),
            _g("Latest date"),
            _g("Next update due"),
            _g("Work group"),
        ]

    def export_rows(self, rows):
        for r in rows:
            row = r["row"]
            yield [
                row.item.code,
                row.item.name,
                r["label"],
                _date(row.latest_date),
                _date(r["due"]),
                str(row.group) if row.group else "",
            ]


class CalendarView(DisclosureReportView):
    page_title = _("Operating calendar")
    header_icon = "calendar"
    url_name = "calendar"
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
            month_labels=[thai_month_label(y, m) for y, m in self.months],
            add_url=reverse("disclosure_calendar:add")
            + f"?fiscal_year={self.params['fiscal_year']}",
        )
        return context

    def export_headings(self):
        return (
            [_g("No."), _g("Task")]
            + [thai_month_label(y, m) for y, m in self.months]
            + [_g("Responsible")]
        )

    def export_rows(self, rows):
        for n, row in enumerate(rows, 1):
            yield (
                [n, row["task"].title]
                + ["✓" if mark else "" for mark in row["marks"]]
                + [row["task"].responsible]
            )


# --- printable documents ----------------------------------------------------------------------


def _printable(request, template, context, filename):
    """HTML print view, or the same as PDF with ``?format=pdf``."""
    if request.GET.get("format") == "pdf":
        pdf = render_pdf(template, context, request=request)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
        return response
    return TemplateResponse(request, template, context)


class TrackingFormPrintView(ReportAccessMixin, View):
    def get(self, request, pk):
        form = get_object_or_404(
            TrackingForm.objects.select_related("work_group"), pk=pk, site=self.site
        )
        period = FiscalPeriod(form.fiscal_year, round=form.round)
        result = followup(form.site, period)
        counts = result.by_group.get(form.work_group_id, {})
        context = {
            "office": OfficeProfile.for_site(form.site),
            "forms": [
                {
                    "form": form,
                    "period": period,
                    "counts": [(label, counts.get(code, 0)) for code, label in _channel_columns()],
                }
            ],
        }
        return _printable(
            request,
            "wagtail_disclosure/reports/print/tracking_form.html",
            context,
            f"tracking-form-{form.fiscal_year}-{form.round}-{form.work_group.code}",
        )


class AnnualReportView(ReportAccessMixin, View):
    """The annual OIT report, shaped like the สพม.หนองคาย one of 2566: cover, foreword, contents,
    readiness, channels, tracking forms, calendar, and an appendix of approvals."""

    def get(self, request):
        try:
            fy = int(request.GET.get("fiscal_year") or fiscal_year())
        except ValueError:
            fy = fiscal_year()
        context = annual_report_context(self.site, fy, request)
        return _printable(
            request,
            "wagtail_disclosure/reports/print/annual_report.html",
            context,
            f"oit-report-{fy}",
        )


def annual_report_context(site, fy, request=None):
    edition = edition_for_site(site)
    rows = readiness(site, edition, fy, request) if edition else []
    sections, indicators, overall = summarise(rows)
    rounds = []
    for n in (1, 2):
        period = FiscalPeriod(fy, round=n)
        result = followup(site, period, edition)
        rounds.append(
            {
                "period": period,
                "channels": [
                    (label, result.by_channel.get(code, 0)) for code, label in _channel_columns()
                ],
                "total": result.total,
            }
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
                "counts": [(label, counts.get(code, 0)) for code, label in _channel_columns()],
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
            [(label, year_result.by_channel.get(code, 0)) for code, label in _channel_columns()],
            _g("Items per channel"),
            label_width=140,
        ),
        "tracking_forms": forms,
        "month_labels": [thai_month_label(y, m) for y, m in months],
        "calendar": calendar,
        "approvals": approvals(site, year),
        "generated": timezone.localdate(),
        "logged_channels": LOGGED_CHANNELS,
    }

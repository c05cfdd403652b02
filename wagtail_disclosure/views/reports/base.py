"""What the disclosure reports share: computed rows with the common filters and BOM'd CSV/XLSX,
and the printable documents (HTML, or PDF with ``?format=pdf``).

Seeing any of them needs ``wagtail_disclosure.view_reports`` (``permissions.reports``).
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView

from wagtail_disclosure.exports import spreadsheet_response
from wagtail_disclosure.models import WorkGroup
from wagtail_disclosure.models.followup import Channel
from wagtail_disclosure.pdf import cached_pdf
from wagtail_disclosure.reports.filters import ReportFilterSet, office_edition
from wagtail_disclosure.thai.dates import FiscalPeriod, fiscal_year, format_thai_date
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.mixins import CurrentSiteMixin


def thai_date(value):
    return format_thai_date(value, "%-d %b %Y") if value else ""


def channel_columns():
    """(code, label) of every publication channel, in the order the reports show them."""
    return [(c.value, c.label) for c in Channel]


class ComputedReportView(CurrentSiteMixin, ReportView):
    """A report over computed rows (not a queryset), with the shared filters and BOM'd CSV/XLSX."""

    permission_policy = permissions.reports
    permission_required = "view"
    paginate_by = None
    filterset_class = ReportFilterSet
    filter_fields = ("fiscal_year",)
    header_icon = "table"
    export_name = "report"
    list_export = ["rows"]  # shows Wagtail's download buttons; rows come from export_rows()

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
        return office_edition(self.request, self.site)

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


class PrintView(CurrentSiteMixin, PermissionCheckedMixin, View):
    """A printable document of the reports: HTML to print, or the same as PDF with ``?format=pdf``."""

    permission_policy = permissions.reports
    permission_required = "view"
    template_name = None

    def printable(self, context, filename):
        if self.request.GET.get("format") == "pdf":
            pdf = cached_pdf(self.template_name, context, request=self.request)
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
            return response
        return TemplateResponse(self.request, self.template_name, context)

"""Tracking forms: each work group's follow-up form for a round, with its publication counts;
and one form printed (HTML or PDF) as the office files it."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.models import OfficeProfile, WorkGroup
from wagtail_disclosure.models.followup import TrackingForm
from wagtail_disclosure.reports.followup import followup
from wagtail_disclosure.thai.dates import FiscalPeriod, fiscal_round, fiscal_year
from wagtail_disclosure.views.reports.base import ComputedReportView, PrintView, channel_columns


class TrackingFormsView(ComputedReportView):
    page_title = _("Tracking forms")
    header_icon = "form"
    index_url_name = "wagtail_disclosure_admin:tracking_forms"
    index_results_url_name = "wagtail_disclosure_admin:tracking_forms_results"
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
                "counts": [figures.by_group.get(g.pk, {}).get(c, 0) for c, _l in channel_columns()],
            }
            for g in groups
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            round=self.round,
            round_period=FiscalPeriod(self.params["fiscal_year"], round=self.round),
            channels=channel_columns(),
            add_url=reverse("wagtail_disclosure_admin_tracking_forms:add"),
        )
        return context

    def export_headings(self):
        return [
            _g("Work group"),
            _g("Responsible people"),
            _g("Results"),
            _g("Improvements from the evaluation"),
            _g("Help wanted"),
        ] + [str(label) for _c, label in channel_columns()]

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


class TrackingFormPrintView(PrintView):
    template_name = "wagtail_disclosure/reports/print/tracking_form.html"

    def get(self, request, pk):
        form = get_object_or_404(
            TrackingForm.objects.select_related("work_group"), pk=pk, site=self.site
        )
        period = FiscalPeriod(form.fiscal_year, round=form.round)
        counts = followup(form.site, period).by_group.get(form.work_group_id, {})
        context = {
            "office": OfficeProfile.for_site(form.site),
            "forms": [
                {
                    "form": form,
                    "period": period,
                    "counts": [(label, counts.get(code, 0)) for code, label in channel_columns()],
                }
            ],
        }
        return self.printable(
            context, f"tracking-form-{form.fiscal_year}-{form.round}-{form.work_group.code}"
        )

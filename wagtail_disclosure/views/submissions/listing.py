"""What the lists of public submissions share: search, filters, paging and BOM'd CSV/XLSX."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from wagtail_disclosure.exports import ThaiSpreadsheetMixin
from wagtail_disclosure.models.offices import for_office
from wagtail_disclosure.thai.dates import fiscal_year
from wagtail_disclosure.views.mixins import CurrentSiteMixin


def fiscal_year_filter(model):
    """A filter on ``fiscal_year`` offering the years the submissions have, and the current one."""

    def choices(request=None):
        years = sorted(
            set(model.objects.values_list("fiscal_year", flat=True)) | {fiscal_year()},
            reverse=True,
        )
        return [(y, str(y)) for y in years]

    return django_filters.ChoiceFilter(label=_("Fiscal year"), choices=choices)


class SubmissionListView(CurrentSiteMixin, ThaiSpreadsheetMixin, ReportView):
    """A searchable, filterable, exportable list of one kind of submission, of the office the user
    acts for (``CurrentSiteMixin``: its permission policy is that office's too)."""

    is_searchable = True
    search_backend_name = None  # plain icontains on search_fields
    paginate_by = 30

    def get_queryset(self):
        return for_office(self.model.objects.all(), self.site)

"""Corruption complaints (O28): the list, one complaint with its status history, its evidence.

Only the integrity group gets in, superusers included (``permissions.complaints``), and every
view asks before any work. The complainant's identity is never searched, listed or exported.
"""

import django_filters
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from wagtail_disclosure.models import CorruptionComplaint
from wagtail_disclosure.models.offices import for_office
from wagtail_disclosure.submissions import notifications as notify
from wagtail_disclosure.submissions.forms import ComplaintStatusForm
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.mixins import CurrentSiteMixin
from wagtail_disclosure.views.submissions.listing import SubmissionListView, fiscal_year_filter


class IntegrityOnlyMixin(CurrentSiteMixin, PermissionCheckedMixin):
    """Refuses everyone outside the integrity group of the office they act for, superusers
    included, before any work; ``complaints`` are that office's only."""

    permission_policy = permissions.complaints
    permission_required = "view"

    def complaints(self):
        return for_office(CorruptionComplaint.objects.all(), self.site)


class ComplaintFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CorruptionComplaint.Status.choices
    )
    complaint_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=CorruptionComplaint.Type.choices
    )
    fiscal_year = fiscal_year_filter(CorruptionComplaint)

    class Meta:
        model = CorruptionComplaint
        fields = ["status", "complaint_type", "fiscal_year"]


class ComplaintListView(IntegrityOnlyMixin, SubmissionListView):
    model = CorruptionComplaint
    page_title = _("Corruption complaints")
    header_icon = "warning"
    index_url_name = "wagtail_disclosure_admin:complaints"
    index_results_url_name = "wagtail_disclosure_admin:complaints_results"
    filterset_class = ComplaintFilterSet
    # Never the complainant's identity: not searchable, not listed, not exported.
    search_fields = ["reference", "subject", "accused"]
    columns = [
        TitleColumn(
            "reference", label=_("Reference"), url_name="wagtail_disclosure_admin:complaint"
        ),
        Column("subject", label=_("Subject")),
        Column("get_complaint_type_display", label=_("Type")),
        Column("get_status_display", label=_("Status")),
        DateColumn("received_at", label=pgettext_lazy("date", "Received")),
    ]
    list_export = [
        "reference",
        "received_at",
        "fiscal_year",
        "get_complaint_type_display",
        "subject",
        "get_status_display",
        "get_outcome_display",
        "concluded_at",
    ]
    export_headings = {
        "get_complaint_type_display": _("Type"),
        "get_status_display": _("Status"),
        "get_outcome_display": _("Outcome"),
    }
    export_filename = "corruption-complaints"


class ComplaintDetailView(IntegrityOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_disclosure/submissions/admin/complaint_detail.html"
    header_icon = "warning"

    def setup(self, request, pk):
        super().setup(request, pk=pk)
        self.pk = pk

    @property
    def complaint(self):
        return get_object_or_404(self.complaints(), pk=self.pk)

    def get_page_title(self):
        return _("Complaint %(ref)s") % {"ref": self.complaint.reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtail_disclosure_admin:complaints"),
                "label": _("Corruption complaints"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        complaint = self.complaint
        context.update(
            complaint=complaint,
            history=complaint.history.select_related("changed_by"),
            evidence=complaint.evidence.all(),
            status_form=kwargs.get("status_form")
            or ComplaintStatusForm(initial={"status": complaint.status}),
        )
        return context

    def post(self, request, pk):
        complaint = self.complaint
        form = ComplaintStatusForm(request.POST)
        if form.is_valid():
            change = complaint.change_status(request.user, **form.cleaned_data)
            notify.complaint_status_changed(complaint, change)
            messages.success(request, _("Status updated."))
            return redirect("wagtail_disclosure_admin:complaint", pk)
        return self.render_to_response(self.get_context_data(status_form=form), status=400)


class ComplaintEvidenceView(IntegrityOnlyMixin, View):
    """One piece of evidence, downloaded under the name it was sent with."""

    def get(self, request, pk, evidence_pk):
        complaint = get_object_or_404(self.complaints(), pk=pk)
        evidence = get_object_or_404(complaint.evidence, pk=evidence_pk)
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError as e:
            raise Http404 from e
        return FileResponse(handle, as_attachment=True, filename=evidence.original_name)

"""Admin views of the checks: overriding a warning, the library's media lacking rights data,
and the message an editor sees after saving."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.compliance.overrides import can_override, override_warning
from wagtail_disclosure.exports import ThaiSpreadsheetMixin

app_name = "wagtail_disclosure_checks"


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=5,
        help_text=_("Recorded with your name for the audit."),
    )


def override_view(request, page_id, key):
    page = get_object_or_404(Page, pk=page_id).specific
    draft = page.get_latest_revision_as_object()
    if not can_override(request.user, draft):
        raise PermissionDenied
    report = run_checks(draft, "save")
    result = next((r for r in report.results if r.key == key), None)
    if result is None:
        raise Http404(_("This finding is no longer there."))
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            override_warning(draft, result, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The warning was overridden; your reason is recorded."))
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "wagtail_disclosure/compliance/override.html",
        {"page": page, "result": result, "form": form},
    )


def urlpatterns():
    return [
        path("<int:page_id>/override/<str:key>/", override_view, name="override"),
        path("media-rights/images/", ImagesLackingRightsView.as_view(), name="images"),
        path(
            "media-rights/images/results/",
            ImagesLackingRightsView.as_view(results_only=True),
            name="images_results",
        ),
        path("media-rights/documents/", DocumentsLackingRightsView.as_view(), name="documents"),
        path(
            "media-rights/documents/results/",
            DocumentsLackingRightsView.as_view(results_only=True),
            name="documents_results",
        ),
    ]


def _missing(obj):
    missing = []
    if not obj.source:
        missing.append(str(_("source or credit")))
    if not obj.licence:
        missing.append(str(_("licence")))
    if getattr(obj, "shows_people", False):
        if not (obj.consent_obtained and obj.consent_recorded_by):
            missing.append(str(_("consent")))
        if not obj.official_pr_purpose:
            missing.append(str(_("official PR purpose")))
    return ", ".join(missing)


class _LackingRightsView(ThaiSpreadsheetMixin, ReportView):
    """Library items that the checks would block: flagged so they are fixed before anyone uses them."""

    header_icon = "warning"
    list_export = ["title", "source", "licence", "copyright_holder", "missing"]
    export_headings = {"missing": _("Missing")}

    def get_queryset(self):
        return self.model.objects.filter(self.lacking).order_by("-created_at")

    def decorate_paginated_queryset(self, object_list):
        for obj in object_list:
            obj.missing = _missing(obj)
        return object_list

    def to_row_dict(self, item):
        item.missing = _missing(item)
        return super().to_row_dict(item)


class ImagesLackingRightsView(_LackingRightsView):
    page_title = _("Images lacking rights data")
    index_url_name = "wagtail_disclosure_checks:images"
    index_results_url_name = "wagtail_disclosure_checks:images_results"
    lacking = (
        Q(source="")
        | Q(licence="")
        | Q(shows_people=True)
        & (Q(consent_obtained=False) | Q(consent_recorded_by="") | Q(official_pr_purpose=False))
    )
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailimages:edit"),
        Column("missing", label=_("Missing")),
        Column("created_at", label=_("Uploaded")),
    ]

    @property
    def model(self):
        return get_image_model()

    def get_filename(self):
        return "images-lacking-rights"


class DocumentsLackingRightsView(_LackingRightsView):
    page_title = _("Documents lacking rights data")
    index_url_name = "wagtail_disclosure_checks:documents"
    index_results_url_name = "wagtail_disclosure_checks:documents_results"
    lacking = Q(source="") | Q(licence="")
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtaildocs:edit"),
        Column("missing", label=_("Missing")),
        Column("created_at", label=_("Uploaded")),
    ]

    @property
    def model(self):
        return get_document_model()

    def get_filename(self):
        return "documents-lacking-rights"


class LackingRightsMenuItem(MenuItem):
    def __init__(self, label, url_name, model_getter, **kwargs):
        super().__init__(label, reverse(url_name), **kwargs)
        self.model_getter = model_getter

    def is_shown(self, request):
        model = self.model_getter()
        return request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def reports_menu_items():
    return [
        LackingRightsMenuItem(
            _("Images lacking rights data"),
            "wagtail_disclosure_checks:images",
            get_image_model,
            icon_name="image",
            order=710,
        ),
        LackingRightsMenuItem(
            _("Documents lacking rights data"),
            "wagtail_disclosure_checks:documents",
            get_document_model,
            icon_name="doc-full",
            order=711,
        ),
    ]


def after_save_message(request, page):
    """After a save in the editor: say at once whether the checks would let the page through."""
    if not hasattr(page, "catalogue_items"):
        return
    draft = page.get_latest_revision_as_object() if page.pk else page
    report = run_checks(draft, "save")
    if report.blocking:
        messages.warning(
            request,
            ngettext(
                "Compliance checks: %(count)d problem must be fixed before submission. See "
                "“Compliance checks” in the editor.",
                "Compliance checks: %(count)d problems must be fixed before submission. See "
                "“Compliance checks” in the editor.",
                len(report.blocking),
            )
            % {"count": len(report.blocking)},
        )

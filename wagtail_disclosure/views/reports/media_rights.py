"""Images and documents lacking rights data: library items that the compliance checks would block
(no source or licence; people shown without recorded consent or an official PR purpose), listed so
they are fixed before anyone uses them. Open to those who may change the library's items."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from wagtail_disclosure.exports import ThaiSpreadsheetMixin
from wagtail_disclosure.views import permissions


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


class LackingRightsView(ThaiSpreadsheetMixin, ReportView):
    header_icon = "warning"
    permission_required = "change"
    list_export = ["title", "source", "licence", "copyright_holder", "missing"]
    export_headings = {"missing": _("Missing")}
    lacking = None  # the Q of the items that lack something

    def get_queryset(self):
        return self.model.objects.filter(self.lacking).order_by("-created_at")

    def decorate_paginated_queryset(self, object_list):
        for obj in object_list:
            obj.missing = _missing(obj)
        return object_list

    def to_row_dict(self, item):
        item.missing = _missing(item)
        return super().to_row_dict(item)


class ImagesLackingRightsView(LackingRightsView):
    page_title = _("Images lacking rights data")
    permission_policy = permissions.images
    index_url_name = "wagtail_disclosure_admin:images_lacking_rights"
    index_results_url_name = "wagtail_disclosure_admin:images_lacking_rights_results"
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


class DocumentsLackingRightsView(LackingRightsView):
    page_title = _("Documents lacking rights data")
    permission_policy = permissions.documents
    index_url_name = "wagtail_disclosure_admin:documents_lacking_rights"
    index_results_url_name = "wagtail_disclosure_admin:documents_lacking_rights_results"
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

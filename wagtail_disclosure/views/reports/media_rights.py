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
from wagtail_disclosure.models.media import RIGHTS, rights_of
from wagtail_disclosure.views import permissions


def _missing(rights):
    missing = []
    if not rights.source:
        missing.append(str(_("source or credit")))
    if not rights.licence:
        missing.append(str(_("licence")))
    if getattr(rights, "shows_people", False):
        if not (rights.consent_obtained and rights.consent_recorded_by):
            missing.append(str(_("consent")))
        if not rights.official_pr_purpose:
            missing.append(str(_("official PR purpose")))
    return ", ".join(missing)


def _decorate(obj):
    obj.rights = rights_of(obj)
    obj.missing = _missing(obj.rights)
    return obj


def _lacking(*conditions):
    """Items with no rights record, or one lacking any of ``conditions`` (on the record)."""
    lacking = Q(**{f"{RIGHTS}__isnull": True})
    for condition in conditions:
        lacking |= condition
    return lacking


def _on_rights(**lookups):
    return Q(**{f"{RIGHTS}__{name}": value for name, value in lookups.items()})


class LackingRightsView(ThaiSpreadsheetMixin, ReportView):
    header_icon = "warning"
    permission_required = "change"
    list_export = ["title", "rights.source", "rights.licence", "rights.copyright_holder", "missing"]
    export_headings = {
        "rights.source": _("source or credit"),
        "rights.licence": _("licence"),
        "rights.copyright_holder": _("copyright holder"),
        "missing": _("Missing"),
    }
    lacking = None  # the Q of the items that lack something

    def get_queryset(self):
        return (
            self.model.objects.filter(self.lacking).select_related(RIGHTS).order_by("-created_at")
        )

    def decorate_paginated_queryset(self, object_list):
        return [_decorate(obj) for obj in object_list]

    def to_row_dict(self, item):
        return super().to_row_dict(_decorate(item))


class ImagesLackingRightsView(LackingRightsView):
    page_title = _("Images lacking rights data")
    permission_policy = permissions.images
    index_url_name = "wagtail_disclosure_admin:images_lacking_rights"
    index_results_url_name = "wagtail_disclosure_admin:images_lacking_rights_results"
    lacking = _lacking(
        _on_rights(source=""),
        _on_rights(licence=""),
        _on_rights(shows_people=True)
        & (
            _on_rights(consent_obtained=False)
            | _on_rights(consent_recorded_by="")
            | _on_rights(official_pr_purpose=False)
        ),
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
    lacking = _lacking(_on_rights(source=""), _on_rights(licence=""))
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

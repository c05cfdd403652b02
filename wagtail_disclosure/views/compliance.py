"""Admin views of the compliance checks: overriding a warning with a reason, and the message an
editor sees after saving. (The library's media lacking rights data is a report:
``views.reports.media_rights``.)"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Page

from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.compliance.overrides import can_override, override_warning


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

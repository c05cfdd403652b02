"""The compliance checks beside the content in the page editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.compliance.overrides import can_override


class ChecksPanel(Panel):
    """Shows what the checks find in the draft being edited; re-run on every save."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Compliance checks"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "compliance_checks"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_disclosure/compliance/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            report = run_checks(page, "save") if page is not None and page.pk else None
            context.update(
                report=report,
                can_override=bool(report and can_override(self.request.user, page)),
                page=page,
            )
            return context

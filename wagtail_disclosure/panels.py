"""The compliance checks beside the content in the page editor.

The panel is part of the page models' edit handlers, so it imports nothing above them: its template
runs the checks through ``{% load disclosure_compliance %}`` (``templatetags``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


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
            context.update(page=self.instance, user=self.request.user)
            return context

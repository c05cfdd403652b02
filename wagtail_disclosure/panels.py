"""Panels of the app's page editors: the compliance checks beside the content, and the
publishing schedule in Buddhist Era.

The panels are part of the page models' edit handlers, so they import nothing above them: the
checks' template runs them through ``{% load disclosure_compliance %}`` (``templatetags``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, Panel, PublishingPanel
from wagtail.models import Page

from wagtail_disclosure.forms.dates import BuddhistDateTimeInput


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


class BuddhistPublishingPanel(PublishingPanel):
    """Wagtail's publishing schedule ("go live at", "expire at") with B.E. date-time inputs
    ("15/11/2569 14:30") in place of its C.E. date picker; the rest is Wagtail's own."""

    def __init__(self, **kwargs):
        # The attributes Wagtail gives its own inputs: the schedule dialog resets them on close.
        attrs = {
            "data-controller": "w-action",
            "data-action": "w-dialog:hidden->w-action#reset",
            "data-w-dialog-target": "notify",
        }
        kwargs.setdefault(
            "children",
            [
                FieldPanel("go_live_at", widget=BuddhistDateTimeInput(attrs=attrs)),
                FieldPanel("expire_at", widget=BuddhistDateTimeInput(attrs=attrs)),
            ],
        )
        super().__init__(**kwargs)


# The settings tab of the app's page types: Wagtail's (its comments panel included), the schedule
# in B.E.
BUDDHIST_SETTINGS_PANELS = [BuddhistPublishingPanel()] + [
    panel
    for panel in Page.settings_panels
    if getattr(panel, "path", "") != "wagtail.admin.panels.PublishingPanel"
]

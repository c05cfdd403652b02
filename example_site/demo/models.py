from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from wagtail_disclosure.fields import SanitisedRichTextField as RichTextField  # bleach on save


class HomePage(Page):
    """The demo office's home page; the transparency hub sits under it at /oit/."""

    body = RichTextField(_("body"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")

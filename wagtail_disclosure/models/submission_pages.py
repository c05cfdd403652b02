"""Page types of the public channels, placed under their indicator page so the hub links them.

Each is a ``DisclosurePage`` (so it answers its indicator on the hub) with routes for the form,
the one-time "thank you" page showing the tracking code, and the tracking look-up. The request
handling lives in ``channels.views``; the pages only route to it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_disclosure.models.pages import DisclosurePage


class SubmissionFormFields(models.Model):
    """What an office configures on every public form: intro, PDPA notice, retention period."""

    intro = RichTextField(_("introduction"), blank=True)
    privacy_notice = models.TextField(
        _("privacy notice (PDPA)"),
        blank=True,
        help_text=_(
            "Shown above the form: what is collected, why, for how long, and who sees it. "
            "Leave empty for the standard notice."
        ),
    )
    retention_days = models.PositiveIntegerField(
        _("keep personal data for (days)"),
        null=True,
        blank=True,
        help_text=_("After this, names and contact details are removed. Empty: the default."),
    )

    channel_panels = [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("privacy_notice"), FieldPanel("retention_days")],
            heading=_("Personal data (PDPA)"),
        ),
    ]

    class Meta:
        abstract = True


class SubmissionPageMixin(RoutablePageMixin):
    """Shared routes: the form at the page URL, ``thanks/`` once after filing."""

    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    form_name = ""

    @path("", name="index")
    def index_view(self, request):
        from wagtail_disclosure.submissions import views

        return views.serve_index(self, request)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        from wagtail_disclosure.submissions import views

        return views.serve_thanks(self, request)

    def get_template(self, request, *args, **kwargs):
        return f"wagtail_disclosure/submissions/{self.form_name}_page.html"

    def default_privacy_notice(self):
        from wagtail_disclosure.submissions.privacy import default_notice

        return default_notice(self.form_name)

    @property
    def notice_text(self):
        return self.privacy_notice or self.default_privacy_notice()


class TrackingRouteMixin:
    @path("track/", name="track")
    def track_view(self, request):
        from wagtail_disclosure.submissions import views

        return views.serve_track(self, request)


class QuestionBoardPage(
    TrackingRouteMixin, SubmissionPageMixin, SubmissionFormFields, DisclosurePage
):
    """The Q&A board (O8): published questions with answers, a form to ask, tracking by code."""

    form_name = "question"

    content_panels = (
        Page.content_panels + SubmissionFormFields.channel_panels + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("Q&A board")
        verbose_name_plural = _("Q&A boards")

    @path("ask/", name="ask")
    def ask_view(self, request):
        from wagtail_disclosure.submissions import views

        return views.serve_form(self, request)


class CorruptionComplaintPage(
    TrackingRouteMixin, SubmissionPageMixin, SubmissionFormFields, DisclosurePage
):
    """The corruption complaint channel (O28), separate from general feedback."""

    form_name = "complaint"

    content_panels = (
        Page.content_panels + SubmissionFormFields.channel_panels + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("corruption complaint channel")
        verbose_name_plural = _("corruption complaint channels")


class FeedbackPage(SubmissionPageMixin, SubmissionFormFields, DisclosurePage):
    """Opinions and suggestions (O30), with the year's figures shown under the form."""

    form_name = "feedback"

    content_panels = (
        Page.content_panels + SubmissionFormFields.channel_panels + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("feedback and participation form")
        verbose_name_plural = _("feedback and participation forms")


class SatisfactionSurveyPage(SubmissionPageMixin, SubmissionFormFields, DisclosurePage):
    """The service satisfaction survey (O17), with the results per fiscal year."""

    form_name = "survey"

    services = models.TextField(
        _("services"),
        help_text=_("One service per line; respondents pick the one they used."),
    )

    content_panels = (
        Page.content_panels
        + [FieldPanel("services")]
        + SubmissionFormFields.channel_panels
        + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")

    @property
    def service_list(self):
        return [line.strip() for line in self.services.splitlines() if line.strip()]


class SubmissionStatisticsPage(DisclosurePage):
    """Public figures per fiscal year: service statistics (O16) or complaint statistics (O29)."""

    class Figures(models.TextChoices):
        SERVICES = "services", _("Service statistics (O16)")
        COMPLAINTS = "complaints", _("Corruption complaint statistics (O29)")

    figures = models.CharField(_("figures"), max_length=20, choices=Figures.choices)
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("figures"), FieldPanel("intro")]
        + DisclosurePage.disclosure_panels
    )
    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    template = "wagtail_disclosure/submissions/statistics_page.html"

    class Meta:
        verbose_name = _("channel statistics")
        verbose_name_plural = _("channel statistics")

    def get_context(self, request, *args, **kwargs):
        from wagtail_disclosure.submissions import stats

        context = super().get_context(request, *args, **kwargs)
        context.update(stats.public_context(self, request))
        return context

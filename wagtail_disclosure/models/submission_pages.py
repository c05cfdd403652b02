"""Page types of the public submissions, placed under their indicator page so the hub links them.

Like Wagtail's form pages (``wagtail.contrib.forms``: ``FormMixin.serve``), each page serves its own
form at its URL: ``get_form_class`` builds a ``ModelForm`` over the page's submission model from the
base form in ``forms/submissions.py``, and a valid POST goes through ``process_form_submission``,
then to the one-time "thank you" page (``thanks/``). Question and complaint pages give a tracking
code and follow the submission with it (``track/``).

Every POST counts against the per-address rate limit and is checked for the honeypot before anything
is validated or stored (``protection``); a refused form is shown again with everything the person
typed (files cannot be kept by browsers, and the message says so). Once a submission is stored, the
functions registered for the ``after_disclosure_submission`` hook are called with it: that is how
the submissions service e-mails the officers, and how an office adds its own follow-up.
"""

from pathlib import Path

from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Q
from django.forms import modelform_factory
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from wagtail_disclosure import protection
from wagtail_disclosure.fields import SanitisedRichTextField
from wagtail_disclosure.forms.submissions import (
    ComplaintForm,
    FeedbackForm,
    QuestionForm,
    SurveyForm,
    TrackForm,
)
from wagtail_disclosure.models.catalogue import PageKind
from wagtail_disclosure.models.pages import DisclosurePage
from wagtail_disclosure.models.submission_stats import (
    available_years,
    complaint_figures,
    feedback_figures,
    requested_year,
    satisfaction_figures,
    service_figures,
)
from wagtail_disclosure.models.submissions import (
    ComplaintEvidence,
    CorruptionComplaint,
    Feedback,
    Question,
    SurveyResponse,
)
from wagtail_disclosure.sanitising import clean_text
from wagtail_disclosure.tracking_codes import hash_code, new_code

SUBMISSION_FILED_HOOK = "after_disclosure_submission"
SESSION_KEY = "wagtail_disclosure_filed"


class SubmissionFormFields(models.Model):
    """What an office configures on every public form: intro, PDPA notice, retention period."""

    intro = SanitisedRichTextField(_("introduction"), blank=True)
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

    submission_panels = [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("privacy_notice"), FieldPanel("retention_days")],
            heading=_("Personal data (PDPA)"),
        ),
    ]

    class Meta:
        abstract = True


def _refuse(form, refusal):
    """Show why ``protection`` refused the POST above the form, keeping what was typed."""
    message, status = refusal
    form.is_valid()
    form.add_error(None, message)
    return status


class SubmissionPageMixin(RoutablePageMixin):
    """The form at the page URL, ``thanks/`` once after filing; the pages set the three attributes."""

    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    submission_model = None  # what a filed form becomes
    submission_form_class = None  # how the form asks (``forms/submissions.py``)
    default_privacy_notice = ""  # shown when the office wrote none

    @property
    def form_name(self):
        """The key of the form in the settings (rate limits, retention) and in the templates."""
        return self.submission_model.FORM_NAME

    @property
    def form_template(self):
        return f"{self.form_name}_page.html"

    @property
    def notice_text(self):
        return self.privacy_notice or self.default_privacy_notice

    def get_template(self, request, *args, **kwargs):
        return f"wagtail_disclosure/submissions/{self.form_template}"

    # --- routes ----------------------------------------------------------------------------

    @path("", name="index")
    def index_view(self, request):
        return self.serve_index(request)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        """The tracking code, shown once: it leaves the session as the page is shown."""
        filed = request.session.pop(SESSION_KEY, None)
        if not filed or filed.get("page") != self.pk:
            return redirect(self.url)
        return self.render_page(request, "thanks.html", filed=filed)

    def serve_index(self, request):
        return self.serve_form(request)

    # --- the form --------------------------------------------------------------------------

    def get_form_class(self):
        return modelform_factory(
            self.submission_model,
            form=self.submission_form_class,
            fields=self.submission_model.PUBLIC_FIELDS,
        )

    def get_form_kwargs(self):
        return {}

    def get_form(self, *args):
        return self.get_form_class()(*args, **self.get_form_kwargs())

    def form_page_context(self, request):
        """What the form page shows next to the form (some show the year's figures)."""
        return {}

    def serve_form(self, request):
        status = 200
        if request.method != "POST":
            form = self.get_form()
        else:
            # Asked before the body is read: a refused post never has its files parsed.
            refusal = protection.refusal(request, self.form_name)
            form = self.get_form(request.POST, None if refusal else request.FILES)
            if refusal:
                status = _refuse(form, refusal)
            elif form.is_valid():
                submission = self.process_form_submission(form)
                # One code per submission: the thanks page shows the tracking code only (a
                # complaint's reference appears in the tracker, once the code is given).
                request.session[SESSION_KEY] = {
                    "page": self.pk,
                    "code": getattr(submission, "tracking_code", None),
                }
                return redirect(self.url + self.reverse_subpage("thanks"))
        return self.render_page(
            request, self.form_template, status=status, form=form, **self.form_page_context(request)
        )

    @transaction.atomic
    def process_form_submission(self, form):
        """Store what was filed; once it is committed, call the functions of the hook.

        A hook that fails is logged by Django and the others still run (``robust``): the person
        still gets their thanks page and tracking code.
        """
        submission = self.save_submission(form)
        transaction.on_commit(lambda: self.announce(submission), robust=True)
        return submission

    def save_submission(self, form):
        submission = form.save(commit=False)
        submission.site, submission.page = self.get_site(), self
        submission.save()
        return submission

    @staticmethod
    def announce(submission):
        for fn in hooks.get_hooks(SUBMISSION_FILED_HOOK):
            fn(submission)

    # --- rendering -------------------------------------------------------------------------

    def submission_urls(self):
        """The URL of each of the page's routes, by route name (index, thanks, ask, track)."""
        base = self.url
        return {
            route.name: base + self.reverse_subpage(route.name) for route in self.get_subpage_urls()
        }

    def render_page(self, request, template, status=200, **extra):
        context = self.get_context(request)
        context.update(
            submission_urls=self.submission_urls(),
            honeypot_field=protection.HONEYPOT_FIELD,
            **extra,
        )
        return TemplateResponse(
            request, f"wagtail_disclosure/submissions/{template}", context, status=status
        )


class TrackingCodeMixin:
    """A tracking code for the person who files, and ``track/`` to follow the submission with it.

    The code is shown once on the thanks page and stored only as a hash (``tracking_codes``).
    """

    @path("track/", name="track")
    def track_view(self, request):
        form = TrackForm(request.POST or None)
        found = None
        status = 200
        if request.method == "POST":
            refusal = protection.refusal(request, "track")
            if refusal:
                status = _refuse(form, refusal)
            elif form.is_valid():
                found = self.submission_model.objects.filter(
                    site=self.get_site(), tracking_hash=hash_code(form.cleaned_data["code"])
                ).first()
                if found is None:
                    form.add_error("code", self.not_found_message(form.cleaned_data["code"]))
                    status = 404
        return self.render_page(request, "track.html", status=status, form=form, found=found)

    def not_found_message(self, typed):
        looks_like_reference = getattr(self.submission_model, "looks_like_reference", None)
        if looks_like_reference is not None and looks_like_reference(typed):
            # One code per submission: the reference is the office's number, never a key.
            return _(
                "This is a reference number, which the office uses in its correspondence. Follow "
                "your submission with the tracking code shown when you filed it (four groups of "
                "four letters and digits, e.g. ABCD-EFGH-JKLM-NPQR)."
            )
        return _("No submission has this code. Check it and try again (letters A–Z, digits 2–7).")

    def save_submission(self, form):
        code, form.instance.tracking_hash = new_code()
        submission = super().save_submission(form)
        submission.tracking_code = code  # for the thanks page only, never stored
        return submission


class QuestionBoardPage(
    TrackingCodeMixin, SubmissionPageMixin, SubmissionFormFields, DisclosurePage
):
    """The Q&A board (O8): published questions with answers, a form to ask, tracking by code."""

    page_kind = PageKind.QUESTIONS

    submission_model = Question
    submission_form_class = QuestionForm
    form_template = "question_form.html"
    default_privacy_notice = _(
        "We collect your question and, if you give them, your name and e-mail address, to answer "
        "you. Your name and e-mail are never published and are removed after the retention "
        "period; the question and its answer are published once an officer has answered and a "
        "moderator has approved them. (Personal Data Protection Act B.E. 2562)"
    )

    content_panels = (
        Page.content_panels
        + SubmissionFormFields.submission_panels
        + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("Q&A board")
        verbose_name_plural = _("Q&A boards")

    @path("ask/", name="ask")
    def ask_view(self, request):
        return self.serve_form(request)

    def serve_index(self, request):
        """The published questions, newest first, searched with ``?q=``, 20 a page."""
        query = (request.GET.get("q") or "").strip()[:100]
        questions = Paginator(
            self.published_questions(query).only("subject", "body", "answer", "published_at"), 20
        )
        return self.render_page(
            request,
            "question_board.html",
            questions=questions.get_page(request.GET.get("page")),
            query=query,
        )

    def published_questions(self, query=""):
        questions = self.questions.filter(status=Question.Status.PUBLISHED).order_by(
            "-published_at", "-pk"
        )
        if query:
            questions = questions.filter(
                Q(subject__icontains=query) | Q(body__icontains=query) | Q(answer__icontains=query)
            )
        return questions


class CorruptionComplaintPage(
    TrackingCodeMixin, SubmissionPageMixin, SubmissionFormFields, DisclosurePage
):
    """The corruption complaint form (O28), separate from general feedback."""

    page_kind = PageKind.COMPLAINTS

    submission_model = CorruptionComplaint
    submission_form_class = ComplaintForm
    default_privacy_notice = _(
        "Your complaint is read only by the office's integrity group. You may file anonymously. "
        "If you give your name and contact details, they are used only to investigate and to "
        "reach you, are never passed to the people you complain about, and are removed after the "
        "retention period once the complaint is concluded. Keep your tracking code: it is the only "
        "way to follow an anonymous complaint. (Personal Data Protection Act B.E. 2562)"
    )

    content_panels = (
        Page.content_panels
        + SubmissionFormFields.submission_panels
        + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("corruption complaint form")
        verbose_name_plural = _("corruption complaint forms")

    def save_submission(self, form):
        """The complaint, its first status, and the evidence files kept outside public media."""
        complaint = super().save_submission(form)
        complaint.history.create(status=CorruptionComplaint.Status.RECEIVED)
        for upload, kind in form.cleaned_data.get("evidence") or []:
            ComplaintEvidence.objects.create(
                complaint=complaint,
                file=upload,
                original_name=clean_text(Path(upload.name).name)[:255],
                kind=kind,
                size=upload.size,
            )
        return complaint


class FeedbackPage(SubmissionPageMixin, SubmissionFormFields, DisclosurePage):
    """Opinions and suggestions (O30), with the year's figures shown under the form."""

    page_kind = PageKind.FEEDBACK

    submission_model = Feedback
    submission_form_class = FeedbackForm
    default_privacy_notice = _(
        "Your opinion helps the office improve its work. Your name and e-mail are optional, are "
        "used only to reply to you, and are removed after the retention period. Only counts by "
        "topic are published. (Personal Data Protection Act B.E. 2562)"
    )

    content_panels = (
        Page.content_panels
        + SubmissionFormFields.submission_panels
        + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("feedback and participation form")
        verbose_name_plural = _("feedback and participation forms")

    def form_page_context(self, request):
        return {"figures": feedback_figures(self.get_site(), requested_year(request))}


class SatisfactionSurveyPage(SubmissionPageMixin, SubmissionFormFields, DisclosurePage):
    """The service satisfaction survey (O17), with the results per fiscal year."""

    page_kind = PageKind.SURVEY

    submission_model = SurveyResponse
    submission_form_class = SurveyForm
    default_privacy_notice = _(
        "The survey is anonymous: we do not ask who you are. Only summary figures are published; "
        "comments are removed after the retention period. (Personal Data Protection Act B.E. 2562)"
    )

    services = models.TextField(
        _("services"),
        help_text=_("One service per line; respondents pick the one they used."),
    )

    content_panels = (
        Page.content_panels
        + [FieldPanel("services")]
        + SubmissionFormFields.submission_panels
        + DisclosurePage.disclosure_panels
    )

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")

    @property
    def service_list(self):
        return [line.strip() for line in self.services.splitlines() if line.strip()]

    def get_form_kwargs(self):
        return {"services": self.service_list}

    def form_page_context(self, request):
        year = requested_year(request)
        return {"figures": satisfaction_figures(self.get_site(), year, page=self)}


class SubmissionStatisticsPage(DisclosurePage):
    """Public figures per fiscal year: service statistics (O16) or complaint statistics (O29)."""

    page_kind = PageKind.STATISTICS

    class Figures(models.TextChoices):
        SERVICES = "services", _("Service statistics (O16)")
        COMPLAINTS = "complaints", _("Corruption complaint statistics (O29)")

    figures = models.CharField(_("figures"), max_length=20, choices=Figures.choices)
    intro = SanitisedRichTextField(_("introduction"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("figures"), FieldPanel("intro")]
        + DisclosurePage.disclosure_panels
    )
    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    template = "wagtail_disclosure/submissions/statistics_page.html"

    class Meta:
        verbose_name = _("submission statistics")
        verbose_name_plural = _("submission statistics")

    def get_context(self, request, *args, **kwargs):
        """The figures the page shows, for the fiscal year asked for in ``?year=``."""
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        year = context["year"] = requested_year(request)
        if self.figures == self.Figures.COMPLAINTS:
            context["years"] = available_years(site, CorruptionComplaint)
            context["complaints"] = complaint_figures(site, year)
        else:
            context["years"] = available_years(
                site, Question, CorruptionComplaint, Feedback, SurveyResponse
            )
            context["services"] = service_figures(site, year)
            context["satisfaction"] = satisfaction_figures(site, year)
        return context


# The public submission channels (O8, O28, O30 and the survey of O17 in ITA 2566): pages that stay
# valid while live, so that they count in an item's scope whatever their date (readiness, rollover).
CHANNEL_PAGES = (QuestionBoardPage, CorruptionComplaintPage, FeedbackPage, SatisfactionSurveyPage)

"""Admin screens of the channels: Q&A moderation, feedback, survey responses, corruption complaints,
personal data requests, and the O16/O17/O29 reports.

Complaint views are our own, not a generic snippet or model viewset, and every one of them (list,
search, export, detail, evidence download) checks ``can_see_complaints`` before doing anything.
Lists and exports of complaints never include the complainant's identity.
"""

import json

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from wagtail_disclosure.exports import ThaiSpreadsheetMixin
from wagtail_disclosure.models import CorruptionComplaint, Feedback, Question, SurveyResponse
from wagtail_disclosure.models import submission_stats as stats
from wagtail_disclosure.submissions import notifications as notify
from wagtail_disclosure.submissions.forms import (
    AnswerForm,
    ComplaintStatusForm,
    FeedbackResponseForm,
    PersonalDataRequestForm,
    RefuseForm,
)
from wagtail_disclosure.submissions.permissions import can_see_complaints, require_integrity
from wagtail_disclosure.thai.dates import fiscal_year

NS = "wagtail_disclosure_channels"


class IntegrityOnlyMixin:
    """Refuses everyone outside the integrity group, superusers included, before any work."""

    def dispatch(self, request, *args, **kwargs):
        require_integrity(request.user)
        return super().dispatch(request, *args, **kwargs)


def _year_filter(model):
    def choices(request=None):
        years = sorted(
            set(model.objects.values_list("fiscal_year", flat=True)) | {fiscal_year()},
            reverse=True,
        )
        return [(y, str(y)) for y in years]

    return django_filters.ChoiceFilter(label=_("Fiscal year"), choices=choices)


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Question.Status.choices)
    fiscal_year = _year_filter(Question)

    class Meta:
        model = Question
        fields = ["status", "fiscal_year"]


class ChannelListView(ThaiSpreadsheetMixin, ReportView):
    """A searchable, filterable, exportable list of one kind of submission."""

    is_searchable = True
    search_backend_name = None  # plain icontains on search_fields
    paginate_by = 30

    def get_queryset(self):
        return self.model.objects.all()


class QuestionListView(ChannelListView):
    model = Question
    permission_policy = ModelPermissionPolicy(Question)
    any_permission_required = ["answer", "moderate"]
    page_title = _("Questions (Q&A)")
    header_icon = "help"
    index_url_name = f"{NS}:questions"
    index_results_url_name = f"{NS}:questions_results"
    filterset_class = QuestionFilterSet
    search_fields = ["subject", "body", "answer"]
    columns = [
        TitleColumn("subject", label=_("Subject"), url_name=f"{NS}:question"),
        Column("get_status_display", label=_("Status")),
        DateColumn("received_at", label=_("Received")),
        Column("fiscal_year", label=_("Fiscal year")),
    ]
    list_export = [
        "received_at",
        "fiscal_year",
        "subject",
        "body",
        "get_status_display",
        "answer",
        "published_at",
    ]
    export_headings = {"get_status_display": _("Status")}
    export_filename = "questions"


class QuestionDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_disclosure/submissions/admin/question_detail.html"
    header_icon = "help"

    def dispatch(self, request, pk):
        self.policy = ModelPermissionPolicy(Question)
        self.can_answer = self.policy.user_has_permission(request.user, "answer")
        self.can_moderate = self.policy.user_has_permission(request.user, "moderate")
        if not (self.can_answer or self.can_moderate):
            raise PermissionDenied
        self.question = get_object_or_404(Question, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return self.question.subject

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NS}:questions"), "label": _("Questions (Q&A)")},
            {"url": "", "label": self.question.subject},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.question
        context.update(
            question=q,
            can_answer=self.can_answer and q.status != Question.Status.PUBLISHED,
            can_moderate=self.can_moderate
            and q.status == Question.Status.ANSWERED
            and q.answered_by_id != self.request.user.pk,
            own_answer=q.answered_by_id == self.request.user.pk,
            answer_form=kwargs.get("answer_form") or AnswerForm(initial={"answer": q.answer}),
            refuse_form=kwargs.get("refuse_form") or RefuseForm(),
        )
        return context

    def post(self, request, pk):
        q = self.question
        action = request.POST.get("action")
        answer_form = refuse_form = None
        try:
            if action == "answer":
                if not self.can_answer:
                    raise PermissionDenied
                answer_form = AnswerForm(request.POST)
                if answer_form.is_valid():
                    q.set_answer(request.user, answer_form.cleaned_data["answer"])
                    messages.success(request, _("Answer saved; a moderator can now publish it."))
                    return redirect(f"{NS}:question", pk)
            elif action == "publish":
                if not self.can_moderate:
                    raise PermissionDenied
                q.publish(request.user)
                notify.question_published(q)
                messages.success(request, _("Question and answer published."))
                return redirect(f"{NS}:question", pk)
            elif action == "refuse":
                if not self.can_moderate:
                    raise PermissionDenied
                refuse_form = RefuseForm(request.POST)
                if refuse_form.is_valid():
                    q.refuse(request.user, refuse_form.cleaned_data["reason"])
                    messages.success(request, _("The question will not be published."))
                    return redirect(f"{NS}:question", pk)
        except ValidationError as e:
            q.refresh_from_db()
            messages.error(request, " ".join(e.messages))
        context = self.get_context_data(answer_form=answer_form, refuse_form=refuse_form)
        return self.render_to_response(context, status=400)


class ComplaintFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CorruptionComplaint.Status.choices
    )
    complaint_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=CorruptionComplaint.Type.choices
    )
    fiscal_year = _year_filter(CorruptionComplaint)

    class Meta:
        model = CorruptionComplaint
        fields = ["status", "complaint_type", "fiscal_year"]


class ComplaintListView(IntegrityOnlyMixin, ChannelListView):
    model = CorruptionComplaint
    permission_policy = None
    page_title = _("Corruption complaints")
    header_icon = "warning"
    index_url_name = f"{NS}:complaints"
    index_results_url_name = f"{NS}:complaints_results"
    filterset_class = ComplaintFilterSet
    # Never the complainant's identity: not searchable, not listed, not exported.
    search_fields = ["reference", "subject", "accused"]
    columns = [
        TitleColumn("reference", label=_("Reference"), url_name=f"{NS}:complaint"),
        Column("subject", label=_("Subject")),
        Column("get_complaint_type_display", label=_("Type")),
        Column("get_status_display", label=_("Status")),
        DateColumn("received_at", label=_("Received")),
    ]
    list_export = [
        "reference",
        "received_at",
        "fiscal_year",
        "get_complaint_type_display",
        "subject",
        "get_status_display",
        "get_outcome_display",
        "concluded_at",
    ]
    export_headings = {
        "get_complaint_type_display": _("Type"),
        "get_status_display": _("Status"),
        "get_outcome_display": _("Outcome"),
    }
    export_filename = "corruption-complaints"


class ComplaintDetailView(IntegrityOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_disclosure/submissions/admin/complaint_detail.html"
    header_icon = "warning"

    def setup(self, request, pk):
        super().setup(request, pk=pk)
        self.pk = pk

    @property
    def complaint(self):
        return get_object_or_404(CorruptionComplaint, pk=self.pk)

    def get_page_title(self):
        return _("Complaint %(ref)s") % {"ref": self.complaint.reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NS}:complaints"), "label": _("Corruption complaints")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        complaint = self.complaint
        context.update(
            complaint=complaint,
            history=complaint.history.select_related("changed_by"),
            evidence=complaint.evidence.all(),
            status_form=kwargs.get("status_form")
            or ComplaintStatusForm(initial={"status": complaint.status}),
        )
        return context

    def post(self, request, pk):
        complaint = self.complaint
        form = ComplaintStatusForm(request.POST)
        if form.is_valid():
            change = complaint.change_status(request.user, **form.cleaned_data)
            notify.complaint_status_changed(complaint, change)
            messages.success(request, _("Status updated."))
            return redirect(f"{NS}:complaint", pk)
        return self.render_to_response(self.get_context_data(status_form=form), status=400)


def complaint_evidence(request, pk, evidence_pk):
    require_integrity(request.user)
    complaint = get_object_or_404(CorruptionComplaint, pk=pk)
    evidence = get_object_or_404(complaint.evidence, pk=evidence_pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as e:
        raise Http404 from e
    return FileResponse(handle, as_attachment=True, filename=evidence.original_name)


class FeedbackFilterSet(WagtailFilterSet):
    topic = django_filters.ChoiceFilter(label=_("Topic"), choices=Feedback.Topic.choices)
    fiscal_year = _year_filter(Feedback)

    class Meta:
        model = Feedback
        fields = ["topic", "fiscal_year"]


class FeedbackListView(ChannelListView):
    model = Feedback
    permission_policy = ModelPermissionPolicy(Feedback)
    any_permission_required = ["view", "change"]
    page_title = _("Feedback (O30)")
    header_icon = "comment"
    index_url_name = f"{NS}:feedback_list"
    index_results_url_name = f"{NS}:feedback_list_results"
    filterset_class = FeedbackFilterSet
    search_fields = ["message", "response"]
    columns = [
        TitleColumn("get_topic_display", label=_("Topic"), url_name=f"{NS}:feedback"),
        Column("message", label=_("Message")),
        DateColumn("received_at", label=_("Received")),
        DateColumn("handled_at", label=_("Handled")),
    ]
    list_export = ["received_at", "fiscal_year", "get_topic_display", "message", "response"]
    export_headings = {"get_topic_display": _("Topic")}
    export_filename = "feedback"


class FeedbackDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_disclosure/submissions/admin/feedback_detail.html"
    header_icon = "comment"
    page_title = _("Feedback")

    def dispatch(self, request, pk):
        policy = ModelPermissionPolicy(Feedback)
        if not policy.user_has_any_permission(request.user, ["view", "change"]):
            raise PermissionDenied
        self.can_respond = policy.user_has_permission(request.user, "change")
        self.feedback = get_object_or_404(Feedback, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            feedback=self.feedback,
            can_respond=self.can_respond,
            form=kwargs.get("form")
            or FeedbackResponseForm(initial={"response": self.feedback.response}),
        )
        return context

    def post(self, request, pk):
        if not self.can_respond:
            raise PermissionDenied
        form = FeedbackResponseForm(request.POST)
        if form.is_valid():
            from django.utils import timezone

            fb = self.feedback
            fb.response = form.cleaned_data["response"]
            fb.handled_by, fb.handled_at = request.user, timezone.now()
            fb.save()
            messages.success(request, _("Response saved."))
            return redirect(f"{NS}:feedback", pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SurveyFilterSet(WagtailFilterSet):
    fiscal_year = _year_filter(SurveyResponse)

    class Meta:
        model = SurveyResponse
        fields = ["fiscal_year"]


class SurveyListView(ChannelListView):
    model = SurveyResponse
    permission_policy = ModelPermissionPolicy(SurveyResponse)
    permission_required = "view"
    page_title = _("Satisfaction survey responses (O17)")
    header_icon = "tasks"
    index_url_name = f"{NS}:survey"
    index_results_url_name = f"{NS}:survey_results"
    filterset_class = SurveyFilterSet
    search_fields = ["service", "comment"]
    columns = [
        Column("service", label=_("Service")),
        Column("overall", label=_("Overall")),
        Column("comment", label=_("Comment")),
        DateColumn("received_at", label=_("Received")),
    ]
    list_export = [
        "received_at",
        "fiscal_year",
        "service",
        "get_respondent_display",
        *SurveyResponse.ASPECTS,
        "comment",
    ]
    export_headings = {"get_respondent_display": _("Respondent")}
    export_filename = "survey-responses"


def user_may_request_personal_data(user):
    return user.is_active and (
        user.has_perm("wagtail_disclosure.view_question")
        or user.has_perm("wagtail_disclosure.moderate_question")
        or user.has_perm("wagtail_disclosure.view_feedback")
        or can_see_complaints(user)
    )


class PersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    """A data subject's access request: find and download what the channels hold about them.

    Complaints are searched only for integrity group members; for anyone else the result does not
    even say whether complaints exist.
    """

    template_name = "wagtail_disclosure/submissions/admin/personal_data.html"
    header_icon = "user"
    page_title = _("Personal data request")

    def dispatch(self, request, *args, **kwargs):
        if not user_may_request_personal_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        from wagtail_disclosure.submissions.privacy import person_data

        form = PersonalDataRequestForm(request.GET or None)
        data = None
        if request.GET and form.is_valid():
            data = person_data(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                phone=form.cleaned_data["phone"],
                include_complaints=can_see_complaints(request.user),
            )
            if request.GET.get("download"):
                response = HttpResponse(
                    json.dumps(data, ensure_ascii=False, indent=2),
                    content_type="application/json; charset=utf-8",
                )
                response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
                return response
        context = self.get_context_data(
            form=form,
            data=data,
            counts={k: len(v) for k, v in (data or {}).items()},
            download_url=request.get_full_path() + "&download=1" if data is not None else "",
        )
        return self.render_to_response(context)


# --- reports ---------------------------------------------------------------------------


def user_may_see_reports(user):
    """Figures are counts only (public on the site too): editors, channel staff, integrity group."""
    from wagtail.admin.auth import user_has_any_page_permission

    return user.is_active and (
        user.is_superuser
        or user_has_any_page_permission(user)
        or user_may_request_personal_data(user)
    )


class FiguresReportView(ThaiSpreadsheetMixin, ReportView):
    """A report whose rows are figures from ``channels.stats`` for one fiscal year (``?year=``)."""

    results_template_name = "wagtail_disclosure/submissions/admin/figures_results.html"
    paginate_by = None
    model = None
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def year(self):
        return stats.requested_year(self.request)

    def get_filename(self):
        return f"{self.export_filename}-{self.year}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            year=self.year,
            years=stats.available_years(
                self.site(), CorruptionComplaint, Question, Feedback, SurveyResponse
            ),
        )
        return context

    def site(self):
        from wagtail.models import Site

        return Site.find_for_request(self.request) or _default_site()


def _default_site():
    from wagtail.models import Site

    return Site.objects.filter(is_default_site=True).first()


class ComplaintStatsReportView(FiguresReportView):
    page_title = _("Corruption complaint statistics (O29)")
    header_icon = "warning"
    index_url_name = f"{NS}:report_o29"
    index_results_url_name = f"{NS}:report_o29_results"
    export_filename = "o29-complaint-statistics"
    list_export = ["label", "received", "investigating", "concluded", "total"]

    @property
    def columns(self):
        return [
            Column("label", label=_("Type")),
            Column("received", label=CorruptionComplaint.Status.RECEIVED.label),
            Column("investigating", label=CorruptionComplaint.Status.INVESTIGATING.label),
            Column("concluded", label=CorruptionComplaint.Status.CONCLUDED.label),
            Column("total", label=_("Total")),
        ]

    @property
    def export_headings(self):
        return {c.name: c.label for c in self.columns}

    def get_queryset(self):
        figures = stats.complaint_figures(self.site(), self.year)
        statuses = [s for s, _l in CorruptionComplaint.Status.choices]
        rows = [
            dict(zip(statuses, row["cells"], strict=True), label=row["label"], total=row["total"])
            for row in figures["by_type"]
        ]
        totals = {s["code"]: s["count"] for s in figures["by_status"]}
        rows.append(dict(totals, label=_("Total"), total=figures["total"]))
        return rows


class ServiceStatsReportView(FiguresReportView):
    page_title = _("Service statistics (O16)")
    header_icon = "table"
    index_url_name = f"{NS}:report_o16"
    index_results_url_name = f"{NS}:report_o16_results"
    export_filename = "o16-service-statistics"
    list_export = ["label", "received", "handled", "handled_pct"]
    columns = [
        Column("label", label=_("Channel")),
        Column("received", label=_("Received")),
        Column("handled", label=_("Answered or concluded")),
        Column("handled_pct", label=_("Handled (%)")),
    ]
    export_headings = {c.name: c.label for c in columns}

    def get_queryset(self):
        return stats.service_figures(self.site(), self.year)["channels"]


class SatisfactionReportView(FiguresReportView):
    page_title = _("Satisfaction survey results (O17)")
    header_icon = "tasks"
    index_url_name = f"{NS}:report_o17"
    index_results_url_name = f"{NS}:report_o17_results"
    export_filename = "o17-satisfaction"
    list_export = ["label", "mean", "satisfied_pct"]
    columns = [
        Column("label", label=_("Aspect")),
        Column("mean", label=_("Mean score (1–5)")),
        Column("satisfied_pct", label=_("Satisfied (%)")),
    ]
    export_headings = {c.name: c.label for c in columns}

    def get_queryset(self):
        figures = stats.satisfaction_figures(self.site(), self.year)
        self.figures = figures
        return figures["aspects"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["satisfaction"] = getattr(self, "figures", None)
        return context

"""Questions (Q&A, O8): the list, and one question where it is answered, then published or refused
by a moderator other than the one who answered."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_disclosure.models import Question
from wagtail_disclosure.models.offices import acting_office, for_office
from wagtail_disclosure.submissions import notifications as notify
from wagtail_disclosure.submissions.forms import AnswerForm, RefuseForm
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.submissions.listing import SubmissionListView, fiscal_year_filter


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Question.Status.choices)
    fiscal_year = fiscal_year_filter(Question)

    class Meta:
        model = Question
        fields = ["status", "fiscal_year"]


class QuestionListView(SubmissionListView):
    model = Question
    permission_policy = permissions.questions
    any_permission_required = ["answer", "moderate"]
    page_title = _("Questions (Q&A)")
    header_icon = "help"
    index_url_name = "wagtail_disclosure_admin:questions"
    index_results_url_name = "wagtail_disclosure_admin:questions_results"
    filterset_class = QuestionFilterSet
    search_fields = ["subject", "body", "answer"]
    columns = [
        TitleColumn("subject", label=_("Subject"), url_name="wagtail_disclosure_admin:question"),
        Column("get_status_display", label=_("Status")),
        DateColumn("received_at", label=pgettext_lazy("date", "Received")),
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
        site = acting_office(request)
        policy = permissions.questions.for_office(site)
        self.can_answer = policy.user_has_permission(request.user, "answer")
        self.can_moderate = policy.user_has_permission(request.user, "moderate")
        if not (self.can_answer or self.can_moderate):
            raise PermissionDenied
        self.question = get_object_or_404(for_office(Question.objects.all(), site), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return self.question.subject

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtail_disclosure_admin:questions"), "label": _("Questions (Q&A)")},
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
                    return redirect("wagtail_disclosure_admin:question", pk)
            elif action == "publish":
                if not self.can_moderate:
                    raise PermissionDenied
                q.publish(request.user)
                notify.question_published(q)
                messages.success(request, _("Question and answer published."))
                return redirect("wagtail_disclosure_admin:question", pk)
            elif action == "refuse":
                if not self.can_moderate:
                    raise PermissionDenied
                refuse_form = RefuseForm(request.POST)
                if refuse_form.is_valid():
                    q.refuse(request.user, refuse_form.cleaned_data["reason"])
                    messages.success(request, _("The question will not be published."))
                    return redirect("wagtail_disclosure_admin:question", pk)
        except ValidationError as e:
            q.refresh_from_db()
            messages.error(request, " ".join(e.messages))
        context = self.get_context_data(answer_form=answer_form, refuse_form=refuse_form)
        return self.render_to_response(context, status=400)

"""Feedback (O30): the list, and one message where the office writes its response."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_disclosure.models import Feedback
from wagtail_disclosure.models.offices import acting_office, for_office
from wagtail_disclosure.submissions.forms import FeedbackResponseForm
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.submissions.listing import SubmissionListView, fiscal_year_filter


class FeedbackFilterSet(WagtailFilterSet):
    topic = django_filters.ChoiceFilter(label=_("Topic"), choices=Feedback.Topic.choices)
    fiscal_year = fiscal_year_filter(Feedback)

    class Meta:
        model = Feedback
        fields = ["topic", "fiscal_year"]


class FeedbackListView(SubmissionListView):
    model = Feedback
    permission_policy = permissions.feedback
    any_permission_required = ["view", "change"]
    page_title = _("Feedback (O30)")
    header_icon = "comment"
    index_url_name = "wagtail_disclosure_admin:feedback_list"
    index_results_url_name = "wagtail_disclosure_admin:feedback_list_results"
    filterset_class = FeedbackFilterSet
    search_fields = ["message", "response"]
    columns = [
        TitleColumn(
            "get_topic_display", label=_("Topic"), url_name="wagtail_disclosure_admin:feedback"
        ),
        Column("message", label=_("Message")),
        DateColumn("received_at", label=pgettext_lazy("date", "Received")),
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
        site = acting_office(request)
        policy = permissions.feedback.for_office(site)
        if not policy.user_has_any_permission(request.user, ["view", "change"]):
            raise PermissionDenied
        self.can_respond = policy.user_has_permission(request.user, "change")
        self.feedback = get_object_or_404(for_office(Feedback.objects.all(), site), pk=pk)
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
            fb = self.feedback
            fb.response = form.cleaned_data["response"]
            fb.handled_by, fb.handled_at = request.user, timezone.now()
            fb.save()
            messages.success(request, _("Response saved."))
            return redirect("wagtail_disclosure_admin:feedback", pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)

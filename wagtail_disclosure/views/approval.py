"""Admin views of the approval service: memo PDF per revision, workflow history, refusal notices, emergencies."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision

from wagtail_disclosure.approval import emergency
from wagtail_disclosure.approval.memo import memo_for, render_memo_pdf
from wagtail_disclosure.approval.policy import PublicationRefused
from wagtail_disclosure.forms.approval import EmergencyPublicationForm, EmergencyReviewForm
from wagtail_disclosure.models import ApprovalDecision, EmergencyPublication, Person, RequestMemo
from wagtail_disclosure.models.offices import acting_office, for_office, page_in_office
from wagtail_disclosure.views import permissions


def _may_see_page_records(user, page):
    """Editors of the page, and the office's people on the chain, may read its memos and history."""
    if user.is_superuser or page.permissions_for_user(user).can_edit():
        return True
    site = page.get_site()
    return Person.objects.filter(site=site, user=user, active=True).exists()


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def memo_pdf(request, revision_id):
    """The request memo of one revision: the frozen evidence if the chain finished, else rendered now."""
    revision = get_object_or_404(Revision.page_revisions, pk=revision_id)
    page = get_object_or_404(Page, pk=revision.object_id).specific
    if not _may_see_page_records(request.user, page):
        raise PermissionDenied
    memo = memo_for(revision)
    if memo is None:
        raise Http404(_("No request memo was filed for this revision."))
    if memo.pdf:
        with memo.pdf.open("rb") as f:
            data = f.read()
    else:
        data = render_memo_pdf(memo)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="request-memo-{page.pk}-{revision.pk}.pdf"'
    )
    return response


def decision_notice(request, pk):
    """Where a step lands when the checks stopped it: the problems as a message, back to the page."""
    decision = get_object_or_404(ApprovalDecision, pk=pk, user=request.user)
    messages.error(request, decision.reason)
    return redirect(_edit_url(decision.page))


def history(request):
    """Every step of every chain of the office the user acts for, newest first; ``?page=<id>``
    narrows it to one page of that office."""
    site = acting_office(request)
    decisions = for_office(ApprovalDecision.objects.all(), site).select_related(
        "page", "user", "acting_as", "on_behalf_of", "delegation"
    )
    page = None
    if request.GET.get("page", "").isdigit():
        page = get_object_or_404(Page, pk=request.GET["page"]).specific
        if not page_in_office(page, site) or not _may_see_page_records(request.user, page):
            raise PermissionDenied
        decisions = decisions.filter(page=page)
    elif not permissions.approval_history.for_office(site).user_has_permission(
        request.user, "view"
    ):
        raise PermissionDenied
    paginator = Paginator(decisions, 50)
    memos = set(
        RequestMemo.objects.filter(page__in=decisions.values("page")).values_list(
            "revision_id", flat=True
        )
    )
    return TemplateResponse(
        request,
        "wagtail_disclosure/approval/history.html",
        {
            "page_obj": paginator.get_page(request.GET.get("p")),
            "for_page": page,
            "memo_revisions": memos,
            "pending_emergencies": for_office(EmergencyPublication.objects.all(), site)
            .filter(reviewed_at__isnull=True)
            .select_related("page", "published_by")
            .order_by("created_at"),
        },
    )


def emergency_publish(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not emergency.may_publish_in_emergency(request.user, page):
        raise PermissionDenied
    form = EmergencyPublicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            emergency.emergency_publish(page, request.user, form.cleaned_data["reason"])
        except (PermissionDenied, PublicationRefused) as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _("“%(title)s” is online as an emergency publication; someone else must review it.")
                % {"title": page.title},
            )
            return redirect(_edit_url(page))
    return TemplateResponse(
        request, "wagtail_disclosure/approval/emergency_form.html", {"page": page, "form": form}
    )


def emergency_review(request, pk):
    publication = get_object_or_404(EmergencyPublication, pk=pk)
    if not emergency.may_review_emergency(request.user, publication):
        raise PermissionDenied
    form = EmergencyReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            emergency.review_emergency(
                publication,
                request.user,
                form.cleaned_data["confirmed"],
                form.cleaned_data["reason"],
            )
        except PermissionDenied as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("The emergency publication was reviewed."))
            return redirect("wagtail_disclosure_admin:approval_history")
    return TemplateResponse(
        request,
        "wagtail_disclosure/approval/emergency_review.html",
        {"emergency": publication, "page": publication.page.specific, "form": form},
    )

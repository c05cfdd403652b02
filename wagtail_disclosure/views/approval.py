"""Admin views of the approval service: memo PDF per revision, workflow history, refusal notices, emergencies."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision, TaskState

from wagtail_disclosure.approval import emergency
from wagtail_disclosure.approval import request as publication_request
from wagtail_disclosure.approval.memo import memo_for, render_memo_pdf
from wagtail_disclosure.approval.policy import PublicationRefused
from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.forms.approval import (
    EmergencyPublicationForm,
    EmergencyReviewForm,
    OnBehalfForm,
    OpinionForm,
    ReasonForm,
    RequestMemoForm,
)
from wagtail_disclosure.models import (
    ApprovalDecision,
    EmergencyPublication,
    ItemOverride,
    Person,
    RequestMemo,
)
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


_LIBRARY_EDIT = {"image": "wagtailimages:edit", "document": "wagtaildocs:edit"}


def _fix_url(result):
    """Where the author fixes a finding: the image or document it names, else the page's editor."""
    kind, _sep, pk = (result.detail or "").partition(":")
    if pk.isdigit() and kind in _LIBRARY_EDIT:
        return reverse(_LIBRARY_EDIT[kind], args=[int(pk)])
    return None


def request_publication(request, page_id):
    """The request memo, memo first: prefilled, checked before the chain starts, filed at once."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page_in_office(page, acting_office(request)):
        raise Http404  # another office's page: not even its existence is told
    if not publication_request.may_request(page, request.user):
        raise PermissionDenied
    blocking = publication_request.findings(page, request.user)
    submitter = publication_request.submitter_task(page)
    form_class = submitter.get_form_for_action("approve") if submitter else RequestMemoForm
    form = form_class(request.POST or None, initial=publication_request.initial_memo(page))
    steps = publication_request.steps_ahead(page, request.user)
    if request.method == "POST" and blocking:
        messages.error(
            request, _("Nothing was submitted: fix the problems listed below, then file the memo.")
        )
    elif request.method == "POST" and form.is_valid():
        try:
            state = publication_request.file_memo(page, request.user, form.cleaned_data)
        except PermissionDenied as e:
            messages.error(request, str(e) or _("The request could not be filed."))
        else:
            step = state.task.name if state is not None else ""
            messages.success(
                request,
                _("The request memo was filed: “%(title)s” now waits at the step “%(step)s”.")
                % {"title": page.title, "step": step},
            )
            return redirect(_edit_url(page))
    return TemplateResponse(
        request,
        "wagtail_disclosure/approval/request_publication.html",
        {
            "page": page,
            "form": form,
            "findings": [(r, _fix_url(r)) for r in blocking],
            "edit_url": _edit_url(page),
            "resuming": publication_request.latest_memo(page) is not None,
            "steps": steps,
            "next_step": steps[1]["task"].name if len(steps) > 1 else "",
            "verification": getattr(submitter, "step", "") == "verification",
        },
    )


def _diff_url(page, revision, memo_revisions):
    """The changes the reviewer decides on: against what is online, else the last memo's revision."""
    if page.live and page.live_revision_id and page.live_revision_id != revision.pk:
        before = "live"
    else:
        before = next((r for r in memo_revisions if r != revision.pk), None)
    if before is None:
        return None
    return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, before, revision.pk])


def _found(request, task_state_id):
    state = get_object_or_404(
        TaskState.objects.select_related("workflow_state", "task"),
        pk=task_state_id,
        status=TaskState.STATUS_IN_PROGRESS,
    )
    task = state.task.specific
    page = state.workflow_state.content_object.specific
    approver = getattr(task, "approver_for", lambda *a: None)(
        page, state.workflow_state, request.user
    )
    if approver is None or publication_request.memo_task_state(page) is not None:
        raise PermissionDenied
    return state, task, page, approver


def _confirmation(page, action):
    page = type(page).objects.get(pk=page.pk)
    if action == "reject":
        return _("“%(title)s” went back to the author with your reason.") % {"title": page.title}
    state = page.current_workflow_task_state
    if state is not None:
        return _("You allowed “%(title)s”: it now waits at the step “%(step)s”.") % {
            "title": page.title,
            "step": state.task.name,
        }
    if page.live:
        return _("You allowed “%(title)s”: it is published.") % {"title": page.title}
    return _("You allowed “%(title)s”.") % {"title": page.title}


def review_task(request, task_state_id):
    """One step to decide, with everything to decide on: the memo, the checks, the changes.

    A deputy sees, before ordering, that the order is given on the director's behalf and under
    which delegation order and dates (ปฏิบัติราชการแทน).
    """
    state, task, page, approver = _found(request, task_state_id)
    on_behalf = approver.on_behalf_of is not None
    data = request.POST if request.method == "POST" else None
    action = request.POST.get("action") if data else None
    allow_form = (OnBehalfForm if on_behalf else OpinionForm)(
        data if action == "approve" else None, prefix="allow"
    )
    refuse_form = ReasonForm(data if action == "reject" else None, prefix="refuse")
    form = {"approve": allow_form, "reject": refuse_form}.get(action)
    if form is not None and form.is_valid():
        try:
            blocked = task.on_action(state, request.user, action, **form.cleaned_data)
        except PermissionDenied as e:
            messages.error(request, str(e))
        else:
            if blocked is not None:
                decision = ApprovalDecision.objects.filter(task_state=state).order_by("-pk").first()
                messages.error(request, decision.reason if decision else _("Not allowed."))
                return redirect("wagtail_disclosure_admin:review_task", state.pk)
            messages.success(request, _confirmation(page, action))
            return redirect("wagtailadmin_home")
    memo = publication_request.memo_of(state.workflow_state)
    memo_revisions = list(
        RequestMemo.objects.filter(page=page)
        .order_by("-created_at")
        .values_list("revision_id", flat=True)
    )
    return TemplateResponse(
        request,
        "wagtail_disclosure/approval/review_task.html",
        {
            "page": page,
            "task_state": state,
            "task": task,
            "approver": approver,
            "memo": memo,
            "memo_pdf_url": reverse("wagtail_disclosure_admin:memo_pdf", args=[memo.revision_id])
            if memo
            else None,
            "report": run_checks(state.revision.as_object(), task.check_stage),
            "diff_url": _diff_url(page, state.revision, memo_revisions),
            "preview_url": reverse(
                "wagtailadmin_pages:revisions_view", args=[page.pk, state.revision_id]
            ),
            "steps": [
                dict(s, current=s["task"].pk == state.task_id)
                for s in publication_request.steps_ahead(page)
            ],
            "decisions": ApprovalDecision.objects.filter(workflow_state=state.workflow_state)
            .select_related("user", "acting_as", "on_behalf_of")
            .order_by("created_at", "pk"),
            "allow_form": allow_form,
            "refuse_form": refuse_form,
            "history_url": reverse("wagtail_disclosure_admin:approval_history")
            + f"?page={page.pk}",
        },
    )


def withdraw_request(request, page_id):
    """The author takes a waiting page back to edit it; asked first, done on POST."""
    page = get_object_or_404(Page, pk=page_id).specific
    state = page.current_workflow_state
    if state is None or not state.user_can_cancel(request.user):
        raise PermissionDenied
    if request.method == "POST":
        state.cancel(user=request.user)
        messages.success(
            request,
            _("The request was withdrawn: edit the page, then request publication again."),
        )
        return redirect(_edit_url(page))
    return TemplateResponse(
        request,
        "wagtail_disclosure/approval/withdraw_request.html",
        {"page": page, "state": state, "edit_url": _edit_url(page)},
    )


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
            # An office's own change to which items need approval is part of the chain's record.
            "overrides": None
            if page is not None
            else for_office(ItemOverride.objects.all(), site)
            .exclude(needs_approval=None)
            .select_related("item", "requested_by", "confirmed_by")
            .order_by("-requested_at"),
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

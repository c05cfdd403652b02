"""What the approval service plugs into Wagtail's admin; ``wagtail_hooks`` registers these functions.

The ``before_*`` hooks ask the publication policy (``approval.policy``) first, so that a refused
action ends in a message saying why, in the editor's language, instead of an error page; the
policy's receivers refuse on every path whether or not a hook ran.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page

from wagtail_disclosure.approval import emergency, policy
from wagtail_disclosure.approval import request as publication_request
from wagtail_disclosure.models import IndicatorPage, RequestMemo

REQUEST_PUBLICATION = "action-request-publication"

# Wagtail's own ways into and out of a workflow, which skip the request memo ("Submit to …",
# "Resubmit to …" resumed at the memo step whatever the label said) or do not work on a locked
# page ("Cancel workflow"); the request memo and the withdrawal below take their place.
_REPLACED_ACTIONS = {"action-submit", "action-restart-workflow", "action-cancel-workflow"}

LOG_ACTIONS = [
    (
        "wagtail_disclosure.schedule.refused",
        _("Scheduled publication refused"),
        _("Scheduled publication refused: approval or compliance checks missing"),
    ),
    ("wagtail_disclosure.approval.filed", _("Request memo filed"), _("Request memo filed")),
    (
        "wagtail_disclosure.approval.allowed",
        _("Allowed (approval chain)"),
        _("Allowed in the approval chain"),
    ),
    (
        "wagtail_disclosure.approval.refused",
        _("Not allowed (approval chain)"),
        _("Not allowed in the approval chain"),
    ),
    (
        "wagtail_disclosure.approval.blocked",
        _("Stopped by the compliance checks"),
        _("Stopped by the compliance checks"),
    ),
    (
        "wagtail_disclosure.approval.published",
        _("Published by the publisher"),
        _("Published by the publisher"),
    ),
    (
        "wagtail_disclosure.emergency.publish",
        _("Emergency publication"),
        _("Published in an emergency, before approval"),
    ),
    (
        "wagtail_disclosure.emergency.review",
        _("Emergency publication reviewed"),
        _("Emergency publication reviewed"),
    ),
]


def register_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


def _refuse(request, page, message):
    messages.error(request, message)
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def before_publish_page(request, page):
    """Edit and create views: say why instead of failing; the draft just saved is kept."""
    decision = policy.Publication(page, page.get_latest_revision(), request.user).decide()
    if decision:
        return None
    return _refuse(
        request,
        page,
        "%s %s" % (decision.message, gettext("Your draft is saved.")),
    )


def before_bulk_action(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    decisions = [policy.Publication.of_latest(p, request.user).decide() for p in objects]
    refused = [d for d in decisions if not d]
    if refused:
        messages.error(
            request,
            gettext("Not published: %(refusals)s")
            % {"refusals": " ".join(str(d.message) for d in refused)},
        )
        return redirect(request.GET.get("next") or reverse("wagtailadmin_explore_root"))
    return None


def before_copy_page(request, page):
    """A published copy is new content: it has no approved revision, and the checks apply to it."""
    if request.method == "POST" and request.POST.get("publish_copies"):
        subtree = Page.objects.descendant_of(page, inclusive=True).live().specific()
        decisions = [policy.Publication(p, None, request.user).decide() for p in subtree]
        refused = [d for d in decisions if not d]
        if refused:
            return _refuse(
                request,
                page,
                "%s %s"
                % (
                    " ".join(str(d.message) for d in refused),
                    gettext("Copy it without publishing instead."),
                ),
            )
    return None


def before_move_page(request, page, destination):
    if request.method == "POST":
        try:
            policy.check_move(page, destination)
        except policy.PublicationRefused as e:
            return _refuse(request, page, str(e))
    return None


def page_header_buttons(page, user, view_name, next_url=None):
    memo = RequestMemo.objects.filter(page=page).order_by("-created_at", "-pk").first()
    if memo is not None:
        yield Button(
            _("Request memo (PDF)"),
            reverse("wagtail_disclosure_admin:memo_pdf", args=[memo.revision_id]),
            icon_name="doc-full",
            priority=90,
        )
        yield Button(
            _("Approval history"),
            reverse("wagtail_disclosure_admin:approval_history") + f"?page={page.pk}",
            icon_name="history",
            priority=91,
        )
    specific = page.specific_deferred
    if policy.requires_approval(specific) and emergency.may_publish_in_emergency(user, specific):
        yield Button(
            _("Emergency publication"),
            reverse("wagtail_disclosure_admin:emergency_publish", args=[page.pk]),
            icon_name="warning",
            priority=95,
        )


class RequestPublicationMenuItem(ActionMenuItem):
    """Save the draft, then open the request memo (``after_edit_page`` sends the editor there)."""

    name = REQUEST_PUBLICATION
    label = _("Request publication (file the memo)")
    icon_name = "resubmit"


class WithdrawRequestMenuItem(ActionMenuItem):
    """The author takes the page back from the chain to edit it (a page waiting is locked)."""

    name = "action-withdraw-request"
    label = _("Withdraw the request to edit the page")
    icon_name = "undo"

    def is_shown(self, context):
        return True

    def get_url(self, parent_context):
        return reverse(
            "wagtail_disclosure_admin:withdraw_request", args=[parent_context["page"].pk]
        )


def _chain_page(context):
    """The page (or, in the create view, the parent) whose actions go through the chain, else None."""
    if context.get("view") == "create":
        parent = context.get("parent_page")
        if parent is None or not parent.has_workflow:
            return None
        needs = IndicatorPage.objects.ancestor_of(parent, inclusive=True).filter(
            item__needs_approval=True
        )
        return parent if needs.exists() else None
    page = context.get("page")
    if page is None or page.get_workflow() is None:
        return None
    return page if policy.requires_approval(page.specific) else None


def action_menu(menu_items, request, context):
    """Under the chain, the editor's actions say what they do: request publication, withdraw."""
    page = _chain_page(context)
    if page is None:
        return
    could_withdraw = any(i.name == "action-cancel-workflow" for i in menu_items)
    menu_items[:] = [i for i in menu_items if i.name not in _REPLACED_ACTIONS]
    state = page.current_workflow_state if context.get("view") == "edit" else None
    waiting = state is not None and state.status == state.STATUS_IN_PROGRESS
    if (
        not waiting
        and not context.get("locked_for_user")
        and (
            context.get("view") == "create"
            or page.permissions_for_user(request.user).can_submit_for_moderation()
        )
    ):
        # First: the button on show; "Save draft" moves into the menu beside it.
        menu_items.insert(0, RequestPublicationMenuItem(order=0))
    if could_withdraw:
        menu_items.append(WithdrawRequestMenuItem(order=40))


def after_save_open_memo(request, page):
    """After "request publication" (or Wagtail's submit landing on the memo step): the memo form."""
    wanted = request.POST.get(REQUEST_PUBLICATION)
    at_memo = request.POST.get("action-submit") and publication_request.memo_task_state(page)
    if wanted or at_memo:
        return redirect("wagtail_disclosure_admin:request_publication", page.pk)
    return None


class ChainPanel(Component):
    """The dashboard's approval panel, in place of Wagtail's two workflow panels: the steps waiting
    for the user, each opening the review screen (memo, checks, changes), and the user's own
    requests with what to do next (file the memo, fix and request again, withdraw)."""

    name = "disclosure_chain"
    order = 90
    template_name = "wagtail_disclosure/approval/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        waiting = [
            {
                "page": page,
                "task": task,
                "state": state,
                "approver": approver,
                "memo": publication_request.memo_of(state.workflow_state),
                "review_url": reverse("wagtail_disclosure_admin:review_task", args=[state.pk]),
            }
            for state, task, page, approver in publication_request.waiting_for(user)
        ]
        own = []
        for state, page in publication_request.own_requests(user):
            task_state = state.current_task_state
            at_memo = publication_request.memo_task_state(page) is not None
            own.append(
                {
                    "page": page,
                    "state": state,
                    "step": task_state.task.name if task_state else "",
                    "refused": state.status == state.STATUS_NEEDS_CHANGES,
                    "at_memo": at_memo,
                    "comment": task_state.comment if task_state else "",
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "memo_url": reverse(
                        "wagtail_disclosure_admin:request_publication", args=[page.pk]
                    ),
                }
            )
        return {"waiting": waiting, "own": own, "request": self.request}


# Wagtail's panels that the chain's panel replaces.
_REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


def homepage_panels(request, panels):
    panels[:] = [p for p in panels if getattr(p, "name", "") not in _REPLACED_PANELS]
    panels.append(ChainPanel(request))

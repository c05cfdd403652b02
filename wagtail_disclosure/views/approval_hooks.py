"""What the chain plugs into Wagtail's admin; ``wagtail_hooks`` registers these functions.

The hooks only give a refused action a friendly message before anything else happens; the guard
(``guard``) refuses on every path whether or not a hook ran.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button

from wagtail_disclosure.approval import guard
from wagtail_disclosure.models import approvers as people

LOG_ACTIONS = [
    (
        "wagtail_disclosure.schedule.refused",
        _("Scheduled publication refused"),
        _("Scheduled publication refused: it needs the approval chain"),
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
    if guard.requires_approval(page):
        if not guard.publication_authorised(page, page.get_latest_revision()):
            return _refuse(
                request,
                page,
                gettext(
                    "This content needs the approval chain: submit it with a request memo; "
                    "your draft is saved."
                ),
            )
    elif not people.can_publish_directly(request.user, page):
        return _refuse(
            request,
            page,
            gettext(
                "Only the web officer of the responsible work group or the publisher may publish this directly."
            ),
        )
    return None


def before_bulk_action(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refused = [
        p.specific
        for p in objects
        if guard.requires_approval(p.specific)
        and not guard.publication_authorised(p.specific, p.get_latest_revision())
    ]
    if refused:
        messages.error(
            request,
            gettext("Not published: these need the approval chain first: %(titles)s")
            % {"titles": ", ".join(p.title for p in refused)},
        )
        return redirect(request.GET.get("next") or reverse("wagtailadmin_explore_root"))
    return None


def before_copy_page(request, page):
    if request.method == "POST" and request.POST.get("publish_copies"):
        from wagtail.models import Page

        subtree = Page.objects.descendant_of(page, inclusive=True).live().specific()
        if any(guard.requires_approval(p) for p in subtree):
            return _refuse(
                request,
                page,
                gettext(
                    "A copy of approval-required content cannot go online: copy it without publishing and submit it."
                ),
            )
    return None


def before_move_page(request, page, destination):
    if request.method == "POST":
        try:
            guard.check_move(page, destination)
        except guard.PublicationRefused as e:
            return _refuse(request, page, str(e))
    return None


def page_header_buttons(page, user, view_name, next_url=None):
    from wagtail_disclosure.approval.emergency import may_publish_in_emergency
    from wagtail_disclosure.models import RequestMemo

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
    if guard.requires_approval(specific) and may_publish_in_emergency(user, specific):
        yield Button(
            _("Emergency publication"),
            reverse("wagtail_disclosure_admin:emergency_publish", args=[page.pk]),
            icon_name="warning",
            priority=95,
        )

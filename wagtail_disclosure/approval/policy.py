"""May this revision of this page go live, now, by this user? The one answer, which every path asks.

Three rules, each written here once:

1. **Approval.** A page that needs approval (its catalogue items say so, or the section it sits in
   does) goes live only with a revision that a completed approval workflow approved at every step,
   the workflow having every step of the office's chain (``approval.chains``: the chain in force
   when the request was filed), or through a recorded emergency publication. What was live counts as much as what is new: a
   page whose live revision needed approval (never published: any of its drafts) still needs it
   after its items or its section change, since reclassifying is itself a change the chain decides.
2. **The right to publish directly.** Where no approval is needed (publish-at-once items), the
   user acting must be the responsible work group's web officer, the publisher or a superuser.
   Where nobody is acting (scheduled publishing, the end of the approval workflow) there is no
   one to ask about.
3. **Compliance.** The content that goes live has no blocking finding of the compliance checks
   (disclosure pages: the content the checks read).

Who asks: the admin hooks (``views.approval_hooks``: a friendly message before anything is
published), the receivers of ``approval.signals`` (every publish, revert, copy and API call ends in
a save; moves and scheduling have their own signals), the finish action (``approval.finish``),
the emergency publication (``approval.emergency``) and ``publish_scheduled``.

Shaped like Wagtail's ``PublishRevisionAction``: ``Publication(page, revision, user).check()``
raises ``PublicationRefused`` with every reason; ``decide()`` returns the ``Decision`` instead.
"""

import contextlib
import contextvars
from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.models import Page, Revision, Task, TaskState, WorkflowState

from wagtail_disclosure.approval import chains
from wagtail_disclosure.catalogue.effective import needs_approval as item_needs_approval
from wagtail_disclosure.compliance import engine as compliance
from wagtail_disclosure.models import (
    CatalogueItem,
    DisclosurePage,
    EmergencyPublication,
    IndicatorPage,
    approvers,
)
from wagtail_disclosure.sites import site_of_page

NEEDS_APPROVAL = _("It needs the office's approval chain first: %(steps)s.")
NO_RIGHT_TO_PUBLISH = _(
    "Only the web officer of the responsible work group or the publisher may publish this directly."
)
MOVE_NEEDS_APPROVAL = _("Moving it into an approval-required section would put it online.")

_trusted = contextvars.ContextVar("disclosure_trusted_publication", default=False)


@contextlib.contextmanager
def trusted_publication():
    """Let code that builds an office (``setup_demo``, data imports, test fixtures) publish directly.

    A context variable, so no request can switch it on; every use is in the caller's code.
    """
    token = _trusted.set(True)
    try:
        yield
    finally:
        _trusted.reset(token)


def _needs_approval(site):
    """The refusal for want of approval, naming the steps of the office's chain in force."""
    chain = chains.in_force(site) or chains.default_chain(site)
    names = " → ".join(step.name for step in chains.steps(chain))
    return NEEDS_APPROVAL % {"steps": names}


needs_approval_reason = lazy(_needs_approval, str)


def _refusal_message(title, reasons):
    return _("“%(title)s” cannot be published. %(reasons)s") % {
        "title": title,
        "reasons": " ".join(str(reason) for reason in reasons),
    }


refusal_message = lazy(_refusal_message, str)


class PublicationRefused(PublishPagePermissionError):
    """Raised, before anything is written, when the policy refuses to put a page online.

    ``reasons`` holds every reason, lazily translated: each renders in the language of whoever
    reads it (the Thai admin, the API's client, the page's history).
    """

    def __init__(self, page, reasons):
        self.page = page
        self.reasons = list(reasons)
        super().__init__(refusal_message(page.title, self.reasons))


@dataclass(frozen=True)
class Decision:
    """The policy's answer for one page: allowed, or refused with its reasons."""

    page: object
    reasons: tuple = ()

    @property
    def allowed(self):
        return not self.reasons

    def __bool__(self):
        return self.allowed

    @property
    def message(self):
        return refusal_message(self.page.title, self.reasons)

    def refusal(self):
        return PublicationRefused(self.page, self.reasons)


class Publication:
    """Putting ``revision`` of ``page`` online now, by ``user`` (None where nobody is acting).

    ``page`` is the page as it would be live: the content of ``revision`` (``Publication.of``
    reads it from the revision; the save guard passes the page being saved). ``revision`` is None
    for content that has none yet (a new page, a copy): it cannot have been approved.

    ``emergency``: an emergency publication stands in for the approval and for the right to publish
    directly (``approval.emergency`` checked the role and the reason), never for the compliance
    checks. ``record`` keeps the compliance run for the audit.
    """

    def __init__(self, page, revision, user=None, *, emergency=False, record=False):
        self.page = page
        self.revision = revision
        self.user = user
        self.emergency = emergency
        self.record = record

    @classmethod
    def of(cls, revision, user=None, **kwargs):
        """The publication of ``revision``, with the content it holds."""
        return cls(revision.as_object(), revision, user, **kwargs)

    @classmethod
    def of_latest(cls, page, user=None, **kwargs):
        """The publication of what the editor last saved: ``page``'s latest revision."""
        revision = page.get_latest_revision()
        if revision is None:
            return cls(page.specific, None, user, **kwargs)
        return cls.of(revision, user, **kwargs)

    def decide(self):
        if _trusted.get():
            return Decision(self.page)
        reasons = self.approval_reasons() + self.right_reasons()
        if isinstance(self.page, DisclosurePage):  # the compliance checks read disclosure content
            reasons += self.compliance_reasons()
        return Decision(self.page, tuple(reasons))

    def check(self):
        decision = self.decide()
        if not decision:
            raise decision.refusal()

    @cached_property
    def needs_approval(self):
        return requires_approval(self.page) or was_classified_for_approval(self.page)

    def approval_reasons(self):
        if self.emergency or not self.needs_approval or approved(self.page, self.revision):
            return []
        return [needs_approval_reason(site_of_page(self.page))]

    def right_reasons(self):
        if self.user is None or self.emergency or self.needs_approval:
            return []
        if approvers.can_publish_directly(self.user, self.page):
            return []
        return [NO_RIGHT_TO_PUBLISH]

    def compliance_reasons(self):
        report = compliance.run_checks(self.page, "publish", user=self.user, record=self.record)
        if not report.blocking:
            return []
        return [lazy(report.refusal_message, str)()]


def check_move(page, new_parent):
    """Refuse to move live pages where their live revision may not be live.

    A move changes where a page is, not what it says: approval is asked again for the new place,
    and the compliance checks once more, since a move re-publishes the live content at a new
    address (content online from before the checks existed must not travel on), for every live
    page of the moved subtree.
    """
    if _trusted.get():
        return
    # The ancestors a child of ``new_parent`` would have: ``new_parent`` and its own.
    into_approval_section = bool(_approval_indicator_paths(new_parent.path + "0001"))
    subtree = Page.objects.descendant_of(page, inclusive=True).filter(live=True).specific()
    for node in subtree:
        if not isinstance(node, DisclosurePage):
            continue
        revision = node.live_revision if node.live_revision_id else None
        reasons = []
        if (into_approval_section or requires_approval(node)) and not approved(node, revision):
            reasons += [MOVE_NEEDS_APPROVAL, needs_approval_reason(site_of_page(node))]
        reasons += Publication(node, revision).compliance_reasons()
        if reasons:
            raise PublicationRefused(node, reasons)


# -- Approval ------------------------------------------------------------------------------------


def requires_approval(page):
    """Whether ``page`` may go live only through the approval workflow.

    Its catalogue items decide (``needs_approval``), and so does the section: a page under the
    indicator of an approval-required item needs approval whatever its own items say. A disclosure
    page with no item at all is treated as needing approval: unknown means careful.
    """
    if not isinstance(page, DisclosurePage):
        return False
    items = list(page.catalogue_items.all())
    if not items or any(item_needs_approval(item, site_of_page(page)) for item in items):
        return True
    return bool(page.path) and bool(_approval_indicator_paths(page.path))


def was_classified_for_approval(page):
    """Whether what is live of ``page`` needed approval, or, for a page not live, any of its drafts.

    Read from the stored revisions (their items and the place they were saved at), not from the
    page being published: moving a draft or ticking other items changes only the new content.
    """
    if not isinstance(page, DisclosurePage) or not page.pk:
        return False
    stored = Page.objects.filter(pk=page.pk).values("live", "live_revision_id").first()
    if stored is None:
        return False
    revisions = Revision.page_revisions.filter(object_id=str(page.pk))
    if stored["live"]:
        if not stored["live_revision_id"]:
            return requires_approval(DisclosurePage.objects.get(pk=page.pk).specific)
        revisions = revisions.filter(pk=stored["live_revision_id"])
    items, prefixes = set(), set()
    for content in revisions.values_list("content", flat=True):
        ids = content.get("catalogue_items") or []
        if not ids:
            return True  # unknown means careful, as in ``requires_approval``
        items.update(ids)
        path = content.get("path") or ""
        prefixes.update(path[:i] for i in range(Page.steplen, len(path), Page.steplen))
    site = site_of_page(page)
    if any(item_needs_approval(item, site) for item in CatalogueItem.objects.filter(pk__in=items)):
        return True
    indicators = IndicatorPage.objects.filter(path__in=prefixes).select_related("item")
    return any(item_needs_approval(i.item, site_of_page(i)) for i in indicators)


def _approval_indicator_paths(path):
    """Paths of ancestors (of a page at ``path``) that are indicators of approval-required items."""
    steplen = Page.steplen
    prefixes = [path[:i] for i in range(steplen, len(path), steplen)]
    if not prefixes:
        return []
    return [
        indicator.path
        for indicator in IndicatorPage.objects.filter(path__in=prefixes).select_related("item")
        if item_needs_approval(indicator.item, site_of_page(indicator))
    ]


def approved(page, revision):
    """Whether ``revision`` went through approval: a completed workflow, or a recorded emergency."""
    if revision is None or not page.pk:
        return False
    return emergency_recorded(page, revision) or approval_complete(page, revision)


def emergency_recorded(page, revision):
    return EmergencyPublication.objects.filter(page_id=page.pk, revision=revision).exists()


def approval_complete(page, revision):
    """Whether a completed workflow that follows the office's chain approved ``revision``.

    Every active task of that workflow must have approved this very revision (an edit after any
    approval needs that approval again), and the workflow must have every step of the chain the
    office had in force when the request was filed (``chains.workflow_follows``): a workflow
    short of a step of the office's chain never counts, whatever it is called.
    """
    if revision is None or not page.pk:
        return False
    states = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            status=WorkflowState.STATUS_APPROVED,
            task_states__revision=revision,
        )
        .distinct()
        .select_related("workflow")
    )
    site = site_of_page(page)
    for state in states:
        tasks = set(
            Task.objects.filter(
                workflow_tasks__workflow=state.workflow_id, active=True
            ).values_list("pk", flat=True)
        )
        approved_tasks = set(
            TaskState.objects.filter(
                workflow_state=state, revision=revision, status=TaskState.STATUS_APPROVED
            ).values_list("task_id", flat=True)
        )
        if not tasks or not tasks <= approved_tasks:
            continue
        if chains.workflow_follows(state.workflow, site, at=state.created_at):
            return True
    return False


# -- What went live approved, for the reports -----------------------------------------------------


def approved_page_ids(pages):
    """IDs of ``pages`` (a page queryset) whose live revision a completed approval workflow approved.

    An emergency publication counts once someone other than its publisher confirmed it.
    """
    live = dict(pages.values_list("pk", "live_revision_id"))
    approved_states = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_APPROVED, object_id__in=[str(pk) for pk in live]
        ).values_list("object_id", "current_task_state__revision_id")
    )
    confirmed = set(
        EmergencyPublication.objects.filter(
            page_id__in=list(live), review_confirmed=True
        ).values_list("page_id", "revision_id")
    )
    return {
        pk
        for pk, revision_id in live.items()
        if revision_id
        and ((str(pk), revision_id) in approved_states or (pk, revision_id) in confirmed)
    }


def emergency_page_ids(pages, pending_only=False):
    """IDs of ``pages`` whose live revision went online as an emergency publication."""
    live = dict(pages.values_list("pk", "live_revision_id"))
    emergencies = EmergencyPublication.objects.filter(page_id__in=list(live))
    if pending_only:
        emergencies = emergencies.filter(reviewed_at__isnull=True)
    return {
        pk for pk, rev in emergencies.values_list("page_id", "revision_id") if live.get(pk) == rev
    }

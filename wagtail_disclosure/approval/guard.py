"""The one rule every publish path passes: an approval-required page goes live only with a revision
that a completed request-memo chain approved, or through a recorded emergency publication.

Wagtail's ``before_publish_page`` hook runs only in the create/edit views, so the rule sits lower:
``DisclosurePage.save()`` (every publish, scheduled publish, revert, copy and API call ends in
it), the ``pre_page_move`` signal (moving live pages into an approval-required section), and the
revision's ``pre_save`` (scheduling with ``go_live_at``). The admin hooks only turn a refusal
into a friendly message before the guard would refuse anyway.
"""

import contextlib
import contextvars

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_page_revision import PublishPagePermissionError

_trusted = contextvars.ContextVar("disclosure_trusted_publication", default=False)


class PublicationRefused(PublishPagePermissionError):
    """Raised, before anything is written, when a publish path would bypass the chain."""

    def __init__(self, page, problems=None):
        self.page = page
        self.problems = list(problems or [])
        message = _(
            "“%(title)s” needs the approval chain (request memo → group director → director) "
            "before it can be published."
        ) % {"title": page.title}
        if self.problems:
            message = "%s %s" % (message, " ".join(str(p) for p in self.problems))
        super().__init__(message)


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


def _approval_indicator_paths(path):
    """Paths of ancestors (of a page at ``path``) that are indicators of approval-required items."""
    from wagtail.models import Page

    from wagtail_disclosure.models import IndicatorPage

    steplen = Page.steplen
    prefixes = [path[:i] for i in range(steplen, len(path), steplen)]
    if not prefixes:
        return []
    return list(
        IndicatorPage.objects.filter(path__in=prefixes, item__needs_approval=True).values_list(
            "path", flat=True
        )
    )


def requires_approval(page, path=None):
    """Whether ``page`` (at ``path``, its own by default) may go live only through the chain.

    Its catalogue items decide (``needs_approval``), and so does the section: a page under the
    indicator of an approval-required item needs approval whatever its own items say. A disclosure
    page with no item at all is treated as needing approval: unknown means careful.
    """
    from wagtail_disclosure.models import DisclosurePage

    if not isinstance(page, DisclosurePage):
        return False
    items = list(page.catalogue_items.all())
    if not items or any(item.needs_approval for item in items):
        return True
    path = path or page.path
    return bool(path) and bool(_approval_indicator_paths(path))


def approval_complete(page, revision):
    """Whether a completed workflow with the chain's review and order steps approved ``revision``.

    Every active task of that workflow must have approved this very revision: an edit after any
    approval needs that approval again.
    """
    from wagtail.models import Page, Task, TaskState, WorkflowState

    from wagtail_disclosure.models.approval_tasks import DirectorOrderTask, GroupDirectorReviewTask

    if revision is None or not page.pk:
        return False
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        status=WorkflowState.STATUS_APPROVED,
        task_states__revision=revision,
    ).distinct()
    required_types = {
        ContentType.objects.get_for_model(GroupDirectorReviewTask).pk,
        ContentType.objects.get_for_model(DirectorOrderTask).pk,
    }
    for state in states:
        tasks = dict(
            Task.objects.filter(
                workflow_tasks__workflow=state.workflow_id, active=True
            ).values_list("pk", "content_type_id")
        )
        if not required_types <= set(tasks.values()):
            continue
        approved = set(
            TaskState.objects.filter(
                workflow_state=state, revision=revision, status=TaskState.STATUS_APPROVED
            ).values_list("task_id", flat=True)
        )
        if set(tasks) <= approved:
            return True
    return False


def publication_authorised(page, revision):
    """Whether ``revision`` of ``page`` may be live: no approval needed, chain approved, or emergency."""
    from wagtail_disclosure.models import EmergencyPublication

    if _trusted.get() or not requires_approval(page):
        return True
    if revision is None:
        return False
    if EmergencyPublication.objects.filter(page_id=page.pk, revision=revision).exists():
        return True
    return approval_complete(page, revision)


_PUBLICATION_FIELDS = {"live", "live_revision", "live_revision_id", "url_path", "path"}


def check_save(page, update_fields=None):
    """Refuse to write a live approval-required page whose live revision the chain did not approve.

    Called from ``DisclosurePage.save()``; saves that do not put anything (new) online cost at
    most one query.
    """
    from wagtail.models import Page

    if not page.live or _trusted.get():
        return
    if update_fields is not None and not _PUBLICATION_FIELDS & set(update_fields):
        return
    if not page.pk:
        # Wagtail creates pages live by default (the create view publishes afterwards, a copy
        # keeps the original's flag): a new page that needs approval starts as a draft instead.
        if requires_approval(page):
            page.live = False
            page.live_revision = None
        return
    if page.pk:
        previous = (
            Page.objects.filter(pk=page.pk).values("live", "live_revision_id", "url_path").first()
        )
        if (
            previous
            and previous["live"]
            and page.live_revision_id in (None, previous["live_revision_id"])
            and previous["url_path"] == page.url_path
        ):
            return
    revision = page.live_revision if page.live_revision_id else None
    if not publication_authorised(page, revision):
        raise PublicationRefused(page)


def check_schedule(revision):
    """Refuse to schedule (``approved_go_live_at``) a revision the chain did not approve."""
    if revision.approved_go_live_at is None or _trusted.get():
        return
    obj = revision.as_object()
    if hasattr(obj, "specific") and not publication_authorised(obj, revision):
        raise PublicationRefused(obj)


def check_move(page, parent_after):
    """Refuse to move live pages into a section where their live revision was not approved."""
    from wagtail.models import Page

    if _trusted.get():
        return
    # The ancestors a child of ``parent_after`` would have: ``parent_after`` and its own.
    into_approval_section = bool(_approval_indicator_paths(parent_after.path + "0001"))
    subtree = Page.objects.descendant_of(page, inclusive=True).filter(live=True).specific()
    for node in subtree:
        if not _needs_after_move(node, into_approval_section):
            continue
        revision = node.live_revision if node.live_revision_id else None
        if revision is None or not _approved_or_emergency(node, revision):
            raise PublicationRefused(
                node, [_("Moving it into an approval-required section would put it online.")]
            )


def _needs_after_move(node, into_approval_section):
    from wagtail_disclosure.models import DisclosurePage

    if not isinstance(node, DisclosurePage):
        return False
    return into_approval_section or requires_approval(node)


def _approved_or_emergency(page, revision):
    from wagtail_disclosure.models import EmergencyPublication

    return EmergencyPublication.objects.filter(
        page_id=page.pk, revision=revision
    ).exists() or approval_complete(page, revision)

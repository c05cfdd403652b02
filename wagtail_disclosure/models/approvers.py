"""Who may act at each step of the chain, worked out per page from the office's people.

Approvers are not one fixed Wagtail group: the group director is the director of the page's own
work group, and a deputy counts only while a delegation order is in force.

Separation of duties (``Duties``) is written here once, and every step asks it: nobody approves
a revision they wrote or edited, one person never takes two steps of the same chain, and a deputy
does not act on behalf of a director who wrote or submitted what is being decided (the office's
internal control under the announcements on the request memo, ผอ.สพท. / ผอ.กลุ่ม review).
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from wagtail_disclosure.models.approval import ApprovalDecision, Delegation
from wagtail_disclosure.models.organisation import Person, WorkGroup
from wagtail_disclosure.models.pages import IndicatorPage
from wagtail_disclosure.sites import site_of_page


@dataclass(frozen=True)
class Approver:
    user: object
    person: object
    on_behalf_of: object = None
    delegation: object = None


def responsible_group(page):
    """The page's responsible work group; failing that, its catalogue item's default group."""
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    group_id = getattr(page, "responsible_group_id", None)
    site = site_of_page(page)
    if group_id:
        # Approvers are resolved inside the page's office only: another office's group is none.
        return WorkGroup.objects.filter(pk=group_id, site=site).first()
    items = getattr(page, "catalogue_items", None)
    codes = [i.default_group_code for i in items.all()] if items is not None else []
    if not codes:
        indicator = _indicator_of(page)
        codes = [indicator.item.default_group_code] if indicator else []
    for code in codes:
        if code and site:
            group = WorkGroup.objects.filter(site=site, code=code).first()
            if group:
                return group
    return None


def _indicator_of(page):
    return (
        IndicatorPage.objects.ancestor_of(page, inclusive=False)
        .select_related("item")
        .order_by("-depth")
        .first()
    )


def _people(site, roles, **filters):
    return (
        Person.objects.filter(site=site, role__in=roles, active=True, user__isnull=False, **filters)
        .filter(user__is_active=True)
        .select_related("user")
    )


WROTE_IT = _("You wrote or edited this revision: someone else must approve it.")
OTHER_STEP = _(
    "You already took the step “%(step)s” of this chain: one person never takes two steps. "
    "Another approver of this step (or a deputy under a delegation in force) must take it."
)
ON_BEHALF = _(
    "You cannot act on behalf of %(person)s here: %(person)s wrote, edited or submitted this "
    "revision."
)
# The author's own steps: the submitter takes them (the request they decide on).
SUBMITTER_STEPS = (ApprovalDecision.Step.MEMO, ApprovalDecision.Step.VERIFICATION)
# Decisions that pass a chain on: a refusal sends it back and is no step taken.
_STEPS_TAKEN = (
    ApprovalDecision.Decision.FILED,
    ApprovalDecision.Decision.ALLOWED,
    ApprovalDecision.Decision.PUBLISHED,
)


class Duties:
    """Who may not take ``step`` of the chain ``workflow_state`` runs for ``page``, and why.

    The steps are whatever the workflow holds (the office may configure them): only the step's
    own code (``ApprovalDecision.Step``) is compared. The memo step is the submitter's own.
    """

    def __init__(self, page, workflow_state, step):
        self.page = page
        self.workflow_state = workflow_state
        self.step = step

    @cached_property
    def authors(self):
        """Users who wrote a revision since the live one (all revisions if never live), and the
        submitter: each of them wrote or edited what is being decided."""
        revisions = Revision.page_revisions.filter(object_id=str(self.page.pk))
        live_id = getattr(self.page, "live_revision_id", None)
        if live_id:
            live = Revision.objects.filter(pk=live_id).values_list("created_at", flat=True).first()
            if live is not None:
                revisions = revisions.filter(created_at__gt=live)
        ids = set(revisions.exclude(user=None).values_list("user_id", flat=True))
        if self.workflow_state is not None and self.workflow_state.requested_by_id:
            ids.add(self.workflow_state.requested_by_id)
        return ids

    @cached_property
    def other_steps(self):
        """User id → the other step of this chain that user took (in person)."""
        if self.workflow_state is None:
            return {}
        taken = (
            ApprovalDecision.objects.filter(
                workflow_state=self.workflow_state, decision__in=_STEPS_TAKEN
            )
            .exclude(step=self.step)
            .exclude(user=None)
            .order_by("created_at")
        )
        return {d.user_id: d for d in taken}

    def reason(self, approver):
        """Why ``approver`` may not take this step, or None."""
        if self.step in SUBMITTER_STEPS:
            return None
        user_id = approver.user.pk
        if user_id in self.authors:
            return WROTE_IT
        if user_id in self.other_steps:
            return OTHER_STEP % {"step": self.other_steps[user_id].get_step_display()}
        behalf = approver.on_behalf_of
        if behalf is not None and behalf.user_id in self.authors:
            return ON_BEHALF % {"person": behalf}
        return None

    def allowed(self, approvers):
        return [a for a in approvers if self.reason(a) is None]

    def why_not(self, candidates, user):
        """The reason ``user`` (among ``candidates``, before the duties) may not take this step."""
        reasons = [self.reason(a) for a in candidates if a.user.pk == getattr(user, "pk", None)]
        return next((r for r in reasons if r is not None), None)


def may_review_emergency(user, emergency):
    """The reviewer of an emergency publication is neither its publisher nor the author of the
    revision it put online: the review is the check the chain would have made."""
    revision_author = (
        Revision.objects.filter(pk=emergency.revision_id).values_list("user_id", flat=True).first()
    )
    return user.pk not in {emergency.published_by_id, revision_author}


def _allowed(approvers, duties):
    return duties.allowed(approvers) if duties is not None else approvers


def group_director_candidates(page):
    group = responsible_group(page)
    if group is None:
        return []
    return [
        Approver(p.user, p)
        for p in _people(group.site, [Person.Role.GROUP_DIRECTOR], work_group=group)
    ]


def group_director_approvers(page, duties=None):
    """Directors of the page's work group the duties allow; if none remain, the director level."""
    found = _allowed(group_director_candidates(page), duties)
    return found or director_approvers(page, duties)


def director_approvers(page, duties=None, on=None):
    return _allowed(director_candidates(page, on), duties)


def deputy_candidates(page):
    """The deputy directors who oversee the page's work group; every deputy of the office where
    no deputy is set to oversee it."""
    deputies = _people(site_of_page(page), [Person.Role.DEPUTY])
    group = responsible_group(page)
    overseeing = deputies.filter(oversees=group) if group is not None else deputies.none()
    return [Approver(p.user, p) for p in (overseeing if overseeing.exists() else deputies)]


def deputy_approvers(page, duties=None):
    """The deputies of the page's line the duties allow; if none remains, the office's other
    deputies (one deputy stands in for another, as the group step falls back a level)."""
    found = _allowed(deputy_candidates(page), duties)
    if found:
        return found
    everyone = [Approver(p.user, p) for p in _people(site_of_page(page), [Person.Role.DEPUTY])]
    return _allowed(everyone, duties)


def director_candidates(page, on=None, delegates=True):
    """The director, and (``delegates``) deputies acting on the director's behalf under a
    delegation in force."""
    site = site_of_page(page)
    found = [Approver(p.user, p) for p in _people(site, [Person.Role.DIRECTOR])]
    if not delegates:
        return found
    delegations = (
        Delegation.objects.in_force(on or timezone.localdate())
        .filter(site=site, delegator__active=True, delegate__active=True)
        .filter(delegate__user__isnull=False, delegate__user__is_active=True)
        .select_related("delegator", "delegate__user")
    )
    for d in delegations:
        found.append(Approver(d.delegate.user, d.delegate, on_behalf_of=d.delegator, delegation=d))
    return found


def publisher_candidates(page):
    return [Approver(p.user, p) for p in _people(site_of_page(page), [Person.Role.PUBLISHER])]


def publisher_approvers(page, duties=None):
    return _allowed(publisher_candidates(page), duties)


def group_officer_candidates(page):
    """The web officers (authors) of the page's responsible work group."""
    group = responsible_group(page)
    if group is None:
        return []
    return [
        Approver(p.user, p) for p in _people(group.site, [Person.Role.AUTHOR], work_group=group)
    ]


def publication_candidates(page, taken_by="publisher"):
    """Who puts approved content online: the publisher, the group's web officers, or either."""
    found = []
    if taken_by in ("group_officer", "either"):
        found += group_officer_candidates(page)
    if taken_by in ("publisher", "either"):
        found += publisher_candidates(page)
    return found


def find(approvers, user):
    """The approver entry of ``user``, preferring acting in one's own right over acting on behalf."""
    mine = [a for a in approvers if a.user.pk == getattr(user, "pk", None)]
    mine.sort(key=lambda a: a.delegation is not None)
    return mine[0] if mine else None


def person_of(user, site, roles=None):
    qs = Person.objects.filter(site=site, user=user, active=True)
    if roles:
        qs = qs.filter(role__in=roles)
    return qs.first()


def can_publish_directly(user, page):
    """For publish-at-once items: the group's web officer, the publisher, or a superuser."""
    if user is None or user.is_superuser:
        return True
    site = site_of_page(page)
    group = responsible_group(page)
    people = _people(site, [Person.Role.AUTHOR, Person.Role.PUBLISHER]).filter(user=user)
    return any(
        p.role == Person.Role.PUBLISHER or p.work_group_id == getattr(group, "pk", None)
        for p in people
    )

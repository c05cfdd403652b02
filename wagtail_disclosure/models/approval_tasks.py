"""The approval chain as Wagtail tasks, one type per kind of step an office's announcement has:
the author's step (a request memo, or a verification), the group director's review, a deputy
director's endorsement, the director's order, the publisher. An office's chain is a Wagtail
``Workflow`` of these (``approval.chains`` builds it from the office's ``ApprovalChain``); the
settings of a step (may a deputy order on the director's behalf, who publishes) are fields of
its task.

Each task works out its approvers per page (``approvers``), asks the separation of duties
(``approvers.Duties``: nobody approves what they wrote, nobody takes two steps), runs
the compliance checks before it approves (``checks_before_approval``), and records the office's own account of the step
(``ApprovalDecision``) next to Wagtail's task state and a log entry on the page's history.
"""

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models, transaction
from django.dispatch import Signal
from django.forms import BooleanField
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Task, TaskState

import wagtail_disclosure.models.approvers as approvers
from wagtail_disclosure.forms.approval import (
    OpinionForm,
    ReasonForm,
    RequestMemoForm,
    VerificationForm,
)
from wagtail_disclosure.models.approval import ApprovalChain, ApprovalDecision, RequestMemo
from wagtail_disclosure.models.organisation import OfficeProfile
from wagtail_disclosure.sites import site_of_page

# Sent before a step approves, once per check stage (``page``, ``stage``, ``user``); receivers return
# the blocking problems they find. The approval service connects the compliance checks here, so the
# models need not import the compliance engine (which imports the models).
checks_before_approval = Signal()


class ApprovalTask(Task):
    """Shared behaviour; subclasses say who approves and which check stage an approval runs."""

    step = None
    check_stage = "approve"
    approve_label = _("Allow")
    reject_label = _("Do not allow")
    allowed_log_action = None
    refused_log_action = None
    # The author's own step (memo or verification): the submitter takes it, nobody else.
    submitter_step = False

    class Meta:
        abstract = True

    @property
    def variant(self):
        """The step's setting that changes who takes it ("" where the step has none)."""
        return ""

    @property
    def signature(self):
        """What the step is in an office's chain: its kind and its setting."""
        return (self.step, self.variant)

    def takers_label(self):
        """Who takes this step, in words (the chain's screens and the request memo)."""
        return self.get_description()

    # -- who -------------------------------------------------------------------------------------
    def candidates(self, page):
        """Who holds this step's role for ``page``, before the separation of duties."""
        return []

    def duties(self, page, workflow_state):
        return approvers.Duties(page, workflow_state, self.step)

    def get_approvers(self, page, workflow_state):
        return self.duties(page, workflow_state).allowed(self.candidates(page))

    def approver_for(self, page, workflow_state, user):
        if user is None or not user.is_authenticated:
            return None
        return approvers.find(self.get_approvers(page, workflow_state), user)

    # -- Wagtail's task interface ------------------------------------------------------------------
    def start(self, workflow_state, user=None):
        """Start the first earlier step that has not approved the latest revision, else this one.

        Wagtail resumes a refused workflow at the refusing task; an edit made since then must
        go through the earlier steps again (a fresh memo and the group director's review).
        """
        earlier = self._earlier_step_to_redo(workflow_state)
        if earlier is not None:
            return earlier.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    def _earlier_step_to_redo(self, workflow_state):
        latest = workflow_state.content_object.get_latest_revision()
        tasks = Task.objects.filter(
            workflow_tasks__workflow=workflow_state.workflow_id, active=True
        ).order_by("workflow_tasks__sort_order")
        for task in tasks:
            if task.pk == self.pk:
                return None
            done = TaskState.objects.filter(
                workflow_state=workflow_state,
                task=task,
                revision=latest,
                status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_SKIPPED],
            ).exists()
            if not done:
                return task.specific
        return None

    def user_can_access_editor(self, obj, user):
        state = obj.current_workflow_state
        return bool(state and self.approver_for(obj, state, user))

    def locked_for_user(self, obj, user):
        # Nobody edits a page while a step decides on it: a change needs a refusal and a resubmission.
        return True

    def get_actions(self, obj, user):
        state = obj.current_workflow_state
        if state is None or self.approver_for(obj, state, user) is None:
            return []
        return [("reject", self.reject_label, True), ("approve", self.approve_label, True)]

    def get_form_for_action(self, action):
        return ReasonForm if action == "reject" else OpinionForm

    def get_task_states_user_can_moderate(self, user, **kwargs):
        ids = []
        states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task=self.task_ptr)
        for state in states.select_related("workflow_state"):
            page = state.workflow_state.content_object
            if page is not None and self.approver_for(page.specific, state.workflow_state, user):
                ids.append(state.pk)
        return TaskState.objects.filter(pk__in=ids)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        workflow_state = task_state.workflow_state
        page = workflow_state.content_object.specific
        approver = self.approver_for(page, workflow_state, user)
        if approver is None:
            reason = self.duties(page, workflow_state).why_not(self.candidates(page), user)
            raise PermissionDenied(
                str(reason)
                if reason
                else gettext(
                    "You are not an approver of this step for this page (or your delegation is not in force)."
                )
            )
        reason = (kwargs.get("comment") or "").strip()
        if action_name == "reject":
            if not reason:
                raise PermissionDenied(gettext("A refusal needs a reason."))
            self.record(page, task_state, approver, ApprovalDecision.Decision.REFUSED, reason)
            task_state.reject(user=user, comment=reason)
            return None
        if action_name != "approve":
            raise PermissionDenied
        blocked = self.run_checks(page, task_state, approver, user)
        if blocked is not None:
            return reverse("wagtail_disclosure_admin:approval_decision", args=[blocked.pk])
        decision = self.approve_step(page, task_state, approver, user, kwargs)
        task_state.approve(user=user, comment=decision.reason)
        return None

    # -- helpers for subclasses --------------------------------------------------------------------
    def approve_step(self, page, task_state, approver, user, data):
        return self.record(
            page,
            task_state,
            approver,
            ApprovalDecision.Decision.ALLOWED,
            (data.get("comment") or "").strip(),
        )

    def stages_for_approval(self, task_state):
        """The check stages an approval runs: this step's, and "publish" when the chain ends here."""
        stages = [self.check_stage]
        if self._is_last(task_state):
            stages.append("publish")
        return stages

    def _is_last(self, task_state):
        later = Task.objects.filter(
            workflow_tasks__workflow=task_state.workflow_state.workflow_id,
            active=True,
            workflow_tasks__sort_order__gt=self.workflow_tasks.get(
                workflow_id=task_state.workflow_state.workflow_id
            ).sort_order,
        )
        return not later.exists()

    def run_checks(self, page, task_state, approver, user):
        """Run the compliance checks; on blocking problems record a BLOCKED decision and return it."""
        if not checks_before_approval.has_listeners(type(self)):
            raise ImproperlyConfigured(
                "No compliance checks are connected to the approval steps: "
                "WagtailDisclosureConfig.ready() connects them (approval.signals)."
            )
        problems = []
        for stage in self.stages_for_approval(task_state):
            for _receiver, found in checks_before_approval.send(
                type(self), page=page, stage=stage, user=user
            ):
                problems.extend(found)
        if not problems:
            return None
        reason = gettext("The compliance checks found problems to fix first: %(problems)s") % {
            "problems": "; ".join(str(p.message) for p in problems)
        }
        return self.record(page, task_state, approver, ApprovalDecision.Decision.BLOCKED, reason)

    def record(self, page, task_state, approver, decision, reason):
        decision = ApprovalDecision.Decision(decision).value
        entry = ApprovalDecision.objects.create(
            page=page,
            revision=task_state.revision,
            workflow_state=task_state.workflow_state,
            task_state=task_state,
            step=self.step,
            decision=decision,
            reason=reason,
            user=approver.user,
            acting_as=approver.person,
            on_behalf_of=approver.on_behalf_of,
            delegation=approver.delegation,
        )
        log(
            instance=page,
            action=f"wagtail_disclosure.approval.{decision}",
            user=approver.user,
            revision=task_state.revision,
            data={
                "step": self.step,
                "step_label": str(ApprovalDecision.Step(self.step).label),
                "decision": decision,
                "reason": reason,
                "acting_as": str(approver.person) if approver.person else "",
                "on_behalf_of": str(approver.on_behalf_of) if approver.on_behalf_of else "",
                "delegation": approver.delegation.order_number if approver.delegation else "",
                "decision_id": entry.pk,
            },
        )
        return entry


class SubmitterTask(ApprovalTask):
    """The author's own step, first in every chain: the request the chain decides on.

    The submitter files it with the content's certification; it is recorded as a ``RequestMemo``
    (the memo, or the request for approval that the verification is), which the later steps
    read and the printed memo shows.
    """

    check_stage = "submit"
    submitter_step = True
    form_class = RequestMemoForm

    class Meta:
        abstract = True

    def get_approvers(self, page, workflow_state):
        user = workflow_state.requested_by
        if user is None:
            return []
        site = site_of_page(page)
        return [approvers.Approver(user, approvers.person_of(user, site))]

    def get_actions(self, obj, user):
        state = obj.current_workflow_state
        if state is None or self.approver_for(obj, state, user) is None:
            return []
        return [("approve", self.approve_label, True)]

    def get_form_for_action(self, action):
        return self.form_class

    def approve_step(self, page, task_state, approver, user, data):
        # Every box the author must tick (the certification, the verification's checks).
        boxes = [
            name
            for name, field in self.form_class.base_fields.items()
            if isinstance(field, BooleanField) and field.required
        ]
        if not all(data.get(name) for name in boxes):
            raise PermissionDenied(gettext("The memo needs the author's certification."))
        RequestMemo.objects.create(
            page=page,
            revision=task_state.revision,
            workflow_state=task_state.workflow_state,
            author=user,
            work_unit=data["work_unit"],
            number=data["number"],
            subject=data["subject"],
            addressee=_default_addressee(page),
            body=data.get("body", ""),
            attachments=data["attachments"],
            certified=True,
        )
        return self.record(
            page, task_state, approver, ApprovalDecision.Decision.FILED, data["subject"]
        )


class RequestMemoTask(SubmitterTask):
    """The author files the request memo (บันทึกข้อความ ขออนุญาตเผยแพร่) and certifies the content:
    the สพม.พะเยา (1 เม.ย. 2565), สพป.ชุมพร เขต 1 (2565), สพป.สมุทรปราการ เขต 2 (31 พ.ค. 2561)
    and สพม.หนองคาย (2566) announcements."""

    step = "memo"
    approve_label = _("File the request memo")

    class Meta:
        verbose_name = _("request memo step")
        verbose_name_plural = _("request memo steps")

    @classmethod
    def get_description(cls):
        return _("The author files the request memo and certifies the content.")


class AuthorVerificationTask(SubmitterTask):
    """The author verifies the content and asks for the director's approval: the สพป.ปทุมธานี เขต 1
    announcement of 5 ก.ค. 2565, items 2.1–2.2 (the officer prepares the content, checks that it is
    correct and complete, and asks the director's approval before it goes on the website)."""

    step = "verification"
    approve_label = _("Verify and ask for approval")
    form_class = VerificationForm

    class Meta:
        verbose_name = _("author's verification")
        verbose_name_plural = _("author's verifications")

    @classmethod
    def get_description(cls):
        return _(
            "The author verifies that the content is correct, complete and current, "
            "and asks for approval."
        )


class GroupDirectorReviewTask(ApprovalTask):
    """Step 2: a director of the page's responsible work group allows, or refuses with a reason."""

    step = "group_review"
    approve_label = _("Allow: send to the director")
    reject_label = _("Do not allow: return to the author")

    class Meta:
        verbose_name = _("group director review")
        verbose_name_plural = _("group director reviews")

    def candidates(self, page):
        return approvers.group_director_candidates(page) + approvers.director_candidates(page)

    def get_approvers(self, page, workflow_state):
        return approvers.group_director_approvers(page, self.duties(page, workflow_state))

    @classmethod
    def get_description(cls):
        return _("Directors of the page's work group allow it, or refuse it with a reason.")


class DeputyEndorsementTask(ApprovalTask):
    """A deputy director endorses the request to the director ("เรียน เสนอ ผอ."), or returns it:
    the memos of the สพม.หนองคาย report of 2566, and the chain of the สพป.สมุทรปราการ เขต 2
    announcement of 31 พ.ค. 2561 (the memo goes through the group director and the deputy)."""

    step = "deputy_endorsement"
    approve_label = _("Endorse: propose to the director")
    reject_label = _("Do not endorse: return to the author")

    class Meta:
        verbose_name = _("deputy director's endorsement")
        verbose_name_plural = _("deputy director's endorsements")

    def candidates(self, page):
        return approvers.deputy_candidates(page)

    def get_approvers(self, page, workflow_state):
        return approvers.deputy_approvers(page, self.duties(page, workflow_state))

    @classmethod
    def get_description(cls):
        return _(
            "A deputy director who oversees the page's work group proposes it to the director, "
            "or returns it with a reason."
        )


class DirectorOrderTask(ApprovalTask):
    """The director, or a deputy acting on the director's behalf, orders publication."""

    step = "director_order"
    approve_label = _("Order publication")
    reject_label = _("Do not allow: return to the author")

    on_behalf = models.BooleanField(
        _("a deputy may order on the director's behalf"),
        default=True,
        help_text=_("Under a delegation order in force (ปฏิบัติราชการแทน)."),
    )

    admin_form_fields = ApprovalTask.admin_form_fields + ["on_behalf"]

    class Meta:
        verbose_name = _("director's order")
        verbose_name_plural = _("director's orders")

    @property
    def variant(self):
        return "on_behalf" if self.on_behalf else "in_person"

    def candidates(self, page):
        return approvers.director_candidates(page, delegates=self.on_behalf)

    def takers_label(self):
        if self.on_behalf:
            return self.get_description()
        return _("The director in person orders publication or refuses it.")

    @classmethod
    def get_description(cls):
        return _(
            "The director, or a deputy under a delegation in force, orders publication or refuses it."
        )


class PublicationTask(ApprovalTask):
    """The last step where the office has one: the approved content is put online by the publisher
    (the ICT group: สพม.หนองคาย, 2566), or by a web officer under their own login (สพป.ปทุมธานี
    เขต 1, 5 ก.ค. 2565, item 2.3; สพป.สมุทรปราการ เขต 2, 31 พ.ค. 2561)."""

    step = "publication"
    check_stage = "publish"
    approve_label = _("Publish")
    reject_label = _("Return for changes")

    taken_by = models.CharField(
        _("published by"),
        max_length=20,
        choices=[c for c in ApprovalChain.Publication.choices if c[0]],
        default=ApprovalChain.Publication.PUBLISHER,
    )

    admin_form_fields = ApprovalTask.admin_form_fields + ["taken_by"]

    class Meta:
        verbose_name = _("publication by the publisher")
        verbose_name_plural = _("publications by the publisher")

    @property
    def variant(self):
        return self.taken_by

    def candidates(self, page):
        return approvers.publication_candidates(page, self.taken_by)

    def takers_label(self):
        return ApprovalChain.Publication(self.taken_by).label

    def approve_step(self, page, task_state, approver, user, data):
        return self.record(
            page,
            task_state,
            approver,
            ApprovalDecision.Decision.PUBLISHED,
            (data.get("comment") or "").strip(),
        )

    @classmethod
    def get_description(cls):
        return _("The publisher puts the approved content online.")


APPROVAL_TASKS = (
    RequestMemoTask,
    AuthorVerificationTask,
    GroupDirectorReviewTask,
    DeputyEndorsementTask,
    DirectorOrderTask,
    PublicationTask,
)


def _default_addressee(page):
    site = site_of_page(page)
    profile = OfficeProfile.for_site(site) if site else None
    office = (profile.short_name or profile.name) if profile else ""
    return ("ผู้อำนวยการ" + office) if office else "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"

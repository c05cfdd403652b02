"""The approval chain as office data: the presets of the announcements, the chain in force, and the
Wagtail workflow that runs it.

The five announcements do not share one chain (docs/sources.md): the สพม.พะเยา and สพป.ชุมพร เขต 1
ones go memo → group director → director; the สพป.สมุทรปราการ เขต 2 one adds the deputy director
between them; the สพม.หนองคาย memos carry a deputy's endorsement and the ICT group publishes; the
สพป.ปทุมธานี เขต 1 one has the author verify, the director approve and a web officer publish.
So an office's chain is a record (``ApprovalChain``: which steps, who takes each), proposed and
confirmed like any of its policies, and each confirmed chain gets its own Wagtail ``Workflow``
of the step types in ``models.approval_tasks``: Wagtail runs it, the steps' tasks say who acts.

The chain in force when a request was filed is the one it must pass: the publication policy
asks ``workflow_follows`` (every step of that chain, with its setting, is in the workflow that
approved the revision), so a request filed before a change finishes under the chain it was filed
under, and a workflow that lacks a step of the office's chain never puts a page online.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from wagtail_disclosure import conf
from wagtail_disclosure.models import (
    ApprovalChain,
    AuthorVerificationTask,
    Delegation,
    DeputyEndorsementTask,
    DirectorOrderTask,
    GroupDirectorReviewTask,
    OfficeProfile,
    Person,
    PublicationTask,
    RequestMemoTask,
    TransparencyHubPage,
    WorkGroup,
)
from wagtail_disclosure.models.offices import acts_for, may_confirm_for_office

PRESETS_FILE = Path(__file__).with_name("presets.yaml")
SETTINGS = ("first_step", "group_review", "deputy_endorsement", "on_behalf", "publication")
WORKFLOW_NAME = "สายอนุมัติการเผยแพร่"

# The Thai name of each step's task: the name the dashboard, the e-mails and the confirmations show.
STEP_NAMES = {
    "memo": "บันทึกขออนุญาตเผยแพร่",
    "verification": "ผู้จัดทำตรวจสอบและขอความเห็นชอบ",
    "group_review": "ความเห็นผู้อำนวยการกลุ่ม",
    "deputy_endorsement": "ความเห็นรองผู้อำนวยการ (เสนอผู้อำนวยการ)",
    "director_order": "คำสั่งผู้อำนวยการ",
    "publication": "นำข้อมูลขึ้นเผยแพร่",
}
PUBLICATION_NAMES = {
    "publisher": "นำข้อมูลขึ้นเผยแพร่ (กลุ่ม ICT)",
    "group_officer": "นำข้อมูลขึ้นเผยแพร่ (เจ้าหน้าที่เว็บไซต์ของกลุ่ม)",
    "either": "นำข้อมูลขึ้นเผยแพร่",
}

UNFINISHED = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


class ChainError(Exception):
    """A chain that cannot be set as asked (the message says why, in the reader's language)."""


@dataclass(frozen=True)
class Preset:
    slug: str
    name: str
    source: str
    note: str
    settings: tuple  # in the order of ``SETTINGS``

    def as_dict(self):
        return dict(zip(SETTINGS, self.settings, strict=True))


@dataclass(frozen=True)
class Step:
    """One step of a chain: its task type, the task's Thai name and the task's own settings."""

    task_class: type
    name: str
    fields: tuple = ()

    @property
    def signature(self):
        return self.task_class(**dict(self.fields)).signature


# -- presets --------------------------------------------------------------------------------------


def _check_preset(slug, data):
    allowed = {"name", "source", "note", *SETTINGS}
    unknown = set(data) - allowed
    missing = {"name", "source", *SETTINGS} - set(data)
    if unknown or missing:
        raise ChainError(
            f"{PRESETS_FILE.name}: preset {slug!r}: unknown keys {sorted(unknown)}, "
            f"missing keys {sorted(missing)}"
        )
    values = {
        "first_step": set(ApprovalChain.FirstStep.values),
        "publication": set(ApprovalChain.Publication.values),
    }
    for key in SETTINGS:
        value = data[key]
        ok = value in values[key] if key in values else isinstance(value, bool)
        if not ok:
            raise ChainError(f"{PRESETS_FILE.name}: preset {slug!r}: {key} = {value!r}")


@cache
def presets():
    """``{slug: Preset}``, in the file's order (read once, checked as a whole)."""
    with PRESETS_FILE.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    found = {}
    for slug, entry in data.items():
        _check_preset(slug, entry)
        found[slug] = Preset(
            slug=slug,
            name=entry["name"],
            source=entry["source"],
            note=entry.get("note", ""),
            settings=tuple(entry[key] for key in SETTINGS),
        )
    return found


def preset(slug):
    try:
        return presets()[slug]
    except KeyError:
        raise ChainError(
            _("There is no approval chain preset “%(slug)s”. Presets: %(presets)s")
            % {"slug": slug, "presets": ", ".join(presets())}
        ) from None


def preset_of(chain):
    """The preset whose settings ``chain`` has, or None (a chain the office set step by step)."""
    settings = chain.settings()
    return next((p for p in presets().values() if p.settings == settings), None)


# -- the steps of a chain -----------------------------------------------------------------------


def steps(chain):
    """The steps of ``chain`` (an ``ApprovalChain``, saved or not), in the offices' order."""
    first = (
        AuthorVerificationTask
        if chain.first_step == ApprovalChain.FirstStep.VERIFICATION
        else RequestMemoTask
    )
    found = [Step(first, STEP_NAMES[first.step])]
    if chain.group_review:
        found.append(Step(GroupDirectorReviewTask, STEP_NAMES["group_review"]))
    if chain.deputy_endorsement:
        found.append(Step(DeputyEndorsementTask, STEP_NAMES["deputy_endorsement"]))
    found.append(
        Step(
            DirectorOrderTask,
            STEP_NAMES["director_order"],
            (("on_behalf", bool(chain.on_behalf)),),
        )
    )
    if chain.publication:
        found.append(
            Step(
                PublicationTask,
                PUBLICATION_NAMES[chain.publication],
                (("taken_by", chain.publication),),
            )
        )
    return found


def default_chain(site=None):
    """The chain of an office that has set none: the install's default preset, unsaved."""
    return ApprovalChain(site=site, preset=conf.get("DEFAULT_CHAIN"), **preset_settings())


def preset_settings(slug=None):
    return preset(slug or conf.get("DEFAULT_CHAIN")).as_dict()


def in_force(site, at=None):
    """The chain in force on ``site`` at ``at`` (now): its newest confirmed one, or None."""
    if site is None:
        return None
    chains = ApprovalChain.objects.filter(site=site, confirmed_at__isnull=False)
    if at is not None:
        chains = chains.filter(confirmed_at__lte=at)
    return chains.order_by("-confirmed_at", "-pk").first()


def required_steps(site, at=None):
    """The signatures of the steps a request filed on ``site`` at ``at`` must pass."""
    chain = in_force(site, at) or default_chain(site)
    return {step.signature for step in steps(chain)}


def workflow_signatures(workflow):
    return {
        task.signature
        for task in workflow.tasks.filter(active=True).specific()
        if hasattr(task, "signature")
    }


def workflow_follows(workflow, site, at=None):
    """Whether ``workflow`` has every step, with its setting, of the chain in force at ``at``."""
    return required_steps(site, at) <= workflow_signatures(workflow)


# -- the workflow of a chain ------------------------------------------------------------------------


def office_name(site):
    profile = OfficeProfile.for_site(site)
    return profile.short_name or profile.name or site.hostname


def build_workflow(chain):
    """A new workflow of ``chain``'s steps, with tasks of its own (a step's settings are its task's:
    another office's chain, or this office's next one, never shares them)."""
    found = preset_of(chain)
    # The name is stored: in the office's language, whoever sets the chain.
    with translation.override(django_settings.LANGUAGE_CODE):
        label = found.name if found else gettext("set step by step")
    workflow = Workflow.objects.create(
        name=f"{WORKFLOW_NAME} – {office_name(chain.site)}: {label}"[:255], active=True
    )
    for order, step in enumerate(steps(chain)):
        task = step.task_class.objects.create(name=step.name, **dict(step.fields))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def office_pages(site):
    return Page.objects.filter(path__startswith=site.root_page.path)


def _chain_workflows(site):
    return set(
        ApprovalChain.objects.filter(site=site, workflow__isnull=False).values_list(
            "workflow_id", flat=True
        )
    )


@transaction.atomic
def put_in_force(chain):
    """Build ``chain``'s workflow and run the office's pages on it from now on.

    Every hub of the office gets the workflow, and so does every page of the office that ran an
    earlier chain of the office. Requests already waiting at a step finish under the chain they
    were filed under; a workflow nothing waits on any more is deactivated.
    """
    site = chain.site
    earlier = _chain_workflows(site) - {chain.workflow_id}
    if chain.workflow_id is None or not chain.workflow.active:
        chain.workflow = build_workflow(chain)
        chain.save(update_fields=["workflow"])
    pages = office_pages(site)
    WorkflowPage.objects.filter(page__in=pages, workflow_id__in=earlier).update(
        workflow=chain.workflow
    )
    for hub in TransparencyHubPage.objects.filter(pk__in=pages.values("pk")):
        WorkflowPage.objects.update_or_create(page=hub, defaults={"workflow": chain.workflow})
    for workflow in Workflow.objects.filter(pk__in=earlier, active=True):
        retire(workflow)
    return chain.workflow


def retire(workflow):
    """Deactivate ``workflow`` once no page runs on it and no request waits on it (Wagtail's own
    ``deactivate`` would cancel the waiting requests; this leaves them to finish)."""
    if WorkflowPage.objects.filter(workflow=workflow).exists():
        return False
    if WorkflowState.objects.filter(workflow=workflow, status__in=UNFINISHED).exists():
        return False
    Workflow.objects.filter(pk=workflow.pk).update(active=False)
    return True


def office_workflow(site):
    """The workflow of the chain in force on ``site``; the default preset's, set now, if none."""
    chain = in_force(site)
    if chain is None:
        chain = set_chain(site, conf.get("DEFAULT_CHAIN"))
    if chain.workflow_id is None or not chain.workflow.active:
        put_in_force(chain)
    return chain.workflow


@transaction.atomic
def set_chain(site, slug=None, reason="", **settings):
    """Put a preset (or ``settings``) in force on ``site`` at once, unless it already is.

    For setting up an office from the server (``disclosure_setup_office --chain``), where nobody
    is there to confirm: whoever runs it holds the whole install anyway. Idempotent.
    """
    values = preset_settings(slug)
    values.update(settings)
    current = in_force(site)
    candidate = ApprovalChain(site=site, **values)
    found = preset_of(candidate)
    candidate.preset = found.slug if found else ""
    if current is not None and current.settings() == candidate.settings():
        if current.workflow_id is None or not current.workflow.active:
            put_in_force(current)
        return current
    now = timezone.now()
    with translation.override(django_settings.LANGUAGE_CODE):  # stored: in the office's language
        candidate.reason = reason or gettext("Set when the office was set up.")
    candidate.requested_at = now
    candidate.confirmed_at = now
    candidate.save()
    put_in_force(candidate)
    return candidate


# -- proposing and confirming in the admin --------------------------------------------------------


def may_propose(user, site):
    """Who may propose a chain: the office's web administrators (``add_approvalchain``)."""
    return (
        user is not None
        and user.is_authenticated
        and user.has_perm("wagtail_disclosure.add_approvalchain")
        and acts_for(user, site)
    )


def may_confirm(user, chain):
    """The office's director (or a holder of ``confirm_approvalchain`` who acts for the office);
    never the person who proposed it."""
    return may_confirm_for_office(
        user, chain.site, chain.requested_by_id, "wagtail_disclosure.confirm_approvalchain"
    )


@transaction.atomic
def propose(site, user, reason, preset_slug="", **settings):
    """Record a proposed chain for the director to confirm; an earlier unconfirmed one is replaced.

    Refused (``PermissionDenied``, nothing written) for someone who may not propose, and when the
    chain proposed is the one in force.
    """
    if not may_propose(user, site):
        raise PermissionDenied(gettext("You may not propose the office's approval chain."))
    if not (reason or "").strip():
        raise ChainError(gettext("Give the reason: the announcement that sets this chain."))
    chain = ApprovalChain(
        site=site, preset=preset_slug, reason=reason, requested_by=user, **settings
    )
    found = preset_of(chain)
    chain.preset = found.slug if found else ""
    current = in_force(site) or default_chain(site)
    if current.settings() == chain.settings():
        raise ChainError(gettext("This is the chain in force already: nothing to confirm."))
    pending(site).delete()
    chain.save()
    return chain


def pending(site):
    return ApprovalChain.objects.filter(site=site, confirmed_at__isnull=True)


@transaction.atomic
def confirm(chain, user):
    """Confirm ``chain``: it is in force from now on. Refused changes nothing."""
    if chain.confirmed_at is not None:
        return chain
    if not may_confirm(user, chain):
        raise PermissionDenied(
            gettext(
                "Only the office's director, and not the person who proposed it, may confirm "
                "the approval chain."
            )
        )
    chain.confirmed_by = user
    chain.confirmed_at = timezone.now()
    chain.save(update_fields=["confirmed_by", "confirmed_at"])
    put_in_force(chain)
    return chain


def waiting_under(chain):
    """The requests of ``chain``'s office still unfinished under an earlier chain (they finish
    under it)."""
    earlier = _chain_workflows(chain.site) - {chain.workflow_id}
    pages = office_pages(chain.site).values_list("pk", flat=True)
    return WorkflowState.objects.filter(
        workflow_id__in=earlier, status__in=UNFINISHED, object_id__in=[str(pk) for pk in pages]
    )


# -- the chain as the office's people see it --------------------------------------------------------


def _people(site, *roles):
    return Person.objects.filter(site=site, role__in=roles, active=True).select_related(
        "work_group"
    )


def who_takes(chain):
    """Each step of ``chain`` with who takes it in the office now, and what is missing.

    ``[{"step", "name", "who", "people": [str], "missing": str}]``: the chain's screen shows it
    before a chain is proposed and confirmed, so that a step nobody can take is seen in time.
    """
    site = chain.site
    found = []
    for step in steps(chain):
        task = step.task_class(**dict(step.fields))
        people, missing = _takers(site, task.step, dict(step.fields))
        found.append(
            {
                "step": task.step,
                "name": step.name,
                "who": task.takers_label(),
                "people": people,
                "missing": missing,
            }
        )
    return found


def _takers(site, code, fields):
    if code in ("memo", "verification"):
        authors = _people(site, Person.Role.AUTHOR)
        return [f"{p} – {p.work_group or '—'}" for p in authors], (
            "" if authors else gettext("No web officer (author) is recorded yet.")
        )
    if code == "group_review":
        directors = _people(site, Person.Role.GROUP_DIRECTOR)
        with_director = {p.work_group_id for p in directors}
        bare = WorkGroup.objects.filter(site=site).exclude(pk__in=with_director)
        missing = (
            gettext(
                "Work groups without a group director (the director's level reviews for them): "
                "%(groups)s"
            )
            % {"groups": ", ".join(str(g) for g in bare)}
            if bare
            else ""
        )
        return [f"{p} – {p.work_group or '—'}" for p in directors], missing
    if code == "deputy_endorsement":
        deputies = _people(site, Person.Role.DEPUTY).prefetch_related("oversees")
        every = gettext("every group")
        people = [
            "%s – %s" % (p, ", ".join(str(g) for g in p.oversees.all()) or every) for p in deputies
        ]
        return people, (
            ""
            if deputies
            else gettext("No deputy director is recorded: nobody can take this step.")
        )
    if code == "director_order":
        directors = _people(site, Person.Role.DIRECTOR)
        people = [str(p) for p in directors]
        if fields.get("on_behalf"):
            for d in Delegation.objects.in_force().filter(site=site).select_related("delegate"):
                people.append(
                    gettext("%(deputy)s, on the director's behalf under %(order)s")
                    % {"deputy": d.delegate, "order": d.order_number}
                )
        return people, (
            "" if directors else gettext("No director is recorded: nobody can take this step.")
        )
    roles = {
        "publisher": (Person.Role.PUBLISHER,),
        "group_officer": (Person.Role.AUTHOR,),
        "either": (Person.Role.PUBLISHER, Person.Role.AUTHOR),
    }[fields.get("taken_by", "publisher")]
    takers = _people(site, *roles)
    return [f"{p} – {p.work_group or '—'}" for p in takers], (
        "" if takers else gettext("Nobody is recorded who can put it online.")
    )

"""Compliance checks run on content before it may be submitted, approved or published.

Callers (the workflow, the publish paths, the editor panel) use
``run_checks(page, stage, user=None, record=False)`` and refuse on ``report.blocking``; the rules
are small classes in ``compliance.rules`` (``rights``, ``personal_data``, ``content``), registered
in ``registry`` and switched on or off per office by ``compliance.settings``.
"""

import hashlib
from dataclasses import dataclass, field

from django.utils.functional import lazy
from django.utils.translation import ngettext, override
from wagtail.models import Page

from wagtail_disclosure.compliance.extract import PageContent
from wagtail_disclosure.compliance.registry import BLOCK, WARN
from wagtail_disclosure.compliance.settings import configured_rules
from wagtail_disclosure.models import ComplianceOverride, ComplianceRun
from wagtail_disclosure.sites import site_of_page

STAGES = ("save", "submit", "approve", "publish")


def _interpolate(template, params):
    return str(template) % params if params else str(template)


_lazy_interpolate = lazy(_interpolate, str)


@dataclass
class CheckResult:
    code: str
    message: str  # lazy: renders in the active language (Thai in the Thai admin)
    severity: str  # "block" or "warn"
    where: str = ""
    key: str = ""
    override: object = None  # the ComplianceOverride in force, for warnings
    detail: str = ""  # what the rule found it on, e.g. "image:12" (the author's link to fix it)

    @property
    def overridden(self):
        return self.override is not None

    def as_data(self):
        """JSON for the audit: the message in Thai and in English, as shown at the time."""
        with override("th"):
            th = str(self.message)
        with override("en"):
            en = str(self.message)
        data = {
            "code": self.code,
            "severity": self.severity,
            "where": str(self.where),
            "key": self.key,
            "message_th": th,
            "message_en": en,
        }
        if self.override is not None:
            data["override"] = {
                "reason": self.override.reason,
                "user_id": self.override.user_id,
                "at": self.override.created_at.isoformat(),
            }
        return data


@dataclass
class CheckReport:
    results: list = field(default_factory=list)
    run: object = None  # the ComplianceRun when the report was recorded

    @property
    def blocking(self):
        return [r for r in self.results if r.severity == BLOCK]

    @property
    def warnings(self):
        return [r for r in self.results if r.severity == WARN]

    @property
    def pending_warnings(self):
        """Warnings no reviewer has overridden yet."""
        return [r for r in self.warnings if not r.overridden]

    @property
    def ok(self):
        return not self.blocking

    def refusal_message(self):
        """One sentence for a refused action, naming every blocking problem."""
        problems = self.blocking
        head = ngettext(
            "%(count)d problem must be fixed first:",
            "%(count)d problems must be fixed first:",
            len(problems),
        ) % {"count": len(problems)}
        return " ".join([head] + [f"({n}) {r.message}" for n, r in enumerate(problems, start=1)])


def _specific(page):
    """The specific page, without reloading one that already is (a revision's draft object)."""
    if type(page) is Page:
        return page.specific
    return page


def run_checks(page, stage="save", user=None, record=False, revision=None):
    """Run the enabled rules on ``page`` at ``stage`` (save, submit, approve, publish).

    ``page`` may be a draft (``revision.as_object()``): its unsaved content is what is checked.
    With ``record=True`` the results are stored as a ``ComplianceRun`` (``report.run``) for the audit,
    linked to ``revision`` (default: the page's latest) and to the workflow step in progress.
    """
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {STAGES}, not {stage!r}")
    page = _specific(page)
    site = site_of_page(page)
    content = PageContent.gather(page, site)
    results = []
    for rule, severity in configured_rules(site):
        if not rule.applies_to(content.families):
            continue
        for finding in rule.check(content):
            fingerprint = f"{rule.code}|{finding.where}|{finding.detail}"
            results.append(
                CheckResult(
                    code=rule.code,
                    message=_lazy_interpolate(finding.message, finding.params),
                    severity=severity,
                    where=finding.where,
                    key=hashlib.sha256(fingerprint.encode()).hexdigest()[:32],
                    detail=finding.detail,
                )
            )
    report = CheckReport(results)
    _apply_overrides(report, page)
    if record:
        report.run = _record(report, page, stage, user, revision)
    return report


def _apply_overrides(report, page):
    warnings = report.warnings
    if not warnings or not page.pk:
        return
    overrides = {
        (o.code, o.key): o
        for o in ComplianceOverride.objects.filter(
            page_id=page.pk, code__in={r.code for r in warnings}
        )
    }
    for result in warnings:
        result.override = overrides.get((result.code, result.key))


def _record(report, page, stage, user, revision):
    if page.pk is None:
        return None
    if revision is None:
        revision = page.latest_revision
    task_state = _current_task_state(page)
    return ComplianceRun.objects.create(
        page_id=page.pk,
        revision=revision,
        task_state=task_state,
        stage=stage,
        user=user if getattr(user, "pk", None) else None,
        passed=report.ok,
        results=[r.as_data() for r in report.results],
        overrides=[r.as_data() for r in report.warnings if r.overridden],
    )


def _current_task_state(page):
    workflow_state = getattr(page, "current_workflow_state", None)
    if workflow_state is None:
        return None
    return workflow_state.current_task_state

"""Compliance checks run on content before it may be submitted, approved or published.

The engine lives here; rules are small classes in this package. Callers (the workflow, the
publish paths, the editor panel) use ``run_checks(page, stage)`` and act on ``report.blocking``.
"""

from dataclasses import dataclass, field


@dataclass
class CheckResult:
    code: str
    message: str
    severity: str  # "block" or "warn"
    where: str = ""


@dataclass
class CheckReport:
    results: list = field(default_factory=list)

    @property
    def blocking(self):
        return [r for r in self.results if r.severity == "block"]

    @property
    def warnings(self):
        return [r for r in self.results if r.severity == "warn"]

    @property
    def ok(self):
        return not self.blocking


def run_checks(page, stage="save", user=None, record=False):
    """Run the enabled rules on ``page`` at ``stage`` (save, submit, approve, publish).

    ``user`` is who asks, ``record`` whether the result is kept; both are accepted and ignored by
    this stub until the engine (issue 4) lands.
    """
    return CheckReport()

"""The rules known to the compliance checks: their base class, their severities and what they yield.

A rule is a small class registered with ``@register``; the built-in ones (``compliance.rules``)
are registered when the app is ready. This module sits below the models (the rule setting of
``ComplianceRuleSetting`` offers ``rule_choices``), so it imports nothing of the app: how an office
switches rules on and off is ``compliance.settings``, running them is ``compliance.engine``.
"""

from dataclasses import dataclass, field

from django.utils.functional import lazy

BLOCK = "block"
WARN = "warn"
SEVERITIES = (BLOCK, WARN)

_rules = {}


@dataclass
class Finding:
    """What a rule yields: a message template and its values, where it was found, and a detail
    that tells this finding apart from others of the same rule (for overrides)."""

    message: str
    params: dict = field(default_factory=dict)
    where: str = ""
    detail: str = ""


class Rule:
    """One compliance rule.

    ``code`` names it in settings, results and the audit; ``title`` says what it checks;
    ``severity`` is the default; ``families`` limits it to pages answering catalogue items of those
    families (``None``: every page); ``exclude_families`` exempts pages that only answer those.
    ``check(content)`` yields ``Finding`` objects.
    """

    code = ""
    title = ""
    severity = BLOCK
    families = None
    exclude_families = ()

    def applies_to(self, families):
        if self.families is not None and not (set(self.families) & families):
            return False
        return not (families and families <= set(self.exclude_families))

    def check(self, content):
        raise NotImplementedError


def register(cls):
    """Class decorator: make the rule known to the engine (its code must be unique)."""
    if not cls.code or cls.code in _rules and _rules[cls.code] is not cls:
        raise ValueError(f"Check rule code missing or already used: {cls.code!r}")
    _rules[cls.code] = cls
    return cls


def all_rules():
    """``{code: rule class}`` of every registered rule, in the order they were registered."""
    return dict(_rules)


def rule_choices():
    """Choices for a rule setting: each rule's code and title (the title in the active language)."""
    return [
        (code, lazy(lambda c=cls: f"{c.code}: {c.title}", str)())
        for code, cls in all_rules().items()
    ]

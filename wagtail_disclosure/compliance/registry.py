"""The rules, and how an office switches them on and off or changes their severity.

A rule is a small class registered with ``@register``. Settings come from two places, the admin
winning over the settings file::

    WAGTAIL_DISCLOSURE = {"CHECKS": {"personal.contact": {"enabled": False},
                                     "content.alt_text": {"severity": "block"}}}

and Settings → Compliance checks in the admin (per site).
"""

from django.utils.functional import lazy

from wagtail_disclosure import conf

BLOCK = "block"
WARN = "warn"
SEVERITIES = (BLOCK, WARN)

_rules = {}


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
    _load_builtin()
    return dict(_rules)


def rule_choices():
    return [
        (code, lazy(lambda c=cls: f"{c.code}: {c.title}", str)())
        for code, cls in all_rules().items()
    ]


def _load_builtin():
    from wagtail_disclosure.compliance.rules import (  # noqa: F401  (registration on import)
        content,
        personal_data,
        rights,
    )


def configured_rules(site=None):
    """``[(rule instance, severity)]`` of the enabled rules for ``site``, settings applied."""
    overrides = {code: dict(value) for code, value in (conf.get("CHECKS") or {}).items()}
    if site is not None:
        from wagtail_disclosure.models import ComplianceRuleSetting

        for row in ComplianceRuleSetting.objects.filter(settings__site=site):
            entry = overrides.setdefault(row.code, {})
            entry["enabled"] = row.enabled
            if row.severity:
                entry["severity"] = row.severity
    active = []
    for code, cls in all_rules().items():
        entry = overrides.get(code, {})
        if not entry.get("enabled", True):
            continue
        severity = entry.get("severity") or cls.severity
        if severity not in SEVERITIES:
            raise ValueError(f"WAGTAIL_DISCLOSURE CHECKS {code}: severity must be block or warn")
        active.append((cls(), severity))
    return active


def office_words(site=None):
    """(extra words, ignored words) for the profanity rule: settings file plus the admin."""
    extra = list(conf.get("CHECK_WORDS") or [])
    ignored = list(conf.get("CHECK_WORDS_IGNORED") or [])
    if site is not None:
        from wagtail_disclosure.models import ComplianceSettings

        row = ComplianceSettings.objects.filter(site=site).first()
        if row is not None:
            extra += ComplianceSettings.word_list(row.extra_words)
            ignored += ComplianceSettings.word_list(row.ignored_words)
    return extra, ignored

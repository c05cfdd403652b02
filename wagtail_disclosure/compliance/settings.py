"""How an office switches the compliance rules on and off, changes their severity, and adds words.

Settings come from two places, the admin winning over the settings file::

    WAGTAIL_DISCLOSURE = {"CHECKS": {"personal.contact": {"enabled": False},
                                     "content.alt_text": {"severity": "block"}}}

and Settings → Compliance checks in the admin (per site: ``ComplianceSettings``).
"""

from wagtail_disclosure import conf
from wagtail_disclosure.compliance.registry import SEVERITIES, all_rules
from wagtail_disclosure.models import ComplianceRuleSetting, ComplianceSettings


def configured_rules(site=None):
    """``[(rule instance, severity)]`` of the enabled rules for ``site``, settings applied."""
    overrides = {code: dict(value) for code, value in (conf.get("CHECKS") or {}).items()}
    if site is not None:
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
        row = ComplianceSettings.objects.filter(site=site).first()
        if row is not None:
            extra += ComplianceSettings.word_list(row.extra_words)
            ignored += ComplianceSettings.word_list(row.ignored_words)
    return extra, ignored

"""Personal data (PDPA B.E. 2562): national ID numbers, private phone numbers and e-mail addresses."""

import re

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure import conf
from wagtail_disclosure.compliance.registry import BLOCK, WARN, Finding, Rule, register
from wagtail_disclosure.thai.digits import to_arabic_digits
from wagtail_disclosure.thai.national_id import find_national_ids, mask_national_id


@register
class NationalIdRule(Rule):
    code = "personal.national_id"
    title = _("No Thai national ID numbers in the text, tables or attached files")
    severity = BLOCK

    def check(self, content):
        for text in content.texts:
            for _start, _end, digits in find_national_ids(text.text):
                yield self._finding(digits, text.where)
        for use in content.unique_media("document"):
            for _start, _end, digits in find_national_ids(content.document_text(use.obj)):
                yield self._finding(digits, content.document_label(use.obj))

    def _finding(self, digits, where):
        return Finding(
            _(
                "A Thai national ID number (%(number)s) appears in %(where)s: remove it or mask "
                "it before publishing."
            ),
            {"number": mask_national_id(digits), "where": where},
            where=str(where),
            detail=digits,
        )


# Thai mobile numbers (06x, 08x, 09x, or +66 6/8/9), with the usual separators.
_MOBILE = re.compile(r"(?<![\d+])(?:\+66[ -]?|0)[689](?:[ -]?\d){8}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)


def _official_domain(domain, content):
    domain = domain.lower()
    suffixes = list(conf.get("OFFICIAL_EMAIL_DOMAINS")) + [f".{h}" for h in content.own_hosts]
    return any(domain.endswith(s) or f".{domain}" == s for s in suffixes)


@register
class PrivateContactRule(Rule):
    code = "personal.contact"
    title = _("Phone numbers and e-mail addresses of private persons")
    severity = WARN

    def check(self, content):
        for text in content.texts:
            if text.contact_field:
                continue  # fields made for the office's own contact details
            value = to_arabic_digits(text.text)
            for match in _MOBILE.finditer(value):
                yield self._finding(match.group(), text.where)
            for match in _EMAIL.finditer(value):
                if not _official_domain(match.group(1), content):
                    yield self._finding(match.group(), text.where)

    def _finding(self, value, where):
        return Finding(
            _(
                "“%(value)s” in %(where)s looks like a private person's phone number or e-mail "
                "address: publish it only with their consent (PDPA)."
            ),
            {"value": value, "where": where},
            where=where,
            detail=re.sub(r"[\s-]", "", value),
        )

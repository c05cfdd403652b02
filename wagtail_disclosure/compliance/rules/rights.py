"""Copyright, citation and consent.

The announcements' rules: สพป.สมุทรปราการ เขต 2, 31 พ.ค. 2561, items 4–7; สพป.ชุมพร เขต 1, 2565,
item 2.3; สพป.ปทุมธานี เขต 1, 5 ก.ค. 2565, item 2.3.

Pictures and text must not infringe copyright; borrowed material cites its source at the end;
activity photos of people are for official PR only, with the consent of those shown. The rights
are read through ``rights_of`` whatever image and document models the site uses.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.compliance.extract import host_of
from wagtail_disclosure.compliance.registry import BLOCK, WARN, Finding, Rule, register
from wagtail_disclosure.models.media import Licence, rights_of


def _kind_label(use):
    return _("image") if use.kind == "image" else _("document")


def _lazy_join(separator, parts):
    """Join translatable parts lazily, so the message renders whole in the language asked for."""
    return format_lazy(separator.join(["{}"] * len(parts)), *parts)


@register
class MediaRightsRule(Rule):
    code = "rights.media"
    title = _("Every image and document has a source and a licence")
    severity = BLOCK

    def check(self, content):
        for use in content.unique_media():
            rights = rights_of(use.obj)
            if not rights.has_rights_data:
                missing = []
                if not rights.source:
                    missing.append(_("source or credit"))
                if not rights.licence:
                    missing.append(_("licence"))
                yield Finding(
                    _(
                        "The %(kind)s “%(title)s” (%(where)s) is missing: %(missing)s. Fill it in "
                        "in the image or document library before submitting."
                    ),
                    {
                        "kind": _kind_label(use),
                        "title": use.obj.title,
                        "where": use.where,
                        "missing": _lazy_join(" / ", missing),
                    },
                    where=use.where,
                    detail=f"{use.kind}:{use.pk}",
                )


def _source_texts(content):
    return [
        " ".join(filter(None, [s.title, s.url, s.author, getattr(s, "note", "")])).lower()
        for s in content.sources
    ]


def _cited(content, *needles):
    needles = [n.strip().lower() for n in needles if n and n.strip()]
    if not needles:
        return bool(content.sources)
    return any(n in text for text in _source_texts(content) for n in needles)


@register
class CitationRule(Rule):
    code = "rights.citation"
    title = _("Quoted or embedded material from elsewhere is cited under Sources")
    severity = BLOCK

    def check(self, content):
        if content.quotes and not content.sources:
            quote = content.quotes[0]
            yield Finding(
                _(
                    "Quoted text (“%(quote)s”) has no entry under Sources: cite where it comes "
                    "from at the end of the page."
                ),
                {"quote": quote.text},
                where=quote.where,
                detail="quote",
            )
        external = [
            e for e in content.embeds + content.external_images if e.host not in content.own_hosts
        ]
        for item in external:
            if item.host and not _cited(content, item.host):
                yield Finding(
                    _("Material embedded from %(host)s (%(where)s) has no entry under Sources."),
                    {"host": item.host, "where": item.where},
                    where=item.where,
                    detail=item.url,
                )
        for use in content.unique_media():
            obj = use.obj
            rights = rights_of(obj)
            if not rights.licence or rights.licence == Licence.OWN_WORK:
                continue
            holder, source = rights.copyright_holder, rights.source
            if not _cited(content, holder, source, host_of(source) if "//" in source else ""):
                yield Finding(
                    _(
                        "The %(kind)s “%(title)s” comes from %(holder)s but is not cited under "
                        "Sources: add an entry naming it."
                    ),
                    {
                        "kind": _kind_label(use),
                        "title": obj.title,
                        "holder": holder or source,
                    },
                    where=use.where,
                    detail=f"{use.kind}:{use.pk}",
                )


@register
class ConsentRule(Rule):
    code = "rights.consent"
    title = _("Photos of people have recorded consent and are for official PR only")
    severity = BLOCK

    def check(self, content):
        for use in content.unique_media("image"):
            obj = use.obj
            missing = rights_of(obj).consent_missing
            if missing:
                yield Finding(
                    _(
                        "The photo “%(title)s” shows people but lacks %(missing)s (PDPA and the "
                        "office's rules on activity photos)."
                    ),
                    {"title": obj.title, "missing": _lazy_join(", ", missing)},
                    where=use.where,
                    detail=f"image:{use.pk}",
                )


@register
class HotlinkRule(Rule):
    code = "rights.hotlink"
    title = _("Images are not hot-linked from other sites")
    severity = WARN

    def check(self, content):
        for item in content.external_images:
            if item.url.startswith("/") or item.host in content.own_hosts:
                continue
            yield Finding(
                _(
                    "An image is shown straight from %(host)s (%(where)s): upload it to the "
                    "library with its rights data instead."
                ),
                {"host": item.host or item.url, "where": item.where},
                where=item.where,
                detail=item.url,
            )

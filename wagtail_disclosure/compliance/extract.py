"""Everything on a page that the rules look at, gathered once per run.

Works on any page type, saved or not (a revision's object carries its inline children and
many-to-many values in memory): text and rich-text fields of the page and of its inline
children, the images and documents it uses (chosen or embedded in rich text), external images,
embedded media, quotations and the cited sources. Images and documents are fetched in one query
each, whatever their number.
"""

import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from wagtail_disclosure.models.media import RIGHTS, store_text, text_of
from wagtail_disclosure.text_extraction import extract_text

# Page fields that are machinery, not content.
SKIP_FIELDS = {"slug", "url_path", "path", "draft_title", "search_description_auto"}
PAGE_BASE_FIELDS = {"title", "seo_title", "search_description"}
# Fields designed to hold the office's own contact details.
CONTACT_FIELD_NAMES = {"phone", "fax", "mobile", "email", "telephone"}

_INLINE_TAGS = re.compile(r"</?(?:a|b|i|u|s|em|strong|sub|sup|code|span)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_IMG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_BLOCKQUOTE = re.compile(r"<blockquote\b[^>]*>(.*?)</blockquote>", re.IGNORECASE | re.DOTALL)


def html_to_text(value):
    """Plain text of stored rich text; inline tags vanish so that numbers and words stay whole."""
    return html.unescape(_TAGS.sub("\n", _INLINE_TAGS.sub("", value or "")))


def host_of(url):
    try:
        return (urlsplit(url).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


@dataclass
class Text:
    where: str
    text: str
    contact_field: bool = False


@dataclass
class MediaUse:
    where: str
    kind: str  # "image" or "document"
    pk: int
    alt: str | None = None  # images: the alt text this use will have (None: not applicable)
    obj: object = None


@dataclass
class External:
    where: str
    url: str
    alt: str = ""

    @property
    def host(self):
        return host_of(self.url)


@dataclass
class PageContent:
    page: object
    site: object = None
    texts: list = field(default_factory=list)
    media: list = field(default_factory=list)
    external_images: list = field(default_factory=list)
    embeds: list = field(default_factory=list)
    quotes: list = field(default_factory=list)

    @classmethod
    def gather(cls, page, site=None):
        content = cls(page=page, site=site)
        content._read_object(page, "", is_page=True)
        for relation in get_all_child_relations(page):
            children = getattr(page, relation.get_accessor_name()).all()
            label = str(relation.related_model._meta.verbose_name)
            for number, child in enumerate(children, start=1):
                content._read_object(child, f"{label} {number}")
        content._load_media()
        return content

    # -- gathering ---------------------------------------------------------------------------

    def _read_object(self, obj, prefix, is_page=False):
        image_model = get_image_model()
        document_model = get_document_model()
        fields = obj._meta.concrete_fields
        alt_source = next(
            (getattr(obj, n) for n in ("alt", "alt_text", "caption") if getattr(obj, n, "")), ""
        )
        for f in fields:
            base = is_page and f.model._meta.label_lower == "wagtailcore.page"
            if base and f.name not in PAGE_BASE_FIELDS:
                continue
            if f.name in SKIP_FIELDS or not f.editable:
                continue
            where = f"{prefix}: {f.verbose_name}" if prefix else str(f.verbose_name)
            if isinstance(f, models.ForeignKey):
                target = f.related_model
                pk = getattr(obj, f.attname)
                if pk is None:
                    continue
                if target is image_model:
                    self.media.append(MediaUse(where, "image", pk, alt=alt_source))
                elif target is document_model:
                    self.media.append(MediaUse(where, "document", pk))
                continue
            if not isinstance(f, (models.CharField, models.TextField)) or f.choices:
                continue
            value = getattr(obj, f.attname)
            if not value:
                continue
            if isinstance(f, RichTextField):
                self._read_rich_text(where, value)
            else:
                contact = isinstance(f, models.EmailField) or f.name in CONTACT_FIELD_NAMES
                self.texts.append(Text(where, str(value), contact_field=contact))

    def _read_rich_text(self, where, value):
        self.texts.append(Text(where, html_to_text(value)))
        for match in FIND_EMBED_TAG.finditer(value):
            attrs = extract_attrs(match.group(1))
            if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
                self.media.append(
                    MediaUse(where, "image", int(attrs["id"]), alt=attrs.get("alt", ""))
                )
            elif attrs.get("embedtype") == "media" and attrs.get("url"):
                self.embeds.append(External(where, attrs["url"]))
        for match in FIND_A_TAG.finditer(value):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
                self.media.append(MediaUse(where, "document", int(attrs["id"])))
        for match in _IMG.finditer(value):
            attrs = extract_attrs(match.group(1))
            src = attrs.get("src", "")
            if src:
                self.external_images.append(External(where, src, alt=attrs.get("alt", "")))
        for match in _BLOCKQUOTE.finditer(value):
            quote = html_to_text(match.group(1)).strip()
            if quote:
                self.quotes.append(Text(where, Truncator(quote).chars(60)))

    def _load_media(self):
        for kind, model in (("image", get_image_model()), ("document", get_document_model())):
            wanted = {m.pk for m in self.media if m.kind == kind}
            if not wanted:
                continue
            found = model.objects.select_related(RIGHTS).in_bulk(wanted)
            for use in self.media:
                if use.kind == kind:
                    use.obj = found.get(use.pk)
        self.media = [m for m in self.media if m.obj is not None]

    # -- what rules ask ----------------------------------------------------------------------

    def unique_media(self, kind=None):
        """Each image or document once, with the first place it is used."""
        seen = {}
        for use in self.media:
            if kind in (None, use.kind):
                seen.setdefault((use.kind, use.pk), use)
        return list(seen.values())

    @cached_property
    def items(self):
        page = self.page
        if hasattr(page, "catalogue_items"):
            return list(page.catalogue_items.all())
        item = getattr(page, "item", None)
        return [item] if item is not None else []

    @cached_property
    def families(self):
        return {item.family for item in self.items}

    @cached_property
    def sources(self):
        return list(self.page.sources.all()) if hasattr(self.page, "sources") else []

    @cached_property
    def own_hosts(self):
        hosts = set()
        if self.site is not None and self.site.hostname:
            hosts.add(self.site.hostname.lower().removeprefix("www."))
        return hosts

    def document_text(self, document):
        """The text of an attached file: the stored extraction, or extracted now (and stored)."""
        text = text_of(document)
        if text or not document.file:
            return text
        try:
            with document.open_file() as handle:
                text = extract_text(handle)
        except (OSError, ValueError):
            return ""
        if text:
            store_text(document, text)
        return text

    def document_label(self, document):
        return _("the attached file “%(title)s”") % {"title": document.title}

"""Load a catalogue edition from a YAML file, all or nothing.

The file is validated completely before the database is touched, then written in one transaction:
a malformed file is refused with a message naming the file, the item and the field, and nothing
changes. Reloading updates the edition in place (matched by slug and codes), never duplicates it.
"""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_disclosure.catalogue import DATA_DIR, shipped_editions
from wagtail_disclosure.models import CatalogueEdition, CatalogueItem, CatalogueSection

FORMAT_VERSION = 1

# What a value must be, said the way the message shows it.
TEXT = (str, gettext_lazy("text"))
CODE = ((str, int), gettext_lazy("text or a whole number"))
BOOL = (bool, gettext_lazy("true or false"))
INT = (int, gettext_lazy("a whole number"))
LIST = (list, gettext_lazy("a list"))

EDITION_KEYS = {
    "slug": TEXT,
    "framework": TEXT,
    "name_th": TEXT,
    "name_en": TEXT,
    "year": INT,
    "source": TEXT,
}
EDITION_REQUIRED = {"slug", "framework", "name_th"}
SECTION_KEYS = {"code": CODE, "name_th": TEXT, "name_en": TEXT, "items": LIST}
SECTION_REQUIRED = {"code", "name_th", "items"}
ITEM_KEYS = {
    "code": CODE,
    "name_th": TEXT,
    "name_en": TEXT,
    "needs_approval": BOOL,
    "fiscal_year_bound": BOOL,
    "default_group": TEXT,
    "family": TEXT,
    "update_months": INT,
    "evidence": TEXT,
}
ITEM_REQUIRED = {"code", "name_th", "name_en", "needs_approval", "fiscal_year_bound"}
# Keys whose value is a slug in the database (letters, digits, "-" and "_").
SLUG_KEYS = {"slug", "framework", "default_group"}
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")
FAMILIES = set(CatalogueItem.Family.values)
BE_YEARS = (2400, 2800)


def _max_lengths(model, mapping):
    return {key: model._meta.get_field(name).max_length for key, name in mapping.items()}


MAX_LENGTHS = {
    "edition": _max_lengths(
        CatalogueEdition,
        {"slug": "slug", "framework": "framework", "name_th": "name_th", "name_en": "name_en"},
    ),
    "section": _max_lengths(
        CatalogueSection, {"code": "code", "name_th": "name_th", "name_en": "name_en"}
    ),
    "item": _max_lengths(
        CatalogueItem,
        {
            "code": "code",
            "name_th": "name_th",
            "name_en": "name_en",
            "default_group": "default_group_code",
        },
    ),
}


class CatalogueError(ValueError):
    """A catalogue file that cannot be loaded; the message names file, place and field."""


@dataclass
class LoadResult:
    edition: CatalogueEdition
    created: bool
    sections: int
    items: int
    removed: int
    # Codes still in the database but no longer in the file (kept: pages may point at them).
    stale: list = field(default_factory=list)


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that refuses a key given twice in one mapping (PyYAML keeps the last silently)."""


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key “{key}” given twice", key_node.start_mark
            )
        seen[key] = True
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def resolve(name_or_path):
    """A shipped edition's slug, or a path to a YAML file, as a ``Path``."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists() or len(path.parts) > 1:
        return path
    shipped = DATA_DIR / f"{name_or_path}.yaml"
    if shipped.exists():
        return shipped
    raise CatalogueError(
        _("No catalogue named “%(name)s”. Shipped: %(names)s; or give the path to a YAML file.")
        % {"name": name_or_path, "names": ", ".join(shipped_editions())}
    )


def parse(path):
    """Read and validate ``path``; return the cleaned data or raise ``CatalogueError``.

    Every check happens here, before the database is touched.
    """
    path = Path(path)
    where = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogueError(_("%(file)s: file not found") % {"file": path}) from exc
    except UnicodeDecodeError as exc:
        raise CatalogueError(_("%(file)s: not UTF-8 text") % {"file": where}) from exc
    except OSError as exc:
        raise CatalogueError(
            _("%(file)s: cannot be read (%(error)s)") % {"file": path, "error": exc.strerror}
        ) from exc
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 – a SafeLoader subclass
    except RecursionError as exc:  # PyYAML follows nesting by recursion
        raise CatalogueError(
            _("%(file)s: lists or mappings are nested too deeply to be a catalogue")
            % {"file": where}
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = _(" (line %(line)d)") % {"line": mark.line + 1} if mark else ""
        raise CatalogueError(
            _("%(file)s%(line)s: not valid YAML: %(error)s")
            % {"file": where, "line": line, "error": getattr(exc, "problem", None) or exc}
        ) from exc
    if not isinstance(raw, dict):
        raise CatalogueError(
            _("%(file)s: expected a mapping with “format”, “edition” and “sections”")
            % {"file": where}
        )
    if raw.get("format") != FORMAT_VERSION:
        raise CatalogueError(
            _("%(file)s: field “format” must be %(version)s")
            % {"file": where, "version": FORMAT_VERSION}
        )
    _check_keys(raw, {"format", "edition", "sections"}, where)
    edition = _check_mapping(
        raw.get("edition"),
        EDITION_KEYS,
        EDITION_REQUIRED,
        _("%(file)s: edition") % {"file": where},
        "edition",
    )
    year = edition.get("year")
    if year is not None and not BE_YEARS[0] <= year <= BE_YEARS[1]:
        raise CatalogueError(
            _(
                "%(file)s: edition, field “year” must be a Buddhist-Era year such as 2566 (got %(value)s)"
            )
            % {"file": where, "value": year}
        )
    if edition["slug"] != path.stem and path.parent == DATA_DIR:
        raise CatalogueError(_("%(file)s: edition.slug must equal the file name") % {"file": where})
    sections = raw.get("sections")
    if not isinstance(sections, list) or not sections:
        raise CatalogueError(
            _("%(file)s: field “sections” must be a non-empty list") % {"file": where}
        )
    seen_sections, seen_items, clean_sections = set(), set(), []
    for s_index, section in enumerate(sections, start=1):
        s_where = _("%(file)s: section #%(n)d") % {"file": where, "n": s_index}
        if _is_code(section):
            s_where = _("%(file)s: section %(code)s") % {"file": where, "code": section["code"]}
        section = _check_mapping(section, SECTION_KEYS, SECTION_REQUIRED, s_where, "section")
        if section["code"] in seen_sections:
            raise CatalogueError(_("%(where)s: field “code” is used twice") % {"where": s_where})
        seen_sections.add(section["code"])
        if not section["items"]:
            raise CatalogueError(_("%(where)s: field “items” is empty") % {"where": s_where})
        clean_items = []
        for i_index, item in enumerate(section["items"], start=1):
            i_where = _("%(section)s, item #%(n)d") % {"section": s_where, "n": i_index}
            if _is_code(item):
                i_where = _("%(section)s, item %(code)s") % {
                    "section": s_where,
                    "code": item["code"],
                }
            item = _check_mapping(item, ITEM_KEYS, ITEM_REQUIRED, i_where, "item")
            if item["code"] in seen_items:
                raise CatalogueError(
                    _("%(where)s: field “code” is used twice in this edition") % {"where": i_where}
                )
            seen_items.add(item["code"])
            family = item.get("family") or CatalogueItem.Family.DOCUMENT
            if family not in FAMILIES:
                raise CatalogueError(
                    _("%(where)s: field “family” must be one of %(choices)s (got “%(value)s”)")
                    % {"where": i_where, "choices": ", ".join(sorted(FAMILIES)), "value": family}
                )
            item["family"] = family
            months = item.get("update_months")
            if months is not None and not 1 <= months <= 120:
                raise CatalogueError(
                    _("%(where)s: field “update_months” must be 1 to 120") % {"where": i_where}
                )
            clean_items.append(item)
        section["items"] = clean_items
        clean_sections.append(section)
    return {"edition": edition, "sections": clean_sections}


def _is_code(mapping):
    """Whether ``mapping`` has a usable code to name it by in messages."""
    code = mapping.get("code") if isinstance(mapping, dict) else None
    return isinstance(code, str | int) and not isinstance(code, bool) and str(code).strip() != ""


def _check_keys(value, allowed, where):
    for key in value:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = _(" (did you mean “%(key)s”?)") % {"key": close[0]} if close else ""
            raise CatalogueError(
                _("%(where)s: unknown field “%(field)s”%(hint)s")
                % {"where": where, "field": key, "hint": hint}
            )


def _check_mapping(value, keys, required, where, level):
    """Check one mapping of the file against ``keys``; return a copy with codes as text."""
    if not isinstance(value, dict):
        raise CatalogueError(_("%(where)s: expected a mapping") % {"where": where})
    _check_keys(value, keys, where)
    for key in sorted(required):
        if value.get(key) is None or value.get(key) == "":
            raise CatalogueError(
                _("%(where)s: field “%(field)s” is required") % {"where": where, "field": key}
            )
    clean = dict(value)
    for key, (kinds, expected) in keys.items():
        got = value.get(key)
        if got is None:
            continue
        # bool is an int in Python: "yes" must not pass as a number, nor 1 as a yes.
        if not isinstance(got, kinds) or (isinstance(got, bool) and kinds is not bool):
            hint = ""
            if isinstance(got, float) and key == "code":
                hint = _(' – put the code in quotes, e.g. "9.10"')
            raise CatalogueError(
                _("%(where)s: field “%(field)s” must be %(expected)s, not %(got)s%(hint)s")
                % {
                    "where": where,
                    "field": key,
                    "expected": expected,
                    "got": _type_name(got),
                    "hint": hint,
                }
            )
        if key == "code":
            clean[key] = got = str(got).strip()
        if key in SLUG_KEYS and not SLUG_RE.match(got):
            raise CatalogueError(
                _(
                    "%(where)s: field “%(field)s” may hold only letters, digits, “-” and “_” (got “%(value)s”)"
                )
                % {"where": where, "field": key, "value": got}
            )
        limit = MAX_LENGTHS[level].get(key)
        if limit and len(got) > limit:
            raise CatalogueError(
                _("%(where)s: field “%(field)s” is longer than %(limit)d characters")
                % {"where": where, "field": key, "limit": limit}
            )
    return clean


def _type_name(value):
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int):
        return _("a number (%(value)s)") % {"value": value}
    if isinstance(value, float):
        return _("a decimal number (%(value)s)") % {"value": value}
    if isinstance(value, str):
        return _("text (“%(value)s”)") % {"value": value[:40]}
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__


def load(name_or_path, prune=False):
    """Load an edition from a shipped slug or a file path, in one transaction.

    Items that disappeared from the file are kept (pages may point at them) unless ``prune`` is
    set and no page uses them.
    """
    path = resolve(name_or_path)
    data = parse(path)
    meta = data["edition"]
    with transaction.atomic():
        edition, created = CatalogueEdition.objects.update_or_create(
            slug=meta["slug"],
            defaults={
                "framework": meta["framework"],
                "name_th": meta["name_th"],
                "name_en": meta.get("name_en") or "",
                "year": meta.get("year"),
                "source": meta.get("source") or "",
                "loaded_from": str(path.name),
                "loaded_at": timezone.now(),
            },
        )
        order = 0
        keep_items = set()
        for s_order, s in enumerate(data["sections"]):
            section, _created = CatalogueSection.objects.update_or_create(
                edition=edition,
                code=s["code"],
                defaults={
                    "name_th": s["name_th"],
                    "name_en": s.get("name_en") or "",
                    "sort_order": s_order,
                },
            )
            for item in s["items"]:
                order += 1
                CatalogueItem.objects.update_or_create(
                    edition=edition,
                    code=item["code"],
                    defaults={
                        "section": section,
                        "name_th": item["name_th"],
                        "name_en": item.get("name_en") or "",
                        "needs_approval": item["needs_approval"],
                        "fiscal_year_bound": item["fiscal_year_bound"],
                        "default_group_code": item.get("default_group") or "",
                        "family": item["family"],
                        "update_months": item.get("update_months"),
                        "evidence": item.get("evidence") or "",
                        "sort_order": order,
                    },
                )
                keep_items.add(item["code"])
        removed = 0
        if prune:
            stale = edition.items.exclude(code__in=keep_items).filter(
                pages__isnull=True, indicator_pages__isnull=True
            )
            removed = stale.count()
            stale.delete()
            edition.sections.exclude(code__in=[s["code"] for s in data["sections"]]).filter(
                items__isnull=True
            ).delete()
        stale = sorted(edition.items.exclude(code__in=keep_items).values_list("code", flat=True))
    return LoadResult(edition, created, len(data["sections"]), order, removed, stale)

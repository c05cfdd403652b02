"""Load a catalogue edition from a YAML file, all or nothing.

The file is validated completely before the database is touched, then written in one transaction:
a malformed file is refused with a message naming the file, the item and the field, and nothing
changes. Reloading updates the edition in place (matched by slug and codes), never duplicates it.
"""

import difflib
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_disclosure.catalogue import DATA_DIR, shipped_editions
from wagtail_disclosure.models import CatalogueEdition, CatalogueItem, CatalogueSection

FORMAT_VERSIONS = (1, 2)
MAX_SECTION_DEPTH = 4

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
NULLABLE_TEXT = (str, gettext_lazy("text"))
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
    "answered_by": TEXT,
    "pages": LIST,
}
ITEM_REQUIRED = {"code", "name_th", "name_en", "needs_approval", "fiscal_year_bound"}
ITEM_REQUIRED_2 = {"code", "name_th", "needs_approval"}
# Format 2 adds an edition's predecessor, nested sections and each item's rules
# (docs/catalogue-format.md); ``fiscal_year_bound`` becomes ``scope: current_fy``.
EDITION_KEYS_2 = {**EDITION_KEYS, "previous": TEXT}
SECTION_KEYS_2 = {**SECTION_KEYS, "sections": LIST}
ITEM_KEYS_2 = {
    **{k: v for k, v in ITEM_KEYS.items() if k != "fiscal_year_bound"},
    "scope": TEXT,
    "min_count": INT,
    "formats": LIST,
    "languages": LIST,
    "groups": LIST,
    "parts": LIST,
    "alternatives": LIST,
    "previous": LIST,
}
FORMATS = {
    1: {
        "top": {"format", "edition", "sections"},
        "edition": EDITION_KEYS,
        "section": SECTION_KEYS,
        "item": ITEM_KEYS,
    },
    2: {
        "top": {"format", "edition", "sections"},
        "edition": EDITION_KEYS_2,
        "section": SECTION_KEYS_2,
        "item": ITEM_KEYS_2,
    },
}
SCOPE_CURRENT_FY = CatalogueItem.Scope.CURRENT_FY
SCOPES = {value for value in CatalogueItem.Scope.values if value} | {"any"}
FORMAT_RE = re.compile(r"^[A-Za-z0-9]{2,5}$")
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}$")
CODE_RE = re.compile(r"^\S.{0,49}$")
DOCUMENT = CatalogueItem.Family.DOCUMENT
ANSWERED_BY = set(CatalogueItem.AnsweredBy.values)
# Keys whose value is a slug in the database (letters, digits, "-" and "_").
SLUG_KEYS = {"slug", "framework", "default_group", "previous"}
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")
FAMILIES = set(CatalogueItem.Family.values)
PAGE_KINDS = CatalogueItem.PageKind.values
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
    """Safe YAML that refuses a key given twice in one mapping (PyYAML keeps the last silently)
    and remembers the line of every mapping, for the messages."""


class _Mapping(dict):
    """A mapping of the file with the line it starts on."""

    line = None


@contextmanager
def _at(mapping):
    """Add the line of ``mapping`` to a message raised while checking it (the innermost wins)."""
    try:
        yield
    except CatalogueError as exc:
        line = getattr(mapping, "line", None)
        if getattr(exc, "located", False) or line is None:
            raise
        located = CatalogueError(f"{exc}" + _(" (line %(line)d)") % {"line": line})
        located.located = True
        raise located from exc


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key “{key}” given twice", key_node.start_mark
            )
        seen[key] = True
    mapping = _Mapping(loader.construct_mapping(node, deep=deep))
    mapping.line = node.start_mark.line + 1
    return mapping


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
    version = raw.get("format")
    if version not in FORMAT_VERSIONS or isinstance(version, bool):
        raise CatalogueError(
            _("%(file)s: field “format” must be %(versions)s")
            % {"file": where, "versions": _(" or ").join(str(v) for v in FORMAT_VERSIONS)}
        )
    return Validator(where, version, in_data_dir=path.parent == DATA_DIR, stem=path.stem).run(raw)


class Validator:
    """The checks of one file, format 1 or 2; each message names the file, the place, the field
    and the line (``_at``)."""

    def __init__(self, where, version, in_data_dir=False, stem=""):
        self.where, self.version = where, version
        self.in_data_dir, self.stem = in_data_dir, stem
        self.seen_sections, self.seen_items = set(), set()
        self.spec = FORMATS[version]

    def run(self, raw):
        where = self.where
        _check_keys(raw, self.spec["top"], where)
        with _at(raw.get("edition")):
            edition = _check_mapping(
                raw.get("edition"),
                self.spec["edition"],
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
            if edition["slug"] != self.stem and self.in_data_dir:
                raise CatalogueError(
                    _("%(file)s: edition.slug must equal the file name") % {"file": where}
                )
            if edition.get("previous") == edition["slug"]:
                raise CatalogueError(
                    _("%(file)s: edition, field “previous” names this edition itself")
                    % {"file": where}
                )
        sections = raw.get("sections")
        if not isinstance(sections, list) or not sections:
            raise CatalogueError(
                _("%(file)s: field “sections” must be a non-empty list") % {"file": where}
            )
        clean = [self.section(section, n, depth=1) for n, section in enumerate(sections, start=1)]
        return {"format": self.version, "edition": edition, "sections": clean}

    def section(self, section, s_index, depth, parent_where=None):
        base = parent_where or self.where
        s_where = _("%(file)s: section #%(n)d") % {"file": base, "n": s_index}
        if _is_code(section):
            s_where = _("%(file)s: section %(code)s") % {"file": base, "code": section["code"]}
        with _at(section):
            if depth > MAX_SECTION_DEPTH:
                raise CatalogueError(
                    _("%(where)s: sections may be nested at most %(n)d deep")
                    % {"where": s_where, "n": MAX_SECTION_DEPTH}
                )
            required = SECTION_REQUIRED if self.version == 1 else {"code", "name_th"}
            section = _check_mapping(section, self.spec["section"], required, s_where, "section")
            if section["code"] in self.seen_sections:
                raise CatalogueError(
                    _("%(where)s: field “code” is used twice") % {"where": s_where}
                )
            self.seen_sections.add(section["code"])
            items = section.get("items") or []
            subsections = section.get("sections") or []
            if not items and not subsections:
                raise CatalogueError(_("%(where)s: field “items” is empty") % {"where": s_where})
        section["items"] = [self.item(item, n, s_where) for n, item in enumerate(items, start=1)]
        section["sections"] = [
            self.section(sub, n, depth + 1, s_where) for n, sub in enumerate(subsections, start=1)
        ]
        return section

    def item(self, item, i_index, s_where, parent=None, label=None):
        label = label or _("item")
        i_where = _("%(section)s, %(label)s #%(n)d") % {
            "section": s_where,
            "label": label,
            "n": i_index,
        }
        if _is_code(item):
            i_where = _("%(section)s, %(label)s %(code)s") % {
                "section": s_where,
                "label": label,
                "code": item["code"],
            }
        with _at(item):
            required = ITEM_REQUIRED if self.version == 1 else ITEM_REQUIRED_2
            if parent is not None:
                required = {"code", "name_th"}
            item = _check_mapping(item, self.spec["item"], required, i_where, "item")
            if item["code"] in self.seen_items:
                raise CatalogueError(
                    _("%(where)s: field “code” is used twice in this edition") % {"where": i_where}
                )
            self.seen_items.add(item["code"])
            family = item.get("family") or (parent or {}).get("family") or DOCUMENT
            if family not in FAMILIES:
                raise CatalogueError(
                    _("%(where)s: field “family” must be one of %(choices)s (got “%(value)s”)")
                    % {"where": i_where, "choices": ", ".join(sorted(FAMILIES)), "value": family}
                )
            item["family"] = family
            item["pages"] = self.page_kinds(item, i_where, parent)
            answered_by = item.get("answered_by") or ""
            if answered_by not in ANSWERED_BY:
                raise CatalogueError(
                    _("%(where)s: field “answered_by” must be one of %(choices)s (got “%(value)s”)")
                    % {
                        "where": i_where,
                        "choices": ", ".join(sorted(ANSWERED_BY - {""})),
                        "value": answered_by,
                    }
                )
            months = item.get("update_months")
            if months is not None and not 1 <= months <= 120:
                raise CatalogueError(
                    _("%(where)s: field “update_months” must be 1 to 120") % {"where": i_where}
                )
            if self.version == 2:
                self.rules(item, i_where, parent)
            else:
                item["scope"] = SCOPE_CURRENT_FY if item["fiscal_year_bound"] else ""
        if self.version == 2:
            parts, alternatives = item.get("parts") or [], item.get("alternatives") or []
            with _at(item):
                if parts and alternatives:
                    raise CatalogueError(
                        _("%(where)s: give either “parts” or “alternatives”, not both")
                        % {"where": i_where}
                    )
                if parent is not None and (parts or alternatives):
                    raise CatalogueError(
                        _("%(where)s: a part cannot have parts of its own") % {"where": i_where}
                    )
            item["parts_rule"] = "any" if alternatives else "all"
            kind = _("alternative") if alternatives else _("part")
            item["parts"] = [
                self.item(part, n, i_where, parent=item, label=kind)
                for n, part in enumerate(parts or alternatives, start=1)
            ]
            item.pop("alternatives", None)
        else:
            item["parts"], item["parts_rule"] = [], "all"
        return item

    def page_kinds(self, item, where, parent):
        """The kinds of content page that answer the item: as listed, else its parent item's;
        empty means its family's (``CatalogueItem.allowed_page_kinds``)."""
        kinds = item.get("pages")
        if kinds is None:
            return list((parent or {}).get("pages") or [])
        for kind in kinds:
            if kind not in PAGE_KINDS:
                raise CatalogueError(
                    _(
                        "%(where)s: field “pages” must list page kinds among %(choices)s (got “%(value)s”)"
                    )
                    % {"where": where, "choices": ", ".join(PAGE_KINDS), "value": kind}
                )
        if not kinds:
            raise CatalogueError(
                _("%(where)s: field “pages” is empty: leave it out to take the family's")
                % {"where": where}
            )
        return list(dict.fromkeys(kinds))

    def rules(self, item, where, parent):
        """Format 2's rules of one item, checked and filled in (a part inherits its item's)."""
        inherited = parent or {}
        own_groups = item.get("groups")
        if "needs_approval" not in item or item["needs_approval"] is None:
            item["needs_approval"] = inherited.get("needs_approval", True)
        scope = item.get("scope")
        if scope is None:
            scope = inherited.get("scope") or "any"
        if scope not in SCOPES:
            raise CatalogueError(
                _("%(where)s: field “scope” must be one of %(choices)s (got “%(value)s”)")
                % {"where": where, "choices": ", ".join(sorted(SCOPES)), "value": scope}
            )
        item["scope"] = "" if scope == "any" else scope
        item["fiscal_year_bound"] = item["scope"] == SCOPE_CURRENT_FY
        count = item.get("min_count")
        if count is not None and not 1 <= count <= 366:
            raise CatalogueError(
                _("%(where)s: field “min_count” must be 1 to 366") % {"where": where}
            )
        item["min_count"] = count or 1
        for key, pattern, hint in (
            ("formats", FORMAT_RE, _("a file extension such as pdf or xlsx")),
            ("languages", LANGUAGE_RE, _("a language code such as th or en")),
            ("groups", SLUG_RE, _("a work-group code (letters, digits, “-” and “_”)")),
            ("previous", CODE_RE, _("an item code of the previous edition")),
        ):
            values = item.get(key)
            if values is None:
                item[key] = list(inherited.get(key, [])) if key != "previous" else []
                continue
            for value in values:
                if not isinstance(value, str) or not pattern.match(value):
                    raise CatalogueError(
                        _("%(where)s: field “%(field)s” must list %(hint)s, not %(got)s")
                        % {"where": where, "field": key, "hint": hint, "got": _type_name(value)}
                    )
            if len(set(values)) != len(values):
                raise CatalogueError(
                    _("%(where)s: field “%(field)s” lists a value twice")
                    % {"where": where, "field": key}
                )
            item[key] = [v.lower() for v in values] if key in ("formats", "languages") else values
        if item.get("update_months") is None:
            item["update_months"] = inherited.get("update_months")
        if own_groups and item.get("default_group"):
            raise CatalogueError(
                _("%(where)s: give either “groups” or “default_group”, not both") % {"where": where}
            )
        if item["groups"]:
            item["default_group"] = item["groups"][0]
        elif item.get("default_group"):
            item["groups"] = [item["default_group"]]


def _is_code(mapping):
    """Whether ``mapping`` has a usable code to name it by in messages."""
    code = mapping.get("code") if isinstance(mapping, dict) else None
    return isinstance(code, str | int) and not isinstance(code, bool) and str(code).strip() != ""


def _check_keys(value, allowed, where):
    for key in value:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = _(" (did you mean “%(key)s”?)") % {"key": close[0]} if close else ""
            if key == "fiscal_year_bound" and "scope" in allowed:
                hint = _(" (format 2 says “scope: current_fy”)")
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
        if key in SLUG_KEYS and isinstance(got, str) and not SLUG_RE.match(got):
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


def _walk(sections, parent=None):
    """``(section, parent section code)`` for every section of the file, depth first."""
    for section in sections:
        yield section, parent
        yield from _walk(section["sections"], section["code"])


def _previous_edition(meta, data, where):
    """The edition named by ``previous``, checked before anything is written: it must be loaded
    and hold every item code the file maps to."""
    slug = meta.get("previous")
    if not slug:
        return None
    previous = CatalogueEdition.objects.filter(slug=slug).first()
    if previous is None:
        raise CatalogueError(
            _("%(file)s: edition, field “previous”: no edition “%(slug)s” is loaded; load it first")
            % {"file": where, "slug": slug}
        )
    codes = set(previous.items.values_list("code", flat=True))
    for section, _parent in _walk(data["sections"]):
        for item in section["items"]:
            for part in [item, *item["parts"]]:
                unknown = [code for code in part.get("previous", []) if code not in codes]
                if unknown:
                    raise CatalogueError(
                        _(
                            "%(file)s: item %(code)s, field “previous”: %(unknown)s not in edition %(slug)s"
                        )
                        % {
                            "file": where,
                            "code": part["code"],
                            "unknown": ", ".join(unknown),
                            "slug": slug,
                        }
                    )
    return previous


def load(name_or_path, prune=False):
    """Load an edition from a shipped slug or a file path, in one transaction.

    Items that disappeared from the file are kept (pages may point at them) unless ``prune`` is
    set and no page uses them. Office overrides (``ItemOverride``) point at the item rows, which
    a reload updates in place, so they survive it.
    """
    path = resolve(name_or_path)
    data = parse(path)
    meta = data["edition"]
    previous = _previous_edition(meta, data, path.name)
    with transaction.atomic():
        edition, created = CatalogueEdition.objects.update_or_create(
            slug=meta["slug"],
            defaults={
                "framework": meta["framework"],
                "name_th": meta["name_th"],
                "name_en": meta.get("name_en") or "",
                "year": meta.get("year"),
                "source": meta.get("source") or "",
                "previous": previous,
                "loaded_from": str(path.name),
                "loaded_at": timezone.now(),
            },
        )
        order = 0
        keep_items, keep_sections, sections_by_code = set(), [], {}
        previous_items = {i.code: i for i in previous.items.all()} if previous is not None else {}
        for s_order, (s, parent_code) in enumerate(_walk(data["sections"])):
            section, _created = CatalogueSection.objects.update_or_create(
                edition=edition,
                code=s["code"],
                defaults={
                    "name_th": s["name_th"],
                    "name_en": s.get("name_en") or "",
                    "parent": sections_by_code.get(parent_code),
                    "sort_order": s_order,
                },
            )
            sections_by_code[s["code"]] = section
            keep_sections.append(s["code"])
            for item in s["items"]:
                order += 1
                row = _write_item(edition, section, item, order, None)
                keep_items.add(item["code"])
                _map_previous(row, item, previous_items)
                for part in item["parts"]:
                    order += 1
                    part_row = _write_item(edition, section, part, order, row)
                    keep_items.add(part["code"])
                    _map_previous(part_row, part, previous_items)
        removed = 0
        if prune:
            stale = edition.items.exclude(code__in=keep_items).filter(
                pages__isnull=True, indicator_pages__isnull=True
            )
            removed = stale.count()
            stale.delete()
            edition.sections.exclude(code__in=keep_sections).filter(items__isnull=True).delete()
        stale = sorted(edition.items.exclude(code__in=keep_items).values_list("code", flat=True))
    top_level = sum(len(s["items"]) for s, _parent in _walk(data["sections"]))
    return LoadResult(edition, created, len(keep_sections), top_level, removed, stale)


def _write_item(edition, section, item, order, parent):
    row, _created = CatalogueItem.objects.update_or_create(
        edition=edition,
        code=item["code"],
        defaults={
            "section": section,
            "parent": parent,
            "name_th": item["name_th"],
            "name_en": item.get("name_en") or "",
            "needs_approval": item["needs_approval"],
            "fiscal_year_bound": item["fiscal_year_bound"],
            "default_group_code": item.get("default_group") or "",
            "group_codes": item.get("groups") or [],
            "family": item["family"],
            "page_kinds": item.get("pages") or [],
            "update_months": item.get("update_months"),
            "evidence": item.get("evidence") or "",
            "scope": item.get("scope") or "",
            "min_count": item.get("min_count") or 1,
            "formats": item.get("formats") or [],
            "languages": item.get("languages") or [],
            "parts_rule": item.get("parts_rule") or CatalogueItem.PartsRule.ALL,
            "answered_by": item.get("answered_by") or "",
            "sort_order": order,
        },
    )
    return row


def _map_previous(row, item, previous_items):
    """The item's link to the previous edition's items, as the file says (replaced on reload)."""
    codes = item.get("previous")
    if codes is None and not previous_items:
        return
    if codes is None:  # not said: the item of the same code, if last year had one
        codes = [item["code"]] if item["code"] in previous_items else []
    row.previous_items.set([previous_items[code] for code in codes])

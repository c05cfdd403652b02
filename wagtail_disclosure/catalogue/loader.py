"""Load a catalogue edition from a YAML file, all or nothing.

The file is validated completely before the database is touched, then written in one transaction:
a malformed file is refused with a message naming the file, the item and the field, and nothing
changes. Reloading updates the edition in place (matched by slug and codes), never duplicates it.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import CatalogueEdition, CatalogueItem, CatalogueSection
from . import DATA_DIR

FORMAT_VERSION = 1
EDITION_KEYS = {
    "slug": str,
    "framework": str,
    "name_th": str,
    "name_en": str,
    "year": (int, type(None)),
    "source": str,
}
EDITION_REQUIRED = {"slug", "framework", "name_th"}
SECTION_KEYS = {"code": (str, int, float), "name_th": str, "name_en": str, "items": list}
SECTION_REQUIRED = {"code", "name_th", "items"}
ITEM_KEYS = {
    "code": (str, int),
    "name_th": str,
    "name_en": str,
    "needs_approval": bool,
    "fiscal_year_bound": bool,
    "default_group": (str, type(None)),
    "family": (str, type(None)),
    "update_months": (int, type(None)),
    "evidence": (str, type(None)),
}
ITEM_REQUIRED = {"code", "name_th", "name_en", "needs_approval", "fiscal_year_bound"}
FAMILIES = set(CatalogueItem.Family.values)


class CatalogueError(ValueError):
    """A catalogue file that cannot be loaded; the message names file, place and field."""


@dataclass
class LoadResult:
    edition: CatalogueEdition
    created: bool
    sections: int
    items: int
    removed: int


def resolve(name_or_path):
    """A shipped edition's slug, or a path to a YAML file, as a ``Path``."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    shipped = DATA_DIR / f"{name_or_path}.yaml"
    if shipped.exists():
        return shipped
    from . import shipped_editions

    raise CatalogueError(
        _("No catalogue named “%(name)s”. Shipped: %(names)s; or give the path to a YAML file.")
        % {"name": name_or_path, "names": ", ".join(shipped_editions())}
    )


def parse(path):
    """Read and validate ``path``; return the cleaned data or raise ``CatalogueError``."""
    path = Path(path)
    where = path.name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogueError(_("%(file)s: file not found") % {"file": path}) from exc
    except UnicodeDecodeError as exc:
        raise CatalogueError(_("%(file)s: not UTF-8 text") % {"file": where}) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark else ""
        raise CatalogueError(
            _("%(file)s%(line)s: not valid YAML: %(error)s")
            % {"file": where, "line": line, "error": getattr(exc, "problem", exc)}
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
    extra = set(raw) - {"format", "edition", "sections"}
    if extra:
        raise CatalogueError(
            _("%(file)s: unknown field “%(field)s”") % {"file": where, "field": sorted(extra)[0]}
        )
    edition = _check_mapping(
        raw.get("edition"), EDITION_KEYS, EDITION_REQUIRED, f"{where}: edition"
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
        s_where = f"{where}: section #{s_index}"
        section = _check_mapping(section, SECTION_KEYS, SECTION_REQUIRED, s_where)
        section["code"] = str(section["code"])
        s_where = f"{where}: section {section['code']}"
        if section["code"] in seen_sections:
            raise CatalogueError(_("%(where)s: field “code” is used twice") % {"where": s_where})
        seen_sections.add(section["code"])
        if not section["items"]:
            raise CatalogueError(_("%(where)s: field “items” is empty") % {"where": s_where})
        clean_items = []
        for i_index, item in enumerate(section["items"], start=1):
            i_where = f"{s_where}, item #{i_index}"
            if isinstance(item, dict) and item.get("code") is not None:
                i_where = f"{s_where}, item {item['code']}"
            item = _check_mapping(item, ITEM_KEYS, ITEM_REQUIRED, i_where)
            item["code"] = str(item["code"])
            if item["code"] in seen_items:
                raise CatalogueError(
                    _("%(where)s: field “code” is used twice in this edition") % {"where": i_where}
                )
            seen_items.add(item["code"])
            family = item.get("family") or CatalogueItem.Family.DOCUMENT
            if family not in FAMILIES:
                raise CatalogueError(
                    _("%(where)s: field “family” must be one of %(choices)s")
                    % {"where": i_where, "choices": ", ".join(sorted(FAMILIES))}
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


def _check_mapping(value, keys, required, where):
    if not isinstance(value, dict):
        raise CatalogueError(_("%(where)s: expected a mapping") % {"where": where})
    for key in value:
        if key not in keys:
            raise CatalogueError(
                _("%(where)s: unknown field “%(field)s”") % {"where": where, "field": key}
            )
    for key in sorted(required):
        if value.get(key) in (None, ""):
            raise CatalogueError(
                _("%(where)s: field “%(field)s” is required") % {"where": where, "field": key}
            )
    for key, kinds in keys.items():
        if (
            key in value
            and not isinstance(value[key], kinds)
            or (key in value and isinstance(value[key], bool) and bool not in _as_tuple(kinds))
        ):
            raise CatalogueError(
                _("%(where)s: field “%(field)s” has the wrong type (%(got)s)")
                % {"where": where, "field": key, "got": type(value[key]).__name__}
            )
    return dict(value)


def _as_tuple(kinds):
    return kinds if isinstance(kinds, tuple) else (kinds,)


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
    return LoadResult(edition, created, len(data["sections"]), order, removed)

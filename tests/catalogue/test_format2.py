"""Catalogue format 2: parts, alternatives, minimum counts, scopes, formats, languages, several
groups, nested sections, the previous edition; refused precisely, all or nothing."""

import copy
import re
from pathlib import Path

import pytest
import yaml
from django.utils import translation

from wagtail_disclosure.catalogue.loader import CatalogueError, load
from wagtail_disclosure.models import CatalogueEdition, CatalogueItem, CatalogueSection

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"


def example_text():
    """The complete example of the README (its ``format: 2`` block)."""
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return next(b for b in blocks if "format: 2" in b)


LAST_YEAR = {
    "format": 2,
    "edition": {"slug": "office-2569", "framework": "office", "name_th": "ปีก่อน", "year": 2569},
    "sections": [
        {
            "code": "1",
            "name_th": "ข้อมูล",
            "items": [
                {"code": code, "name_th": code, "needs_approval": False}
                for code in ("B1", "B3", "P1", "P2")
            ],
        }
    ],
}


@pytest.fixture(autouse=True)
def last_year(tmp_path):
    """The edition the README's example follows (``previous: office-2569``)."""
    return load(str(write(tmp_path, LAST_YEAR, "office-2569.yaml"))).edition


def write(tmp_path, data, name="office-2570.yaml"):
    path = tmp_path / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot():
    return (
        sorted(CatalogueEdition.objects.values_list(), key=repr),
        sorted(CatalogueSection.objects.values_list(), key=repr),
        sorted(CatalogueItem.objects.values_list(), key=repr),
    )


def test_the_documented_example_loads_with_every_construct(tmp_path):
    result = load(str(write(tmp_path, example_text())))
    edition = result.edition
    assert (result.sections, result.items) == (3, 8)  # sections 1, 1.1, 2; 8 items
    assert edition.previous.slug == "office-2569"
    p1_before = sorted(edition.items.get(code="P1").previous_items.values_list("code", flat=True))
    assert p1_before == ["P1", "P2"]  # two of last year's items became one
    assert not edition.items.get(code="B1").previous_items.exists()
    assert list(edition.items.get(code="B1.2").previous_items.values_list("code", flat=True)) == [
        "B3"
    ]
    assert edition.items.get(code="P6").answered_by == "e_services"
    one_one = edition.sections.get(code="1.1")
    assert one_one.parent.code == "1"
    b1 = edition.items.get(code="B1")
    assert [p.code for p in b1.parts.order_by("sort_order")] == ["B1.1", "B1.2"]
    assert b1.parts_rule == "all" and b1.parts.get(code="B1.1").default_group_code == "admin"
    assert edition.items.get(code="B2").min_count == 5
    p1 = edition.items.get(code="P1")
    assert (p1.scope, p1.formats, p1.group_codes, p1.default_group_code) == (
        "monthly",
        ["pdf", "xlsx"],
        ["finance", "admin"],
        "finance",
    )
    assert not p1.fiscal_year_bound
    p4 = edition.items.get(code="P4")
    assert (p4.scope, p4.fiscal_year_bound, p4.languages) == ("current_fy", True, ["th", "en"])
    p5 = edition.items.get(code="P5")
    assert p5.parts_rule == "any" and p5.parts.count() == 2
    assert edition.items.get(code="P5.2").scope == "academic_year"  # inherited
    assert edition.items.get(code="P2").scope == "first_half_fy"
    assert edition.items.get(code="P3").scope == "previous_fy"
    # reload: in place
    before = snapshot()
    load(str(write(tmp_path, example_text())))
    after = snapshot()
    assert [len(rows) for rows in after] == [len(rows) for rows in before]


def test_format_1_files_load_as_before_with_scope_from_fiscal_year_bound():
    load("spn2-2561")
    a1 = CatalogueItem.objects.get(edition__slug="spn2-2561", code="A1")
    assert a1.fiscal_year_bound and a1.scope == "current_fy" and a1.min_count == 1


def _previous_doc(tmp_path):
    load(str(write(tmp_path, example_text())))
    data = yaml.safe_load(example_text())
    data["edition"].update(slug="office-2571", year=2571, previous="office-2570")

    def same_codes(node):  # the year after maps each item to the item of its code
        if isinstance(node, dict):
            if "code" in node:
                node.pop("previous", None)
            for value in node.values():
                same_codes(value)
        elif isinstance(node, list):
            for value in node:
                same_codes(value)

    same_codes(data["sections"])
    items = data["sections"][1]["items"]
    items[0]["previous"] = ["P1", "P2"]  # one new item from two old ones
    items[1]["previous"] = ["P2"]  # ... and an old one split in two
    return data


def test_previous_edition_and_item_mapping(tmp_path):
    data = _previous_doc(tmp_path)
    edition = load(str(write(tmp_path, data, "office-2571.yaml"))).edition
    assert edition.previous.slug == "office-2570"
    p1 = edition.items.get(code="P1")
    assert sorted(i.code for i in p1.previous_items.all()) == ["P1", "P2"]
    old_p2 = CatalogueItem.objects.get(edition__slug="office-2570", code="P2")
    assert sorted(i.code for i in old_p2.next_items.all()) == ["P1", "P2"]


def _item(data, section=1, index=0):
    return data["sections"][section]["items"][index]


MALFORMED = {
    "unknown-scope": (
        lambda d: _item(d).update(scope="calendar_year"),
        ["section 2, item P1", "“scope”", "monthly", "“calendar_year”", "(line "],
    ),
    "bad-format": (
        lambda d: _item(d).update(formats=["pdf", 7]),
        ["item P1", "“formats”", "file extension", "(line "],
    ),
    "format-twice": (lambda d: _item(d).update(formats=["pdf", "pdf"]), ["“formats”", "twice"]),
    "bad-language": (
        lambda d: _item(d, 1, 3).update(languages=["thai language"]),
        ["item P4", "“languages”", "language code"],
    ),
    "min-count-zero": (lambda d: _item(d).update(min_count=0), ["item P1", "“min_count”", "1 to"]),
    "min-count-text": (
        lambda d: _item(d).update(min_count="5"),
        ["item P1", "“min_count”", "whole number"],
    ),
    "groups-and-default": (
        lambda d: _item(d).update(default_group="finance"),
        ["item P1", "“groups”", "“default_group”"],
    ),
    "parts-and-alternatives": (
        lambda d: _item(d, 1, 4).update(parts=[{"code": "P5.9", "name_th": "ก"}]),
        ["item P5", "“parts”", "“alternatives”"],
    ),
    "part-missing-name": (
        lambda d: d["sections"][0]["sections"][0]["items"][0]["parts"][1].pop("name_th"),
        ["section 1: section 1.1, item B1, part B1.2", "“name_th”", "required"],
    ),
    "part-code-twice": (
        lambda d: d["sections"][0]["sections"][0]["items"][0]["parts"][1].update(code="B2"),
        ["section 1.1, item B2", "“code”", "used twice"],
    ),
    "nested-parts": (
        lambda d: d["sections"][0]["sections"][0]["items"][0]["parts"][0].update(
            parts=[{"code": "X", "name_th": "ก"}]
        ),
        ["part B1.1", "cannot have parts"],
    ),
    "fiscal-year-bound-in-format-2": (
        lambda d: _item(d).update(fiscal_year_bound=True),
        ["item P1", "unknown field “fiscal_year_bound”", "scope: current_fy"],
    ),
    "section-without-items": (
        lambda d: d["sections"][0]["sections"][0].update(items=[]),
        ["section 1.1", "“items”", "empty"],
    ),
    "too-deep": (
        lambda d: d["sections"][0]["sections"][0].update(
            sections=[
                {
                    "code": "a",
                    "name_th": "ก",
                    "sections": [
                        {
                            "code": "b",
                            "name_th": "ข",
                            "sections": [
                                {
                                    "code": "c",
                                    "name_th": "ค",
                                    "items": [
                                        {"code": "Z", "name_th": "ก", "needs_approval": True}
                                    ],
                                }
                            ],
                        }
                    ],
                }
            ]
        ),
        ["section c", "at most 4"],
    ),
    "previous-not-loaded": (
        lambda d: d["edition"].update(previous="ita-2499"),
        ["“previous”", "ita-2499", "load it first"],
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_format_2_is_refused_precisely_and_nothing_changes(tmp_path, case):
    good = yaml.safe_load(example_text())
    load(str(write(tmp_path, good)))
    change, fragments = MALFORMED[case]
    bad = copy.deepcopy(good)
    change(bad)
    before = snapshot()
    with translation.override("en"), pytest.raises(CatalogueError) as error:
        load(str(write(tmp_path, bad)))
    message = str(error.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert snapshot() == before


def test_mapping_to_an_unknown_previous_item_is_refused(tmp_path):
    data = _previous_doc(tmp_path)
    _item(data)["previous"] = ["P1", "P99"]
    before = snapshot()
    with translation.override("en"), pytest.raises(CatalogueError) as error:
        load(str(write(tmp_path, data, "office-2571.yaml")))
    assert "item P1" in str(error.value) and "P99" in str(error.value)
    assert "office-2570" in str(error.value)
    assert snapshot() == before


def test_line_numbers_point_at_the_offending_item(tmp_path):
    text = re.sub(r"min_count: 5\b", "min_count: 0", example_text())
    with translation.override("th"), pytest.raises(CatalogueError) as error:
        load(str(write(tmp_path, text)))
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if 'code: "B2"' in row)
    assert f"(บรรทัดที่ {line})" in str(error.value)

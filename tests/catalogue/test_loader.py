"""The catalogue loader: shipped editions, reload, load by path, and all-or-nothing refusal."""

import copy
import io
import re

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.utils import translation

from wagtail_disclosure.catalogue import shipped_editions
from wagtail_disclosure.catalogue.loader import CatalogueError, load
from wagtail_disclosure.models import CatalogueEdition, CatalogueItem, CatalogueSection

pytestmark = pytest.mark.django_db

OFFICE = {
    "format": 1,
    "edition": {
        "slug": "test-office-2567",
        "framework": "office",
        "name_th": "มาตรการเผยแพร่ข้อมูลของสำนักงาน พ.ศ. 2567",
        "name_en": "Office disclosure measures 2567",
        "year": 2567,
        "source": "ประกาศสำนักงาน",
    },
    "sections": [
        {
            "code": "A",
            "name_th": "เรื่องที่ต้องขออนุญาต",
            "name_en": "Needs approval",
            "items": [
                {
                    "code": "A1",
                    "name_th": "แผนปฏิบัติการประจำปี",
                    "name_en": "Annual action plan",
                    "needs_approval": True,
                    "fiscal_year_bound": True,
                    "default_group": "policy",
                    "family": "document",
                    "update_months": 12,
                    "evidence": "แผนของปีงบประมาณปัจจุบัน",
                },
                {
                    "code": "A2",
                    "name_th": "สรุปผลการจัดซื้อจัดจ้าง",
                    "name_en": "Procurement summary",
                    "needs_approval": True,
                    "fiscal_year_bound": True,
                    "default_group": "finance",
                    "family": "procurement",
                    "update_months": 1,
                },
            ],
        },
        {
            "code": "B",
            "name_th": "เผยแพร่ได้ทันที",
            "items": [
                {
                    "code": "B1",
                    "name_th": "ข่าวประชาสัมพันธ์",
                    "name_en": "News",
                    "needs_approval": False,
                    "fiscal_year_bound": False,
                    "family": "news",
                },
            ],
        },
    ],
}


def write(tmp_path, data, name="office.yaml"):
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def snapshot():
    """Every catalogue row, every column: what 'the database is unchanged' means here."""
    return (
        sorted(CatalogueEdition.objects.values_list(), key=repr),
        sorted(CatalogueSection.objects.values_list(), key=repr),
        sorted(CatalogueItem.objects.values_list(), key=repr),
    )


def test_every_shipped_edition_loads_and_reload_is_idempotent():
    assert shipped_editions() == [
        "ita-2566",
        "ita-2568",
        "obec-measures-18",
        "ptn1-2565",
        "spn2-2561",
    ]
    counts = {}
    for slug in shipped_editions():
        result = load(slug)
        edition = CatalogueEdition.objects.get(slug=slug)
        counts[slug] = edition.items.filter(parent__isnull=True).count()  # parts aside
        assert result.items == counts[slug]
    assert counts == {
        "ita-2566": 43,
        "ita-2568": 26,
        "obec-measures-18": 18,
        "ptn1-2565": 14,
        "spn2-2561": 14,
    }
    ita = CatalogueEdition.objects.get(slug="ita-2566")
    assert list(ita.items.values_list("code", flat=True)) == [f"O{n}" for n in range(1, 44)]
    # the สพม.พะเยา and สพป.ชุมพร เขต 1 announcements send every category to the superior; the
    # สพป.ปทุมธานี เขต 1 announcement of 5 ก.ค. 2565 needs the director's approval for everything
    for slug in ("obec-measures-18", "ptn1-2565"):
        assert not CatalogueEdition.objects.get(slug=slug).items.filter(needs_approval=False)
    spn = CatalogueEdition.objects.get(slug="spn2-2561")
    assert spn.items.filter(needs_approval=True).count() == 6
    assert spn.items.filter(needs_approval=False).count() == 8

    before = (
        CatalogueEdition.objects.count(),
        CatalogueSection.objects.count(),
        CatalogueItem.objects.count(),
    )
    again = load("ita-2566")
    assert not again.created
    after = (
        CatalogueEdition.objects.count(),
        CatalogueSection.objects.count(),
        CatalogueItem.objects.count(),
    )
    assert after == before


def test_reload_by_path_updates_values_in_place(tmp_path):
    first = load(str(write(tmp_path, OFFICE)))
    assert first.created and first.sections == 2 and first.items == 3
    a2 = CatalogueItem.objects.get(edition__slug="test-office-2567", code="A2")

    changed = copy.deepcopy(OFFICE)
    changed["edition"]["name_en"] = "Office disclosure measures 2567 (revised)"
    item = changed["sections"][0]["items"][1]
    item.update(name_th="สรุปผลการจัดซื้อจัดจ้างรายเดือน", needs_approval=False, update_months=3)
    # B1 moves to section A: same row, new section.
    changed["sections"][0]["items"].append(changed["sections"][1]["items"].pop())
    changed["sections"][1]["items"] = [
        {"code": "B2", "name_th": "คู่มือ", "name_en": "Manual", "needs_approval": False,
         "fiscal_year_bound": False}
    ]  # fmt: skip
    second = load(str(write(tmp_path, changed)))
    assert not second.created
    assert CatalogueEdition.objects.filter(slug="test-office-2567").count() == 1
    edition = second.edition
    assert edition.name_en.endswith("(revised)")
    assert edition.items.count() == 4
    a2.refresh_from_db()
    assert (a2.name_th, a2.needs_approval, a2.update_months) == (
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
        False,
        3,
    )
    b1 = edition.items.get(code="B1")
    assert b1.section.code == "A"
    assert [i.code for i in edition.items.order_by("sort_order")] == ["A1", "A2", "B1", "B2"]
    assert second.stale == []


def test_items_dropped_from_the_file_are_reported_and_pruned_only_when_unused(tmp_path):
    load(str(write(tmp_path, OFFICE)))
    smaller = copy.deepcopy(OFFICE)
    smaller["sections"][0]["items"].pop()  # A2
    result = load(str(write(tmp_path, smaller)))
    assert result.stale == ["A2"]
    assert CatalogueItem.objects.filter(edition__slug="test-office-2567", code="A2").exists()
    pruned = load(str(write(tmp_path, smaller)), prune=True)
    assert pruned.removed == 1 and pruned.stale == []
    assert not CatalogueItem.objects.filter(edition__slug="test-office-2567", code="A2").exists()


def _without(data, *path):
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


def _with(data, path, value):
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


ITEM_A2 = ("sections", 0, "items", 1)
VALID_TEXT = yaml.safe_dump(OFFICE, allow_unicode=True, sort_keys=False)

MALFORMED = {
    "bad-yaml": (
        "format: 1\nedition:\n  slug: 'test-office-2567\nsections: []\n",
        ["office.yaml", "not valid YAML"],
    ),
    "bad-indent": (
        VALID_TEXT.replace("  framework: office", "   framework: office"),
        ["office.yaml (line 4): not valid YAML"],
    ),
    "empty-file": ("", ["office.yaml", "expected a mapping"]),
    "a-list": ("- 1\n- 2\n", ["office.yaml", "expected a mapping"]),
    "not-utf8": ("format: 1\nname_th: กลุ่ม\n".encode("cp874"), ["office.yaml", "UTF-8"]),
    "wrong-format": (_with(OFFICE, ("format",), 3), ["office.yaml", "“format”", "1 or 2"]),
    "top-level-unknown": (_with(OFFICE, ("editions",), {}), ["unknown field “editions”"]),
    "edition-missing": (
        _without(OFFICE, "edition"),
        ["office.yaml: edition", "expected a mapping"],
    ),
    "edition-slug-missing": (
        _without(OFFICE, "edition", "slug"),
        ["office.yaml: edition", "“slug”", "required"],
    ),
    "edition-slug-spaces": (
        _with(OFFICE, ("edition", "slug"), "test office"),
        ["edition", "“slug”", "letters, digits"],
    ),
    "edition-year-ce": (
        _with(OFFICE, ("edition", "year"), 2024),
        ["edition", "“year”", "Buddhist-Era", "2024"],
    ),
    "edition-year-text": (
        _with(OFFICE, ("edition", "year"), "2567"),
        ["edition", "“year”", "a whole number", "“2567”"],
    ),
    "sections-empty": (_with(OFFICE, ("sections",), []), ["“sections”", "non-empty list"]),
    "section-items-empty": (
        _with(OFFICE, ("sections", 1, "items"), []),
        ["section B", "“items”", "empty"],
    ),
    "section-code-float": (
        _with(OFFICE, ("sections", 1, "code"), 9.1),
        ["section #2", "“code”", "quotes"],
    ),
    "duplicate-section": (
        _with(OFFICE, ("sections", 1, "code"), "A"),
        ["section A", "“code”", "used twice"],
    ),
    "item-missing-field": (
        _without(OFFICE, *ITEM_A2, "needs_approval"),
        ["office.yaml: section A, item A2", "“needs_approval”", "required"],
    ),
    "item-wrong-type": (
        _with(OFFICE, (*ITEM_A2, "needs_approval"), "yes"),
        ["section A, item A2", "“needs_approval”", "true or false", "“yes”"],
    ),
    "item-bool-as-number": (
        _with(OFFICE, (*ITEM_A2, "update_months"), True),
        ["item A2", "“update_months”", "a whole number"],
    ),
    "item-code-bool": (
        _with(OFFICE, (*ITEM_A2, "code"), True),
        ["item #2", "“code”", "text or a whole number"],
    ),
    "duplicate-item-code": (
        _with(OFFICE, ("sections", 1, "items", 0, "code"), "A1"),
        ["section B, item A1", "“code”", "used twice"],
    ),
    "unknown-key": (
        _with(_without(OFFICE, *ITEM_A2, "needs_approval"), (*ITEM_A2, "needs_aproval"), True),
        ["item A2", "unknown field “needs_aproval”", "did you mean “needs_approval”"],
    ),
    "bad-family": (
        _with(OFFICE, (*ITEM_A2, "family"), "video"),
        ["item A2", "“family”", "procurement", "“video”"],
    ),
    "update-months-zero": (
        _with(OFFICE, (*ITEM_A2, "update_months"), 0),
        ["item A2", "“update_months”", "1 to 120"],
    ),
    "default-group-not-slug": (
        _with(OFFICE, (*ITEM_A2, "default_group"), "กลุ่มการเงิน"),
        ["item A2", "“default_group”", "letters, digits"],
    ),
    "name-too-long": (
        _with(OFFICE, (*ITEM_A2, "name_th"), "ก" * 501),
        ["item A2", "“name_th”", "500 characters"],
    ),
    "item-not-mapping": (
        _with(OFFICE, ITEM_A2, "A2 สรุปผลการจัดซื้อจัดจ้าง"),
        ["section A, item #2", "expected a mapping"],
    ),
    "duplicate-key": (
        VALID_TEXT.replace(
            "    needs_approval: false\n",
            "    needs_approval: false\n    needs_approval: true\n",
            1,
        ),
        ["office.yaml", "line", "“needs_approval” given twice"],
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_file_is_refused_with_a_precise_message_and_nothing_changes(tmp_path, case):
    load(str(write(tmp_path, OFFICE)))  # an earlier good load the bad one would overwrite
    data, fragments = MALFORMED[case]
    before = snapshot()
    with translation.override("en"), pytest.raises(CatalogueError) as error:
        load(str(write(tmp_path, data)))
    message = str(error.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert snapshot() == before


def test_a_failure_while_writing_rolls_everything_back(tmp_path, monkeypatch):
    """Validation catches bad files first; a database error half-way must still leave no trace."""
    load(str(write(tmp_path, OFFICE)))
    changed = _with(OFFICE, ("edition", "name_en"), "renamed")
    changed = _with(changed, (*ITEM_A2, "name_th"), "เปลี่ยนชื่อ")
    before = snapshot()
    real = CatalogueItem.objects.update_or_create
    calls = []

    def failing(*args, **kwargs):
        calls.append(kwargs.get("code"))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(CatalogueItem.objects, "update_or_create", failing)
    with pytest.raises(RuntimeError):
        load(str(write(tmp_path, changed)))
    assert calls == ["A1", "A2", "B1"]
    assert snapshot() == before


def test_unknown_name_lists_the_shipped_editions():
    with translation.override("en"), pytest.raises(CatalogueError) as error:
        load("ita-2599")
    assert "ita-2599" in str(error.value)
    assert "ita-2566, ita-2568, obec-measures-18, ptn1-2565, spn2-2561" in str(error.value)


def test_missing_path_is_named(tmp_path):
    with translation.override("en"), pytest.raises(CatalogueError) as error:
        load(str(tmp_path / "nowhere.yaml"))
    assert "nowhere.yaml" in str(error.value) and "not found" in str(error.value)


def test_messages_follow_the_language(tmp_path):
    path = write(tmp_path, _without(OFFICE, *ITEM_A2, "needs_approval"))
    with translation.override("th"), pytest.raises(CatalogueError) as thai:
        load(str(path))
    with translation.override("en"), pytest.raises(CatalogueError) as english:
        load(str(path))
    assert "is required" in str(english.value)
    assert "is required" not in str(thai.value)
    assert re.search("[\u0e00-\u0e7f]", str(thai.value))  # the Thai catalogue's wording
    assert "needs_approval" in str(thai.value) and "A2" in str(thai.value)
    assert "“needs_approval”" in str(thai.value) and "รายการ A2" in str(thai.value)


def test_command_loads_by_name_and_path_and_reports(tmp_path):
    out = io.StringIO()
    with translation.override("en"):
        call_command("load_disclosure_catalogue", "obec-measures-18", stdout=out)
        call_command("load_disclosure_catalogue", str(write(tmp_path, OFFICE)), stdout=out)
        call_command("load_disclosure_catalogue", "--list", stdout=out)
    text = out.getvalue()
    assert "Created obec-measures-18: 1 sections, 18 items" in text
    assert "Created test-office-2567: 2 sections, 3 items" in text
    assert "spn2-2561" in text


def test_command_error_names_file_item_and_field_and_says_nothing_changed(tmp_path):
    path = write(tmp_path, _with(OFFICE, (*ITEM_A2, "family"), "video"), name="next-year.yaml")
    before = snapshot()
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("load_disclosure_catalogue", str(path))
    message = str(error.value)
    assert message.startswith("next-year.yaml: section A, item A2: field “family”")
    assert "Nothing was loaded: the database is unchanged." in message
    assert snapshot() == before


def test_command_error_output_through_the_real_command_line(tmp_path):
    """What an office's web team sees in the terminal: the message on stderr, exit status 1."""
    import subprocess
    import sys
    from pathlib import Path

    path = write(tmp_path, "format: 1\nedition: [\n", name="broken.yaml")
    repo = Path(__file__).resolve().parents[2]
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    proc = subprocess.run(
        [sys.executable, str(repo / "example_site/manage.py"), "load_disclosure_catalogue", str(path)],
        capture_output=True, text=True, env=env, cwd=repo, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1
    # commands speak the site's language (Thai): "broken.yaml (บรรทัดที่ 3): ไม่ใช่ YAML ที่ถูกต้อง"
    assert proc.stderr.startswith("CommandError: broken.yaml (บรรทัดที่ 3): ")
    assert "Traceback" not in proc.stderr


def test_the_readme_example_loads(tmp_path):
    """The complete example in the README is a file an office can copy: it must load."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    # The example follows last year's list, which the office loaded a year ago.
    last_year = (
        'format: 2\nedition: {slug: "office-2569", framework: "office", name_th: "ปีก่อน"}\n'
        'sections:\n  - code: "1"\n    name_th: "ข้อมูล"\n    items:\n'
        + "".join(
            f'      - {{code: "{code}", name_th: "{code}", needs_approval: false}}\n'
            for code in ("B1", "B3", "P1", "P2")
        )
    )
    load(str(write(tmp_path, last_year, name="office-2569.yaml")))
    result = load(str(write(tmp_path, example, name="office-2570.yaml")))
    assert (result.edition.slug, result.sections, result.items) == ("office-2570", 3, 8)
    assert result.edition.items.get(code="P1").family == "procurement"

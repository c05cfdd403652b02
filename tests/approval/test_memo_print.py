"""The request memo prints as an official บันทึกข้อความ: the project's own Thai font at the official
sizes, literally 29 / 20 / 16 pt, with letters as large as TH Sarabun New's at those sizes (no
fontconfig stand-in, no scaling), punctuation and the web address intact in the PDF's text, and a
first page that looks like the reference image kept in ``tests/approval/reference/``.

Regenerate the reference after a deliberate change of the layout with
``UPDATE_REFERENCE=1 pytest tests/approval/test_memo_print.py`` and look at the PNG before committing.
"""

import datetime
import math
import os
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from tests.utils.approval import MEMO, act, make_draft
from tests.utils.pdf_pages import differing_share, first_page_png, pdf_fonts, pdf_text
from wagtail_disclosure.approval import memo as memo_module
from wagtail_disclosure.approval.memo import memo_for, render_memo_pdf
from wagtail_disclosure.links import page_url

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "request-memo-page1.png"
FONTS = Path(__file__).resolve().parents[2] / "wagtail_disclosure/static/wagtail_disclosure/fonts"
LAKSAMAN = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
THAI_LETTERS = "กขคงจฉชซญดตถทธนบปพฟภมยรลวสหอฮ"
THAI_SLUG = "แผนดำเนนงานและการใชงบประมาณ-ประจำปงบประมาณ-2567"  # as Wagtail slugifies the title
FIXED_NOW = datetime.datetime(2026, 11, 15, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def memo(indicator, users, workflow, monkeypatch):
    """The memo of a draft whose address is a Thai slug, filed on 15 November 2569."""
    monkeypatch.setattr(memo_module.timezone, "now", lambda: FIXED_NOW)
    page = make_draft(indicator, users["author"], slug=THAI_SLUG)
    workflow.start(page, users["author"])
    act(page, users["author"], **MEMO)
    page = page.specific_class.objects.get(pk=page.pk)
    memo = memo_for(page.latest_revision)
    memo.date = datetime.date(2026, 11, 15)
    memo.save()
    return memo


@pytest.fixture
def memo_pdf(memo, artifacts):
    path = artifacts / "request-memo.pdf"
    path.write_bytes(render_memo_pdf(memo))
    return path


def test_memo_uses_the_shipped_sarabun_not_a_scaled_stand_in(memo_pdf):
    fonts = pdf_fonts(memo_pdf)
    assert "Sarabun" in fonts
    assert "Laksaman" not in fonts, "fontconfig's synthetic TH Sarabun (Laksaman × 0.66) is back"


def test_memo_text_keeps_punctuation_and_a_short_web_address(memo, memo_pdf):
    text = pdf_text(memo_pdf)
    assert "พ.ศ. ๒๕๔๐" in text  # the Official Information Act, B.E. 2540
    assert "๑๕ พฤศจิกายน ๒๕๖๙" in text
    assert "ศธ ๐๔๐๐๑/๑๒๓" in text
    indicator_url = page_url(memo.page.get_parent())  # on the configured base URL
    assert indicator_url.startswith("http://")
    assert indicator_url in text, "the memo names the indicator's address, short and whole"
    assert "%E0" not in text.upper(), "no percent-encoded Thai slug"
    assert "สพป.ตัวอย" in text


def test_memo_first_page_looks_like_the_reference(memo_pdf, artifacts):
    image = first_page_png(memo_pdf, artifacts / "request-memo-page1")
    if os.environ.get("UPDATE_REFERENCE"):
        REFERENCE.parent.mkdir(exist_ok=True)
        image.save(REFERENCE, optimize=True)
    reference = Image.open(REFERENCE).convert("L")
    share = differing_share(image, reference)
    # Page and revision numbers differ from run to run: a few digits, well under a tenth of the ink.
    assert share < 0.1, f"{share:.1%} of the ink differs from {REFERENCE.name}"


def printed_sizes(path):
    """``{text run: size in pt}`` of the PDF's first page, as drawn (font size × text matrices)."""
    sizes = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            sizes.setdefault(text.strip(), round(font_size * scale, 1))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return sizes


def test_memo_is_set_at_the_rules_sizes_literally(memo_pdf):
    sizes = printed_sizes(memo_pdf)
    assert sizes["บันทึกข้อความ"] == 29.0
    for label in ("ส่วนราชการ", "ที่", "วันที่", "เรื่อง", "เรียน"):
        assert sizes[label] == 20.0, (label, sizes.get(label))
    body = [size for text, size in sizes.items() if text.startswith("ด้วย")]
    assert body == [16.0]


def letter_height(font, letters=THAI_LETTERS):
    """The mean height of ``letters`` as a share of the font's em square."""
    cmap, glyf = font.getBestCmap(), font["glyf"]
    heights = []
    for letter in letters:
        glyph = glyf[cmap[ord(letter)]]
        heights.append(glyph.yMax - glyph.yMin)
    return sum(heights) / len(heights) / font["head"].unitsPerEm


def test_print_font_draws_thai_as_large_as_th_sarabun_new():
    """ "Sarabun Print" at 16 pt has the letters of TH Sarabun New at 16 pt (Debian's Laksaman is
    TH Sarabun New enlarged by 1/0.66), where Sarabun itself has them 1.47 times larger."""
    printed = letter_height(TTFont(FONTS / "SarabunPrint-Regular.ttf"))
    sarabun = letter_height(TTFont(FONTS / "Sarabun-Regular.ttf"))
    assert sarabun / printed == pytest.approx(1.47, abs=0.01)
    if LAKSAMAN.exists():
        th_sarabun_new = letter_height(TTFont(LAKSAMAN)) * 0.66
        assert printed == pytest.approx(th_sarabun_new, rel=0.02)

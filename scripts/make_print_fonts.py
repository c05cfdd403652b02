"""Make the official documents' font: Sarabun at TH Sarabun New's size, so that 16 pt is 16 pt.

Offices set a บันทึกข้อความ under the government's correspondence rules (ระเบียบสำนักนายกรัฐมนตรีว่าด้วย
งานสารบรรณ) in TH Sarabun New (TH SarabunPSK): text at 16 pt, labels at 20 pt, the heading at 29 pt. TH Sarabun New draws its glyphs small in their em
square; Sarabun (Cadson Demak, SIL OFL 1.1, no reserved font name), its open redesign, draws them
1.47 times larger. Set at "16pt", Sarabun prints like TH Sarabun New at 23.5 pt.

This script writes ``SarabunPrint-*.ttf`` next to the Sarabun files: the same outlines, kerning and
Thai mark positioning, with a larger em square (``unitsPerEm``), so the glyphs are as large at
16 pt as TH Sarabun New's, and the templates say the rules' sizes literally. Nothing is scaled when
the PDF is drawn (a scaling matrix is what lost "พ.ศ."'s dots when fontconfig stood Laksaman × 0.66
in for TH Sarabun New). The TrueType hinting, written for a 1000-unit em, is left out: print does
not use it. The family is renamed "Sarabun Print" so that it is never taken for Sarabun itself.

The factor: the mean height of 33 Thai consonants and Latin letters in Sarabun, divided by the same
in TH Sarabun New (Debian's Laksaman is TH Sarabun New enlarged by 1/0.66; its fontconfig file
89-tlwg-laksaman-synthetic.conf scales it back by 0.66): 1.4715 (1.458–1.492). Run it again only if
the Sarabun files change:

    .venv/bin/python scripts/make_print_fonts.py
"""

from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

FONTS = (
    Path(__file__).resolve().parent.parent / "wagtail_disclosure/static/wagtail_disclosure/fonts"
)
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
# Glyph height of Sarabun over TH Sarabun New's, measured as the module docstring says.
SCALE = 1.4715
FAMILY = "Sarabun Print"
# Tables that hold pixel-size data computed for the old em square.
DEVICE_TABLES = ("hdmx", "LTSH", "VDMX", "fpgm", "prep", "cvt ", "gasp")


def derive(style):
    font = TTFont(FONTS / f"Sarabun-{style}.ttf")
    font["head"].unitsPerEm = round(font["head"].unitsPerEm * SCALE)
    for tag in DEVICE_TABLES:
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if hasattr(glyph, "program"):
            glyph.program = ttProgram.Program()
            glyph.program.fromBytecode(b"")
    if "maxp" in font:
        maxp = font["maxp"]
        for field in ("maxFunctionDefs", "maxInstructionDefs", "maxStackElements"):
            if hasattr(maxp, field):
                setattr(maxp, field, 0)
        if hasattr(maxp, "maxSizeOfInstructions"):
            maxp.maxSizeOfInstructions = 0
    subfamily = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic"}.get(style, "Bold Italic")
    names = {
        1: FAMILY,
        3: f"{FAMILY} {subfamily}; derived from Sarabun 1.000 (unitsPerEm x {SCALE})",
        4: f"{FAMILY} {subfamily}",
        6: f"SarabunPrint-{style}",
        16: FAMILY,
    }
    name_table = font["name"]
    for record in list(name_table.names):
        if record.nameID in names:
            record.string = names[record.nameID]
    font.save(FONTS / f"SarabunPrint-{style}.ttf")


if __name__ == "__main__":
    for style in STYLES:
        derive(style)
        print(f"SarabunPrint-{style}.ttf")

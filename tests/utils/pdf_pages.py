"""Reading a printed document back: its fonts and text (poppler's ``pdffonts``, ``pdftotext``) and
its first page as a small grey PNG to compare with a reference image kept beside the test."""

import subprocess

from PIL import Image, ImageChops


def pdf_fonts(path):
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def pdf_text(path):
    """The PDF's text with runs of white space as one space (justified Thai lines stretch spaces)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def first_page_png(path, out_prefix, dpi=50):
    """The first page in grey: small enough to keep, detailed enough to compare."""
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", "1", "-l", "1"]
        + [str(path), str(out_prefix)],
        check=True,
    )
    return Image.open(f"{out_prefix}.png").convert("L")


def differing_share(image, reference, threshold=96):
    """Pixels whose grey differs by more than ``threshold`` (0–255), as a share of the reference's
    ink (its pixels darker than 160)."""
    if image.size != reference.size:
        return 1.0
    diff = ImageChops.difference(image, reference).point(lambda v: 255 if v > threshold else 0)
    ink = reference.point(lambda v: 255 if v < 160 else 0).histogram()[255]
    return diff.histogram()[255] / ink

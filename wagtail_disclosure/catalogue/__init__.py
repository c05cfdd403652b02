"""The disclosure catalogue as data: the shipped editions in ``data/`` and their loader."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def shipped_editions():
    """Slugs of the editions that ship with the package."""
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml"))

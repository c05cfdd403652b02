"""The README's install section, read from README.md: what an office pastes, as the tests apply it.

Each block follows an HTML comment ``<!-- install:NAME -->`` (invisible on GitHub and PyPI).
"""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
CATCH_ALL = "urlpatterns = urlpatterns + ["


def blocks():
    """``{name: code}`` of the install section's marked blocks."""
    text = README.read_text(encoding="utf-8")
    return dict(re.findall(r"<!-- install:(\w+) -->\s*```\w*\n(.*?)```", text, flags=re.DOTALL))


def apply_settings(settings_path):
    """Append the settings block to the end of a settings module, as the README says."""
    path = Path(settings_path)
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + blocks()["settings"], "utf-8")


def apply_urls(urls_path):
    """Paste the URL block above the line that adds Wagtail's catch-all."""
    path = Path(urls_path)
    text = path.read_text(encoding="utf-8")
    assert text.count(CATCH_ALL) == 1, "not a wagtail start urls.py"
    path.write_text(text.replace(CATCH_ALL, blocks()["urls"] + "\n" + CATCH_ALL), "utf-8")


def commands():
    """The shell commands of step 4, each as a list of ``manage.py`` arguments."""
    found = []
    for line in blocks()["commands"].splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("python manage.py "):
            found.append(line.removeprefix("python manage.py ").split())
    return found

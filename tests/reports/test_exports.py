"""Downloads open with Thai intact: CSV is UTF-8 with a BOM, XLSX cells hold Thai text."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from wagtail_disclosure.exports import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervisor(client):
    client.force_login(get_user_model().objects.get(username="supervisor"))
    return client


def test_readiness_csv_has_bom_and_thai(demo, supervisor):
    response = supervisor.get("/admin/disclosure/reports/oit-readiness/?export=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = response.content
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + 43
    o1 = next(r for r in rows if r[0] == "O1")
    assert o1[1] == "โครงสร้างหน่วยงาน"
    assert o1[7].endswith("/oit/o1/structure/")


def test_readiness_xlsx_cells_hold_thai(demo, supervisor):
    response = supervisor.get("/admin/disclosure/reports/oit-readiness/?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["O1"][1] == "โครงสร้างหน่วยงาน"
    assert values["O43"][1] and any("\u0e00" <= ch <= "\u0e7f" for ch in values["O43"][1])


def test_itas_export_one_row_per_indicator(demo, supervisor):
    response = supervisor.get("/admin/disclosure/reports/itas/?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == [f"O{n}" for n in range(1, 44)]
    o5 = rows[5]
    assert o5[2] == "Yes" or o5[2] != rows[43][2]  # O5 has content, O43 has none
    assert "ข้อมูลการติดต่อ" in o5[4]


def test_follow_up_xlsx_counts_are_numbers(demo, supervisor):
    response = supervisor.get("/admin/disclosure/reports/follow-up/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert all(isinstance(v, int) for row in rows[1:] for v in row[1:])
    assert any(row[0] == "กลุ่มอำนวยการ" and row[-1] > 0 for row in rows[1:])


def test_csv_neutralises_formulas():
    text = csv_bytes(["a"], [['=HYPERLINK("x")'], [5]]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ['\'=HYPERLINK("x")'] and rows[2] == ["5"]

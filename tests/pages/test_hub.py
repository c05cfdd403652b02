import re

import pytest

pytestmark = pytest.mark.django_db


def test_demo_hub_lists_all_43_indicators_in_thai(demo, client):
    response = client.get("/oit/")
    assert response.status_code == 200
    html = response.content.decode()
    codes = re.findall(r'id="item-(O\d+)"', html)
    assert codes == [f"O{n}" for n in range(1, 44)]
    assert "โครงสร้างหน่วยงาน" in html
    assert 'lang="th"' in html


def test_hub_marks_items_without_content(demo, client):
    html = client.get("/oit/").content.decode()
    row = re.search(r'<tr class="wd-(\w+)" id="item-O43">', html)
    assert row.group(1) == "missing"
    assert re.search(r'<tr class="wd-current" id="item-O5">', html)

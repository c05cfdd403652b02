"""The Wagtail admin's page search (autocomplete) finds Thai words."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_page_search_finds_thai_words_inside_titles(demo, client):
    client.login(username="admin", password=demo["password"])
    response = client.get("/admin/pages/search/", {"q": "งบประมาณ"})
    assert response.status_code == 200
    assert "แผนปฏิบัติราชการประจำปีงบประมาณ" in response.content.decode()


def test_admin_page_search_finds_indicator_codes(demo, client):
    client.login(username="admin", password=demo["password"])
    html = client.get("/admin/pages/search/", {"q": "O21"}).content.decode()
    assert "สรุปผลการจัดซื้อจัดจ้างประจำเดือน" in html

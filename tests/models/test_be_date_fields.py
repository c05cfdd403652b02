"""The page editor's date field takes Buddhist-Era years: "2569-11-15" is 15 November 2026 and
fiscal year 2570, never year 2569 C.E.; an implausible year is refused in Thai and nothing is saved."""

import datetime

import pytest
from django.urls import reverse

from tests.utils.approval import edit_data, make_draft
from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(demo, admin_client):
    author = DocumentPage.objects.first().owner
    return make_draft(IndicatorPage.objects.get(item__code="O11"), author)


def save_draft(client, page, **fields):
    data = edit_data(page, action="unused", **fields)
    data.pop("unused")
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_be_year_typed_in_the_page_date_is_understood(admin_client, draft):
    response = save_draft(admin_client, draft, date="2569-11-15", fiscal_year="")
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = DocumentPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert saved.date == datetime.date(2026, 11, 15)
    assert saved.fiscal_year == 2570


def test_the_edit_form_shows_the_date_in_be(admin_client, draft):
    draft.date = datetime.date(2026, 11, 15)
    draft.save_revision()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert 'value="15/11/2569"' in html


def test_implausible_year_is_refused_and_nothing_saved(admin_client, draft):
    before = draft.latest_revision_id
    response = save_draft(admin_client, draft, date="15/11/3112", fiscal_year="")
    assert response.status_code == 200
    assert "พ.ศ." in response.content.decode()
    assert DocumentPage.objects.get(pk=draft.pk).latest_revision_id == before


def test_a_year_2569_ce_date_cannot_be_stored(draft):
    draft.date = datetime.date(2569, 11, 15)
    with pytest.raises(Exception) as error:
        draft.save()
    assert "date" in str(error.value)

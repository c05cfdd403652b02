"""Under an indicator, only the page types that answer its catalogue item.

Every indicator offered all ten content page types, so a news item could be filed under O12 (the
six-month report) or a complaint form under O1. The catalogue says which kinds of content answer an
item (``pages:`` in the file, else its ``family``'s kinds); the "add child page" choices, the move
chooser and every create or move path follow it, with a Thai message where one is refused.
"""

import copy

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from wagtail_disclosure.catalogue.loader import CatalogueError, load
from wagtail_disclosure.models import (
    CatalogueItem,
    ContactPage,
    DocumentPage,
    IndicatorPage,
    NewsPage,
    ProcurementSummaryPage,
    QuestionBoardPage,
    SubmissionStatisticsPage,
)

pytestmark = pytest.mark.django_db


def indicator(code):
    return IndicatorPage.objects.get(item__code=code, item__edition__slug="ita-2566")


@pytest.fixture
def author_client(client, demo):
    client.force_login(get_user_model().objects.get(username="author"))
    return client


@pytest.fixture
def admin_client(client, demo):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def offered(client, parent):
    """The page types the "add child page" screen offers under ``parent`` (model names)."""
    response = client.get(f"/admin/pages/{parent.pk}/add_subpage/")
    if response.status_code == 302:  # one type only: Wagtail goes straight to its form
        return {response["Location"].rstrip("/").split("/")[-2]}
    assert response.status_code == 200
    html = response.content.decode()
    return {
        model._meta.model_name
        for model in IndicatorPage.allowed_subpage_models()
        if f"/wagtail_disclosure/{model._meta.model_name}/{parent.pk}/" in html
    }


def test_a_document_item_offers_documents_only(author_client):
    assert offered(author_client, indicator("O12")) == {"documentpage"}


def test_a_procurement_item_offers_its_kinds(author_client):
    assert offered(author_client, indicator("O21")) == {"documentpage", "procurementsummarypage"}


def test_the_catalogue_file_names_an_items_kinds(author_client):
    # O16 (service statistics) is of the document family; the file adds the statistics page.
    assert offered(author_client, indicator("O16")) == {"documentpage", "submissionstatisticspage"}
    assert offered(author_client, indicator("O8")) == {"documentpage", "questionboardpage"}


def test_a_type_the_item_does_not_take_cannot_be_created_by_url(author_client):
    o12 = indicator("O12")
    before = Page.objects.count()
    for method in (author_client.get, author_client.post):
        response = method(f"/admin/pages/add/wagtail_disclosure/newspage/{o12.pk}/")
        # Wagtail refuses a type the parent does not take: back to the dashboard, with its message.
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Page.objects.count() == before


def test_a_type_the_item_does_not_take_is_refused_in_code_with_a_thai_message():
    o12 = indicator("O12")
    before = Page.objects.count()
    news = NewsPage(title="ข่าวกิจกรรม", slug="news-under-o12", body="<p>ข่าว</p>")
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        o12.add_child(instance=news)
    message = " ".join(refused.value.messages)
    assert "O12" in message and "ข่าว" in message and "เอกสาร" in message
    assert Page.objects.count() == before
    # The model says it too, for the move chooser and the copy screen.
    assert not NewsPage.can_create_at(o12)
    assert ProcurementSummaryPage.can_create_at(indicator("O21"))


def test_moving_a_page_under_an_indicator_that_does_not_take_it_is_refused(admin_client):
    # O7 and O6 both publish at once: only the page kinds stand in the way.
    o7, o6 = indicator("O7"), indicator("O6")
    news = NewsPage.objects.child_of(o7).first()
    assert not news.can_move_to(o6)
    admin = get_user_model().objects.get(username="admin")
    assert not news.permissions_for_user(admin).can_move_to(o6)  # the move chooser greys it out

    for method in (admin_client.get, admin_client.post):
        response = method(f"/admin/pages/{news.pk}/move/{o6.pk}/confirm/", follow=True)
        html = response.content.decode()
        assert NewsPage.objects.get(pk=news.pk).get_parent().pk == o7.pk
        assert "O6" in html and "ข่าวหรือกิจกรรม" in html and "ไม่สามารถ" in html

    with translation.override("th"), pytest.raises(ValidationError) as refused:
        news.move(o6, pos="last-child")
    assert "O6" in " ".join(refused.value.messages)
    assert NewsPage.objects.get(pk=news.pk).get_parent().pk == o7.pk


def test_a_page_may_move_between_indicators_that_take_it(admin_client):
    o10, o14 = indicator("O10"), indicator("O14")
    page = DocumentPage.objects.child_of(o10).first()
    assert page.can_move_to(o14)
    response = admin_client.post(f"/admin/pages/{page.pk}/move/{o14.pk}/confirm/")
    assert response.status_code == 302
    assert DocumentPage.objects.get(pk=page.pk).get_parent().pk == o14.pk


def test_pages_filed_before_the_rule_still_save(demo):
    """A page already under an indicator whose kinds changed is kept and can be edited."""
    o5 = indicator("O5")
    contact = ContactPage.objects.child_of(o5).first()
    CatalogueItem.objects.filter(pk=o5.item_id).update(page_kinds=["document"])
    contact = ContactPage.objects.get(pk=contact.pk)
    contact.phone = "0 2123 4567"
    contact.save_revision()
    contact.save()
    assert ContactPage.objects.get(pk=contact.pk).phone == "0 2123 4567"
    assert not ContactPage.can_create_at(IndicatorPage.objects.get(pk=o5.pk))


def test_submission_pages_follow_the_rule_too():
    assert QuestionBoardPage.can_create_at(indicator("O8"))
    assert not QuestionBoardPage.can_create_at(indicator("O12"))
    assert SubmissionStatisticsPage.can_create_at(indicator("O29"))


# --- the catalogue file ------------------------------------------------------------------------

OFFICE = {
    "format": 2,
    "edition": {"slug": "kinds-2568", "framework": "office", "name_th": "รายการของสำนักงาน"},
    "sections": [
        {
            "code": "1",
            "name_th": "หมวด ๑",
            "items": [
                {"code": "K1", "name_th": "ข่าว", "needs_approval": False, "family": "news"},
                {
                    "code": "K2",
                    "name_th": "ข้อมูลพื้นฐาน",
                    "needs_approval": False,
                    "pages": ["document", "executives", "contact"],
                    "parts": [{"code": "K2.1", "name_th": "ผู้บริหาร"}],
                },
            ],
        }
    ],
}


def _load(tmp_path, data):
    path = tmp_path / "kinds-2568.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load(str(path))


def test_the_file_gives_kinds_parts_inherit_them_and_families_give_defaults(tmp_path):
    _load(tmp_path, OFFICE)
    items = {i.code: i for i in CatalogueItem.objects.filter(edition__slug="kinds-2568")}
    assert items["K1"].page_kinds == []
    assert items["K1"].allowed_page_kinds == ["news", "document"]
    assert items["K2"].allowed_page_kinds == ["document", "executives", "contact"]
    assert items["K2.1"].allowed_page_kinds == ["document", "executives", "contact"]


def test_an_unknown_kind_is_refused_with_the_choices(tmp_path):
    bad = copy.deepcopy(OFFICE)
    bad["sections"][0]["items"][0]["pages"] = ["document", "video"]
    with translation.override("en"), pytest.raises(CatalogueError) as refused:
        _load(tmp_path, bad)
    message = str(refused.value)
    assert "item K1" in message and "“pages”" in message and "video" in message
    assert "procurement_summary" in message
    assert not CatalogueItem.objects.filter(edition__slug="kinds-2568").exists()

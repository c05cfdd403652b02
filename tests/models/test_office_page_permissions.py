"""Page permissions are per office: a Wagtail group's page permission counts only in the offices
its member acts for.

An install set up office by office with ``disclosure_setup_office`` gives the shared "Editors" and
"Moderators" groups page permissions on every office's hub; an editor of office B must still not
open, list, find or change a page of office A (nor a draft), in the page editor, the explorer,
the admin search or Wagtail's API."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, Site

from demo.models import HomePage
from tests.utils.approval import make_draft
from tests.utils.wagtail_line import API_V3, api_v3_key
from wagtail_disclosure.compat import page_permission_policy
from wagtail_disclosure.models import DocumentPage, IndicatorPage, Person, WorkGroup
from wagtail_disclosure.office_setup import set_up_office

pytestmark = pytest.mark.django_db

HOST_A, HOST_B = "localhost", "127.0.0.1"


@pytest.fixture
def offices(demo):
    home = Page.get_first_root_node().add_child(instance=HomePage(title="หน้าแรก ข", slug="b"))
    site = Site.objects.create(hostname=HOST_B, port=80, root_page=home, site_name="b")
    editor = get_user_model().objects.create_user("b_editor", "b@office-b.example", "x")
    Person.objects.create(site=site, user=editor, full_name="บรรณาธิการ ข", role="author")
    hub = set_up_office(site).hub  # the shared groups: Editors now hold page rights on B's hub
    author = get_user_model().objects.get(username="author")
    a_o11 = IndicatorPage.objects.get(
        item__code="O11", path__startswith=demo["site"].root_page.path
    )
    b_o11 = IndicatorPage.objects.child_of(hub).get(item__code="O11")
    return {
        "editor": editor,
        "author": author,
        "a_draft": make_draft(a_o11, author, title="ร่างของสำนักงาน ก zqxdrafta"),
        "b_draft": _draft(b_o11, editor, WorkGroup.objects.get(site=site, code="policy")),
    }


def _draft(parent, owner, group):
    page = DocumentPage(
        title="ร่างของสำนักงาน ข", slug="b-draft", live=False, owner=owner, responsible_group=group
    )
    page.catalogue_items.set([parent.item])
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return DocumentPage.objects.get(pk=page.pk)


def client_for(user, host):
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


def test_the_editor_of_b_is_in_the_shared_editors_group(offices):
    assert offices["editor"].groups.filter(name="Editors").exists()
    assert offices["author"].groups.filter(name="Editors").exists()


def test_an_editor_of_b_neither_opens_nor_changes_a_page_of_a(offices):
    draft, editor = offices["a_draft"], offices["editor"]
    assert not draft.permissions_for_user(editor).can_edit()
    client = client_for(editor, HOST_A)
    response = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert response.status_code in (302, 403)
    assert "zqxdrafta" not in response.content.decode()
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert Page.objects.filter(pk=draft.pk).exists()


def test_an_editor_of_b_finds_no_page_of_a_in_the_explorer_search_or_api(offices):
    draft, editor = offices["a_draft"], offices["editor"]
    client = client_for(editor, HOST_B)
    for url in (
        "/admin/pages/search/?q=zqxdrafta",
        f"/admin/pages/{draft.get_parent().pk}/",
        "/admin/pages/",
    ):
        assert draft.title not in client.get(url).content.decode(), url
    # The admin's own API (the page chooser's), on both Wagtail lines.
    theirs = client.get(f"/admin/api/main/pages/{draft.pk}/")
    assert theirs.status_code in (403, 404) and "zqxdrafta" not in theirs.content.decode()
    own = client.get(f"/admin/api/main/pages/{offices['b_draft'].pk}/")
    assert own.status_code == 200 and own.json()["title"] == offices["b_draft"].title
    if not API_V3:
        return  # Wagtail 7.4 has no API v3
    api = Client(HTTP_HOST=HOST_B, HTTP_AUTHORIZATION=f"Bearer {api_v3_key(editor, 'b')}")
    theirs = api.get(f"/api/v3/pages/{draft.pk}/")
    assert theirs.status_code in (403, 404) and "zqxdrafta" not in str(theirs.json())
    own = api.get(f"/api/v3/pages/{offices['b_draft'].pk}/")
    assert own.status_code == 200 and own.json()["title"] == offices["b_draft"].title


def test_each_editor_keeps_the_rights_in_their_own_office(offices):
    assert offices["b_draft"].permissions_for_user(offices["editor"]).can_edit()
    assert offices["a_draft"].permissions_for_user(offices["author"]).can_edit()
    assert not offices["b_draft"].permissions_for_user(offices["author"]).can_edit()
    html = client_for(offices["author"], HOST_A).get("/admin/pages/search/?q=zqxdrafta")
    assert offices["a_draft"].title in html.content.decode()


def test_who_may_act_on_a_page_is_found_in_its_office_only(offices):
    policy = page_permission_policy()
    for_a = policy.users_with_any_permission_for_instance({"change"}, offices["a_draft"])
    assert offices["author"] in for_a and offices["editor"] not in for_a
    for_b = policy.users_with_any_permission_for_instance({"change"}, offices["b_draft"])
    assert offices["editor"] in for_b and offices["author"] not in for_b

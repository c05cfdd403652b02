"""``disclosure_setup_office`` on a second, plain Wagtail Site: what an office that installs the
app into its own site gets from one command (no demo users), and that it can run again."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Site, WorkflowPage

from tests.utils.approval import MEMO, act, current_step, edit_data
from wagtail_disclosure.models import (
    DocumentPage,
    IndicatorPage,
    OfficeProfile,
    Person,
    TransparencyHubPage,
    WorkGroup,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_site(demo):
    """A plain site beside the demo's, as ``wagtail start`` leaves one: a home page, nothing else."""
    home = Page.get_first_root_node().add_child(instance=Page(title="Home", slug="home-office"))
    return Site.objects.create(hostname="office.example", port=80, root_page=home)


def setup_office():
    call_command("disclosure_setup_office", site="office.example", stdout=io.StringIO())


def counts(site):
    return (
        Page.objects.count(),
        WorkGroup.objects.filter(site=site).count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        get_user_model().objects.count(),
        Person.objects.count(),
    )


def test_sets_up_an_office_and_running_it_again_changes_nothing(office_site):
    users_before = get_user_model().objects.count()
    setup_office()
    after_first = counts(office_site)
    setup_office()
    assert counts(office_site) == after_first
    assert get_user_model().objects.count() == users_before  # no demo users

    hub = TransparencyHubPage.objects.descendant_of(office_site.root_page).get()
    assert hub.slug == "oit"
    indicators = IndicatorPage.objects.child_of(hub)
    profile = OfficeProfile.for_site(office_site)
    assert indicators.count() == profile.active_edition.items.count() == 43
    assert sorted(indicators.values_list("slug", flat=True)) == sorted(
        f"o{n}" for n in range(1, 44)
    )
    assert WorkGroup.objects.filter(site=office_site).count() == 10
    assert WorkflowPage.objects.filter(page=hub).exists()
    for name in ("Editors", "Moderators", "Supervisors", "Integrity"):
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    # Editors publish at once only where the catalogue allows it; nobody publishes O11 directly.
    o11 = indicators.get(item__code="O11")
    assert not GroupPagePermission.objects.filter(
        page__in=Page.objects.ancestor_of(o11, inclusive=True), permission__codename="publish_page"
    ).exists()


def test_unknown_site_is_refused_and_nothing_changes(office_site):
    before = counts(office_site)
    with pytest.raises(CommandError, match="nowhere.example"):
        call_command("disclosure_setup_office", site="nowhere.example")
    assert counts(office_site) == before


def test_a_page_under_an_approval_required_indicator_goes_through_the_chain(office_site, client):
    User = get_user_model()
    people = {}
    setup_office()
    policy = WorkGroup.objects.get(site=office_site, code="policy")
    for username, role, group in (
        ("o-author", Person.Role.AUTHOR, policy),
        ("o-gd", Person.Role.GROUP_DIRECTOR, policy),
        ("o-director", Person.Role.DIRECTOR, None),
    ):
        user = User.objects.create_user(username, f"{username}@office.example", "x")
        Person.objects.create(
            site=office_site, user=user, full_name=username, role=role, work_group=group
        )
        people[role] = user
    # People added in the admin get their groups when the command runs again.
    setup_office()
    author = people[Person.Role.AUTHOR]
    assert author.groups.filter(name="Editors").exists()

    o11 = IndicatorPage.objects.descendant_of(office_site.root_page).get(item__code="O11")
    page = DocumentPage(
        title="แผนปฏิบัติราชการประจำปี",
        slug="plan",
        live=False,
        owner=author,
        responsible_group=policy,
        body="<p>แผนปฏิบัติราชการประจำปี</p>",
    )
    page.catalogue_items.set([o11.item])
    o11.add_child(instance=page)
    page.save_revision(user=author)

    client.force_login(author)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_data(DocumentPage.objects.get(pk=page.pk), action="action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert current_step(page) == "memo"
    act(page, author, **MEMO)
    act(page, people[Person.Role.GROUP_DIRECTOR], comment="เห็นควรอนุญาต")
    act(page, people[Person.Role.DIRECTOR], comment="อนุญาต")
    assert DocumentPage.objects.get(pk=page.pk).live

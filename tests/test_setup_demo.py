"""``setup_demo``: refuses without DEBUG, and running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from wagtail_disclosure.models import Agency, CatalogueItem, Person, WorkGroup

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(),
        CatalogueItem.objects.count(),
        WorkGroup.objects.count(),
        Person.objects.count(),
        get_user_model().objects.count(),
    )


def test_refuses_without_debug_or_force(demo, settings):
    settings.DEBUG = False
    before = counts()
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("setup_demo", quiet=True)
    assert counts() == before


def test_running_it_again_is_idempotent(demo):
    before = counts()
    call_command("setup_demo", force=True, quiet=True, single_office=True)
    assert counts() == before
    users = set(get_user_model().objects.values_list("username", flat=True))
    assert {"author", "groupdirector", "deputy", "director", "publisher", "supervisor",
            "admin"} <= users  # fmt: skip
    assert get_user_model().objects.get(username="director").check_password("demo-2566")


def test_the_demo_has_a_second_office_and_the_agency_user(demo):
    call_command("setup_demo", force=True, quiet=True)
    second = Site.objects.get(hostname="office2.localhost")
    agency = Agency.objects.get(members__username="agency")
    assert set(agency.offices.all()) == {demo["site"], second}
    assert Person.objects.filter(site=second, user__username="director2").exists()
    before = counts()
    call_command("setup_demo", force=True, quiet=True)
    assert counts() == before

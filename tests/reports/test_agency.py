"""The supervising agency's view: its offices side by side, never their submissions or drafts."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from tests.utils.offices import HOST_A, MARK_A, build_office, build_office_b, mark_office_a
from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.models import Agency
from wagtail_disclosure.reports.agency import round_days
from wagtail_disclosure.reports.readiness import (
    edition_for_site,
    readiness_of_offices,
    summarise,
)
from wagtail_disclosure.thai.dates import FiscalPeriod, fiscal_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(demo):
    b = build_office_b()
    mark_office_a(demo["site"])
    user = get_user_model().objects.create_user("agency_test", "agency@obec.example", "x")
    user.groups.add(Group.objects.get(name="Supervisors"))  # admin access, no office role
    both = Agency.objects.create(name="สพฐ. ทดสอบ", level=Agency.Level.AGENCY)
    both.offices.set([demo["site"], b["site"]])
    both.members.add(user)
    client = Client(HTTP_HOST=HOST_A)
    client.force_login(user)
    return {"a": demo["site"], "b": b["site"], "agency": both, "user": user, "client": client}


def test_agency_sees_its_offices_side_by_side_with_a_heat_map(agency):
    response = agency["client"].get(reverse("wagtail_disclosure_admin:agency"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "สพป.ตัวอย่าง เขต ๑" in html and "สพป.ข" in html
    assert "<svg" in html and "O1" in html
    rows = {row.office.short_name: row for row in response.context["object_list"]}
    assert rows["สพป.ตัวอย่าง เขต ๑"].percent > rows["สพป.ข"].percent  # B has one page only
    assert MARK_A not in html  # no complaint, submission or draft of any office


def test_agency_export_lists_every_office(agency):
    response = agency["client"].get(reverse("wagtail_disclosure_admin:agency") + "?export=csv")
    text = response.content.decode("utf-8-sig")
    assert "สพป.ตัวอย่าง เขต ๑" in text and "สพป.ข" in text
    assert MARK_A not in text


def test_drill_down_to_one_office_of_the_agency_only(agency):
    client = agency["client"]
    url = reverse("wagtail_disclosure_admin:agency_office", args=[agency["a"].pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["office"].short_name == "สพป.ตัวอย่าง เขต ๑"
    agency["agency"].offices.set([agency["b"]])
    assert client.get(url).status_code == 404


def test_agency_member_reads_no_submission(agency):
    client = agency["client"]
    for name in ("complaints", "questions", "feedback_list", "personal_data", "approval_history"):
        response = client.get(reverse(f"wagtail_disclosure_admin:{name}"))
        assert response.status_code in (302, 403), name


def test_someone_outside_every_agency_is_refused(agency):
    client = Client(HTTP_HOST=HOST_A)
    client.force_login(get_user_model().objects.get(username="b_supervisor"))
    assert client.get(reverse("wagtail_disclosure_admin:agency")).status_code in (302, 403)


# --- the figures: one office's report, for every office at once, in a constant number of queries --


@pytest.fixture
def four_offices(agency, approve):
    """A and B, C (deeper in the tree; current, outdated, unapproved and approved content) and D
    (no hub; another edition, from its profile)."""
    today = timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    region = Page.get_first_root_node().add_child(instance=Page(title="เขตตรวจ", slug="region"))
    c = build_office(
        "office-c",
        "office-c.example",
        "สพป.ค",
        parent=region,
        content=[("O1", today), ("O7", year_ago), ("O11", today), ("O12", today), ("O2", year_ago)],
    )
    approve(c["pages"]["O12"][0])
    load("obec-measures-18")
    d = build_office(
        "office-d", "office-d.example", "สพม.ง", edition="obec-measures-18", hub=False,
        content=[("M1", today), ("M2", year_ago)],
    )  # fmt: skip
    approve(d["pages"]["M1"][0])
    approve(d["pages"]["M2"][0])
    agency["agency"].offices.add(c["site"], d["site"])
    return dict(agency, c=c["site"], d=d["site"])


@pytest.mark.parametrize("years_back", [0, 1])
def test_agency_figures_are_the_one_office_reports(four_offices, years_back):
    client = four_offices["client"]
    today = timezone.localdate()
    fy = fiscal_year(today) - years_back
    response = client.get(reverse("wagtail_disclosure_admin:agency"), {"fiscal_year": fy})
    rows = {row.site.pk: row for row in response.context["object_list"]}
    assert len(rows) == 4
    percents = set()
    for site in (four_offices[k] for k in "abcd"):
        row = rows[site.pk]
        report = client.get(
            reverse("wagtail_disclosure_admin:agency_office", args=[site.pk]), {"fiscal_year": fy}
        )
        assert report.status_code == 200
        assert row.percent == report.context["overall"].percent, site
        assert row.statuses == {r.item.code: r.status for r in report.context["object_list"]}
        edition = edition_for_site(site)
        for (number, percent), (_n, day) in zip(row.rounds, round_days(fy, today), strict=True):
            if day is None:
                assert percent is None and FiscalPeriod(fy, round=number).start > today
                continue
            alone = readiness_of_offices([site], edition, fy, today=today, day=day)[site.pk]
            assert percent == summarise(alone)[2].percent, (site, number)
        percents.add(row.percent)
    assert len(percents) == 4  # four offices, four different figures: the comparison has teeth


def test_agency_view_queries_do_not_grow_with_the_offices(four_offices):
    """Two more offices of the same edition and tree depth cost no query. (Each further catalogue
    edition, or depth of an office's root in the page tree, adds its own few.)"""
    client, agency = four_offices["client"], four_offices["agency"]
    more = [
        build_office(f"office-{n}", f"office-{n}.example", f"สพป.{n}", content=[("O1", None)])
        for n in ("e", "f")
    ]
    url = reverse("wagtail_disclosure_admin:agency")
    counts = []
    for offices in (["a", "b"], ["a", "b", *more]):
        agency.offices.set([four_offices[k] if isinstance(k, str) else k["site"] for k in offices])
        client.get(url)  # caches warm (content types, the session)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert len(response.context["object_list"]) == len(offices)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_round_of_a_year_gone_by_counts_what_was_there_at_its_end(agency):
    """Round 1 of last fiscal year is read on 31 March: a page dated in April is no evidence for it,
    and this year's pages are none for either round."""
    today = timezone.localdate()
    fy = fiscal_year(today) - 1
    first, second = FiscalPeriod(fy, round=1), FiscalPeriod(fy, round=2)
    office = build_office(
        "office-r", "office-r.example", "สพป.ร",
        content=[("O1", second.start + datetime.timedelta(days=10)), ("O2", today)],
    )  # fmt: skip
    agency["agency"].offices.set([office["site"]])
    response = agency["client"].get(reverse("wagtail_disclosure_admin:agency"), {"fiscal_year": fy})
    (row,) = response.context["object_list"]
    assert dict(row.rounds)[1] == 0  # nothing was there on 31 March
    assert dict(row.rounds)[2] == row.percent > 0  # O1 (dated in round 2) counts for round 2
    assert row.statuses["O1"] == "complete" and row.statuses["O2"] == "missing"
    assert first.end < second.start


def test_the_editions_of_many_offices_are_each_office_s_own(demo):
    """``editions_of_offices`` (one query for all) agrees with ``edition_for_site`` and with the
    edition the office's own pages follow (``edition_for_page``): hub's, else the profile's, else
    the install's default."""
    from wagtail_disclosure.models import OfficeProfile, TransparencyHubPage
    from wagtail_disclosure.models.pages import edition_for_page
    from wagtail_disclosure.reports.readiness import editions_of_offices

    load("obec-measures-18")
    hub_less = build_office(
        "office-h", "office-h.example", "สพป.ฮ", hub=False, edition="obec-measures-18"
    )
    bare_hub = build_office("office-i", "office-i.example", "สพป.อ", edition="obec-measures-18")
    TransparencyHubPage.objects.filter(pk=bare_hub["hub"].pk).update(edition=None)
    no_profile = build_office("office-j", "office-j.example", "สพป.จ", hub=False)
    OfficeProfile.objects.filter(site=no_profile["site"]).update(active_edition=None)
    offices = [demo, hub_less, bare_hub, no_profile]
    sites = [o["site"] for o in offices]
    editions = editions_of_offices(sites)
    for office in offices:
        site = office["site"]
        page = (
            TransparencyHubPage.objects.get(pk=office["hub"].pk)
            if office["hub"]
            else site.root_page
        )
        assert editions[site.pk] == edition_for_site(site) == edition_for_page(page), site
    assert [editions[s.pk].slug for s in sites] == [
        "ita-2566", "obec-measures-18", "obec-measures-18", "ita-2566"
    ]  # fmt: skip

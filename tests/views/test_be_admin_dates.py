"""Buddhist-Era dates on Wagtail's own admin screens and in every admin date input.

Wagtail writes its listing dates as "3 days ago" with the date in a tooltip, in Django's format:
"15 พฤศจิกายน 2026" on a Thai screen. Its model forms (snippets, viewsets, settings, the page
editor's publishing schedule) give a C.E. date picker; "15/11/2569" typed there was year 2569 C.E.
Now the tooltips say 2569, every date input of a Wagtail model form shows and takes B.E.
("15/11/2569", "15/11/2569 14:30"), and an implausible year is refused in Thai, nothing stored.
"""

import datetime
import importlib.util
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from tests.utils.approval import edit_data, make_draft
from wagtail_disclosure.models import ChannelLog, DocumentPage, IndicatorPage
from wagtail_disclosure.thai.dates import be_year

pytestmark = pytest.mark.django_db

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
TOOLTIP = re.compile(
    r'class="w-human-readable-date"[^>]*data-w-tooltip-content-value="([^"]*)"', re.S
)


@pytest.fixture
def admin_client(client, demo):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def tooltips(html):
    return TOOLTIP.findall(html)


def assert_be(shown):
    """Every date shown carries this year in B.E., none in C.E."""
    now = timezone.localdate()
    assert shown, "no date shown"
    for text in shown:
        assert str(be_year(now)) in text or str(be_year(now) - 1) in text, text
        assert str(now.year) not in text and str(now.year - 1) not in text, text


@pytest.mark.parametrize(
    "screen",
    [
        "explorer",
        "history",
        "site_history",
    ],
)
def test_wagtail_listing_dates_are_buddhist_era(admin_client, demo, screen):
    o21 = IndicatorPage.objects.get(item__code="O21")
    page = o21.get_children().first()
    url = {
        "explorer": reverse("wagtailadmin_explore", args=[o21.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "site_history": reverse("wagtailadmin_reports:site_history"),
    }[screen]
    html = admin_client.get(url).content.decode()
    assert_be(tooltips(html))


def visible_text(html):
    return re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html))


def assert_no_ce_year(html, where):
    """No date on the screen carries this year's C.E. number (B.E. is there instead)."""
    text = visible_text(html)
    now = timezone.localdate()
    assert str(be_year(now)) in text, where
    assert not re.search(rf"\b{now.year}\b", text), (
        where,
        text[text.find(str(now.year)) - 80 :][:160],
    )


def test_workflow_history_dates_are_buddhist_era(admin_client, demo):
    author = get_user_model().objects.get(username="author")
    draft = make_draft(IndicatorPage.objects.get(item__code="O11"), author)
    state = Workflow.objects.get(workflow_pages__page=demo["hub"]).start(draft, author)
    html = admin_client.get(
        reverse("wagtailadmin_pages:workflow_history", args=[draft.pk])
    ).content.decode()
    assert_be(tooltips(html))
    detail = reverse("wagtailadmin_pages:workflow_history_detail", args=[draft.pk, state.pk])
    assert_no_ce_year(admin_client.get(detail).content.decode(), detail)
    for name in ("wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"):
        url = reverse(name)
        assert_no_ce_year(admin_client.get(url).content.decode(), url)


def test_the_wagtail_templates_overridden_for_dates_follow_the_installed_wagtail():
    """The copies are made by scripts/be_wagtail_templates.py from Wagtail's own: after an
    upgrade the script is run again, and a substitution that no longer applies is reported."""
    spec = importlib.util.spec_from_file_location(
        "be_templates", SCRIPTS / "be_wagtail_templates.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.stale() == [], "run scripts/be_wagtail_templates.py"
    # (The dashboard's chain panel is the app's own, with its dates in B.E. through thai_date.)


# --- inputs ------------------------------------------------------------------------------------

CHANNEL_LOG_ADD = reverse("wagtail_disclosure_admin_channel_log:add")


def channel_log(demo, date):
    return {
        "channel": "line",
        "outlet": "กลุ่มไลน์ทดสอบวันที่ พ.ศ.",
        "date": date,
        "quantity": "3",
        "title": "ข่าวประชาสัมพันธ์",
        "site": demo["site"].pk,
    }


def test_a_viewset_date_input_shows_and_takes_buddhist_era(admin_client, demo):
    html = admin_client.get(CHANNEL_LOG_ADD).content.decode()
    date_input = re.search(r'<input[^>]*name="date"[^>]*>', html).group(0)
    assert "พ.ศ." in date_input or "dd/mm/yyyy" in date_input
    response = admin_client.post(CHANNEL_LOG_ADD, channel_log(demo, "15/11/2569"))
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = ChannelLog.objects.get(outlet="กลุ่มไลน์ทดสอบวันที่ พ.ศ.")
    assert entry.date == datetime.date(2026, 11, 15)
    edit = admin_client.get(
        reverse("wagtail_disclosure_admin_channel_log:edit", args=[entry.pk])
    ).content.decode()
    assert 'value="15/11/2569"' in edit


def test_an_implausible_year_in_a_viewset_is_refused_in_thai(admin_client, demo):
    before = ChannelLog.objects.count()
    response = admin_client.post(CHANNEL_LOG_ADD, channel_log(demo, "15/11/3112"))
    assert response.status_code == 200
    assert "พ.ศ." in response.content.decode()
    assert ChannelLog.objects.count() == before


def test_the_publishing_schedule_shows_and_takes_buddhist_era(admin_client, demo):
    author = get_user_model().objects.get(username="author")
    draft = make_draft(IndicatorPage.objects.get(item__code="O10"), author)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = edit_data(draft, action="unused", go_live_at="15/11/2569 14:30")
    data.pop("unused")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = DocumentPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    local = timezone.localtime(saved.go_live_at)
    assert (local.year, local.month, local.day, local.hour, local.minute) == (2026, 11, 15, 14, 30)
    html = admin_client.get(url).content.decode()
    assert 'value="15/11/2569 14:30"' in html

    data = edit_data(draft, action="unused", go_live_at="15/11/3112 14:30")
    data.pop("unused")
    response = admin_client.post(url, data)
    assert response.status_code == 200 and "พ.ศ." in response.content.decode()


def test_a_viewset_date_filter_takes_buddhist_era(admin_client, demo):
    ChannelLog.objects.create(
        site=demo["site"], channel="line", date=datetime.date(2026, 11, 15), outlet="วันที่กรอง"
    )
    ChannelLog.objects.create(
        site=demo["site"], channel="line", date=datetime.date(2026, 11, 16), outlet="วันอื่น"
    )
    index = reverse("wagtail_disclosure_admin_channel_log:index")
    html = admin_client.get(index, {"date": "15/11/2569"}).content.decode()
    assert "วันที่กรอง" in html and "วันอื่น" not in html
    date_input = re.search(r'<input[^>]*name="date"[^>]*>', html).group(0)
    assert 'value="15/11/2569"' in date_input
    # The active filter is named in B.E. too.
    assert "15 พฤศจิกายน 2569" in html or "15 พ.ย. 2569" in html
    # An implausible year is refused with a message (Wagtail then lists without the filter).
    html = admin_client.get(index, {"date": "15/11/3112"}).content.decode()
    assert "error-message" in html and "พ.ศ." in html


def test_wagtail_date_range_filter_chips_are_buddhist_era(admin_client, demo):
    html = admin_client.get(
        reverse("wagtailadmin_reports:site_history"),
        {"timestamp_from": "2026-11-01", "timestamp_to": "2026-11-30"},
    ).content.decode()
    assert "2569" in html
    chips = re.findall(r'class="w-active-filters__[^"]*"[^>]*>(.*?)</', html, re.S)
    assert not any("2026" in chip for chip in chips), chips


def test_wagtail_s_own_report_date_filters_take_buddhist_era(admin_client, demo):
    """Wagtail's own date-range filters (site history, workflow and locked-pages reports, the page
    listing, the users list) take "01/11/2569" and show it back, like the app's viewsets."""
    from wagtail.models import PageLogEntry

    page = IndicatorPage.objects.filter(live=True).first()
    inside = PageLogEntry.objects.log_action(page, "wagtail.edit")
    outside = PageLogEntry.objects.log_action(page, "wagtail.edit")
    noon = datetime.time(12, tzinfo=datetime.UTC)
    PageLogEntry.objects.filter(pk=inside.pk).update(
        label="ในช่วงที่กรอง", timestamp=datetime.datetime.combine(datetime.date(2026, 11, 15), noon)
    )
    PageLogEntry.objects.filter(pk=outside.pk).update(
        label="นอกช่วงที่กรอง", timestamp=datetime.datetime.combine(datetime.date(2026, 10, 15), noon)
    )
    url = reverse("wagtailadmin_reports:site_history")
    html = admin_client.get(
        url, {"timestamp_from": "01/11/2569", "timestamp_to": "30/11/2569"}
    ).content.decode()
    assert "ในช่วงที่กรอง" in html and "นอกช่วงที่กรอง" not in html
    inputs = re.findall(r'<input[^>]*name="timestamp_(?:from|to)"[^>]*>', html)
    assert len(inputs) == 2 and 'value="01/11/2569"' in inputs[0], inputs
    assert 'value="30/11/2569"' in inputs[1]
    # An implausible year is refused in Thai, not read as 3112 C.E.
    html = admin_client.get(url, {"timestamp_from": "01/11/3112"}).content.decode()
    assert "error-message" in html and "พ.ศ." in html
    # The other screens' date filters are B.E. inputs too.
    for name, field in (
        ("wagtailadmin_reports:workflow", "created_at"),
        ("wagtailadmin_reports:locked_pages", "locked_at"),
        ("wagtailusers_users:index", "last_login"),
    ):
        html = admin_client.get(reverse(name), {f"{field}_from": "01/11/2569"}).content.decode()
        found = re.search(rf'<input[^>]*name="{field}_from"[^>]*>', html)
        assert found and 'value="01/11/2569"' in found.group(0), (name, found)

"""Sample follow-up records of the demo office, so a supervisor sees real figures: the PR unit's
channel log for this fiscal year, tracking forms of round 1, and the operating calendar (สพม.พะเยา, 1 เม.ย. 2565; สพป.ชุมพร เขต 1, 2565).
Also the report permissions of the demo groups."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail_disclosure.models import CalendarEntry, ChannelLog, TrackingForm, WorkGroup
from wagtail_disclosure.thai.dates import fiscal_year, fiscal_year_range

# (channel, outlet, quantity per month)
CHANNELS = [
    ("facebook", "เพจสำนักงานเขตพื้นที่การศึกษา", 16),
    ("line", "กลุ่มไลน์ประชาสัมพันธ์", 26),
    ("line", "กลุ่มไลน์ Family", 32),
    ("newsletter", "จดหมายข่าวประชาสัมพันธ์", 4),
    ("newspaper", "หนังสือพิมพ์ท้องถิ่น", 1),
    ("radio", "สถานีวิทยุกระจายเสียงแห่งประเทศไทย", 3),
]

CALENDAR = [
    ("ศึกษา วิเคราะห์ภารกิจของสำนักงานเขตพื้นที่การศึกษา", [10], "คณะกรรมการตามคำสั่งสำนักงานเขตพื้นที่การศึกษา"),
    ("แต่งตั้งคณะกรรมการ", [12], "กลุ่มอำนวยการ"),
    ("ประชุมพัฒนา", [1, 4, 6], "คณะกรรมการ"),
    ("ติดตามผลการดำเนินงาน", [3, 6, 9], "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
    ("รายงานผลการดำเนินงาน", [4, 10], "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร"),
]

TRACKING = {
    "admin": (
        "นางสาวสุดา ใจดี นักวิชาการคอมพิวเตอร์\nนายธนากร ทันสมัย นักวิชาการคอมพิวเตอร์ กลุ่ม ICT",
        "เผยแพร่ข่าวสารการดำเนินงานของสำนักงานเขตพื้นที่การศึกษาผ่านเว็บไซต์ เพจ Facebook และกลุ่มไลน์อย่างต่อเนื่อง",
        "ปรับรูปแบบข่าวให้สั้น อ่านง่าย และแนบภาพกิจกรรมที่ได้รับความยินยอมแล้ว",
        "ต้องการให้มีการอบรมการผลิตสื่อวิดีโอให้กับเจ้าหน้าที่ผู้ดูแลเว็บไซต์ประจำกลุ่ม",
    ),
    "policy": (
        "นายสมชาย รักงาน ผู้อำนวยการกลุ่มนโยบายและแผน\nนางสาวสุดา ใจดี นักวิชาการคอมพิวเตอร์",
        "เผยแพร่แผนปฏิบัติราชการประจำปีและรายงานผลการดำเนินงาน",
        "จัดทำรายงานรอบ ๖ เดือนให้เสร็จภายในเดือนเมษายน",
        "",
    ),
}


def grant_report_permissions():
    """Supervisors and moderators see the reports; editors (the PR unit) keep the channel log."""
    view_reports = Permission.objects.get(
        content_type__app_label="wagtail_disclosure", codename="view_reports"
    )

    def perms(model, actions):
        return Permission.objects.filter(
            content_type__app_label="wagtail_disclosure",
            codename__in=[f"{a}_{model}" for a in actions],
        )

    supervisors = Group.objects.get(name="Supervisors")
    supervisors.permissions.add(view_reports, *perms("trackingform", ["add", "change", "view"]))
    supervisors.permissions.add(*perms("calendarentry", ["add", "change", "delete", "view"]))
    supervisors.permissions.add(*perms("channellog", ["view"]))
    moderators = Group.objects.get(name="Moderators")
    moderators.permissions.add(view_reports, *perms("trackingform", ["add", "change", "view"]))
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(*perms("channellog", ["add", "change", "delete", "view"]))


def build(site):
    grant_report_permissions()
    today = timezone.localdate()
    fy = fiscal_year(today)
    start, _end = fiscal_year_range(fy)
    groups = {g.code: g for g in WorkGroup.objects.filter(site=site)}
    if not ChannelLog.objects.filter(site=site).exists():
        month = start
        logs = []
        while month <= today:
            for n, (channel, outlet, quantity) in enumerate(CHANNELS):
                logs.append(
                    ChannelLog(
                        site=site,
                        channel=channel,
                        outlet=outlet,
                        date=min(month + datetime.timedelta(days=14 + n), today),
                        quantity=quantity,
                        title="สรุปการเผยแพร่ประจำเดือน",
                        work_group=groups.get("admin"),
                    )
                )
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        ChannelLog.objects.bulk_create(logs)
    for code, (people, results, improvements, help_wanted) in TRACKING.items():
        TrackingForm.objects.get_or_create(
            site=site,
            work_group=groups[code],
            fiscal_year=fy,
            round=1,
            defaults={
                "responsible_people": people,
                "results": results,
                "improvements": improvements,
                "help_wanted": help_wanted,
            },
        )
    if not CalendarEntry.objects.filter(site=site, fiscal_year=fy).exists():
        for order, (title, months, responsible) in enumerate(CALENDAR):
            CalendarEntry.objects.create(
                site=site,
                fiscal_year=fy,
                sort_order=order,
                title=title,
                months=months,
                responsible=responsible,
            )

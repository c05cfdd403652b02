"""Thai sample content of the demo office: the /oit/ hub, its 43 indicator pages, and content
for a dozen indicators, so every page type and every hub state (current, outdated, missing) shows."""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.images import get_image_model

from wagtail_disclosure.models import (
    ContactPage,
    DocumentPage,
    ExecutiveProfile,
    ExecutiveProfilesPage,
    IndicatorPage,
    NewsPage,
    NewsPhoto,
    PageSource,
    ProcurementRow,
    ProcurementSummaryPage,
    WorkGroup,
    save_rights,
)
from wagtail_disclosure.thai.dates import fiscal_year, fiscal_year_range

HUB_INTRO = (
    "<p>ข้อมูลตามตัวชี้วัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) "
    "ของสำนักงานเขตพื้นที่การศึกษา เพื่อให้ประชาชนเข้าถึงข้อมูลข่าวสารของราชการตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐</p>"
)


def build(hub, site):
    """Sample content under the indicator pages that ``set_up_office`` made."""
    indicators = {
        page.item.code: page for page in IndicatorPage.objects.child_of(hub).select_related("item")
    }
    groups = {g.code: g for g in WorkGroup.objects.filter(site=site)}
    today = timezone.localdate()
    fy = fiscal_year(today)
    fy_start, _ = fiscal_year_range(fy)

    def add(code, cls, slug, **fields):
        parent = indicators[code]
        page = cls.objects.child_of(parent).filter(slug=slug).first()
        if page is not None:
            return page
        item = parent.item
        fields.setdefault("date", today)
        children = fields.pop("children", {})
        page = cls(slug=slug, responsible_group=groups.get(item.default_group_code), **fields)
        for relation, rows in children.items():
            getattr(page, relation).set(rows)
        parent.add_child(instance=page)
        page.catalogue_items.set([item])
        page.save_revision().publish()
        return page

    add(
        "O1",
        DocumentPage,
        "structure",
        title="โครงสร้างการบริหารงานของสำนักงานเขตพื้นที่การศึกษา",
        summary="แผนผังโครงสร้างหน่วยงาน แบ่งเป็น ๑๐ กลุ่มงานและหน่วยตรวจสอบภายใน",
        body="<p>สำนักงานเขตพื้นที่การศึกษาแบ่งส่วนราชการออกเป็น กลุ่มอำนวยการ กลุ่มนโยบายและแผน "
        "กลุ่มบริหารงานการเงินและสินทรัพย์ กลุ่มบริหารงานบุคคล กลุ่มส่งเสริมการจัดการศึกษา "
        "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา กลุ่มกฎหมายและคดี กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร "
        "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา และหน่วยตรวจสอบภายใน</p>",
    )
    add(
        "O2",
        ExecutiveProfilesPage,
        "executives",
        title="ข้อมูลผู้บริหาร",
        intro="<p>ผู้บริหารสำนักงานเขตพื้นที่การศึกษา</p>",
        children={
            "executives": [
                ExecutiveProfile(
                    name="นายประเสริฐ มั่นคง",
                    position="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
                    phone="0 2000 0001",
                    email="director@demo-office.example",
                ),
                ExecutiveProfile(
                    name="นางวิไล ศรีสุข",
                    position="รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
                    phone="0 2000 0002",
                ),
            ]
        },
    )
    add(
        "O3",
        DocumentPage,
        "duties",
        title="อำนาจหน้าที่ของสำนักงานเขตพื้นที่การศึกษา",
        body="<p>ตามพระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. ๒๕๔๖ มาตรา ๓๗ สำนักงานเขตพื้นที่การศึกษามีอำนาจหน้าที่ "
        "จัดทำนโยบาย แผนพัฒนา และมาตรฐานการศึกษาของเขตพื้นที่การศึกษา</p>",
        children={
            "sources": [
                PageSource(
                    title="พระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. ๒๕๔๖",
                    url="https://www.krisdika.go.th/",
                )
            ]
        },
    )
    add(
        "O4",
        DocumentPage,
        "action-plan",
        title=f"แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. {fy}",
        date=fy_start + datetime.timedelta(days=20),
        number="ศธ ๐๔๐๐๑/๑๒๓",
        summary="แผนปฏิบัติราชการประจำปีงบประมาณ ประกอบด้วยโครงการและงบประมาณของทุกกลุ่มงาน",
        body="<p>สำนักงานเขตพื้นที่การศึกษาได้จัดทำแผนปฏิบัติราชการประจำปีงบประมาณ โดยมีโครงการทั้งสิ้น ๓๕ โครงการ งบประมาณรวม ๔,๕๐๐,๐๐๐ บาท</p>",
    )
    add(
        "O5",
        ContactPage,
        "contact",
        title="ข้อมูลการติดต่อ",
        address="๙๙ หมู่ ๑ ถนนการศึกษา ตำบลในเมือง อำเภอเมือง จังหวัดตัวอย่าง ๑๐๐๐๐",
        phone="0 2000 0000",
        fax="0 2000 0099",
        email="saraban@demo-office.example",
        map_url="https://www.openstreetmap.org/",
        office_hours="วันจันทร์–ศุกร์ ๐๘.๓๐–๑๖.๓๐ น.",
    )
    add(
        "O6",
        DocumentPage,
        "laws",
        title="กฎหมายที่เกี่ยวข้อง",
        body="<ul><li>พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐</li><li>พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒</li>"
        "<li>พระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ พ.ศ. ๒๕๕๐</li></ul>",
    )
    add(
        "O7",
        NewsPage,
        "news-training",
        title="อบรมสร้างความตระหนักในการป้องกันการทุจริต",
        date=today - datetime.timedelta(days=3),
        body="<p>สำนักงานเขตพื้นที่การศึกษาจัดอบรมบุคลากรเรื่องประมวลจริยธรรมและการป้องกันการทุจริต ผู้เข้าร่วม ๑๒๐ คน</p>",
        children={"photos": [NewsPhoto(image=activity_photo(), caption="บรรยากาศการอบรม")]},
    )
    add(
        "O7",
        NewsPage,
        "news-ita-meeting",
        title="ประชุมคณะทำงานการประเมินคุณธรรมและความโปร่งใส (ITA)",
        date=today - datetime.timedelta(days=10),
        body="<p>คณะทำงานประชุมเพื่อทบทวนข้อมูลการเปิดเผยข้อมูลสาธารณะ OIT ทั้ง ๔๓ ตัวชี้วัด</p>",
    )
    add(
        "O10",
        DocumentPage,
        "privacy-policy",
        title="นโยบายคุ้มครองข้อมูลส่วนบุคคล",
        body="<p>สำนักงานเขตพื้นที่การศึกษาเคารพสิทธิในความเป็นส่วนตัวตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒</p>",
    )
    add(
        "O11",
        DocumentPage,
        "annual-report-previous",
        title=f"รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. {fy - 1}",
        date=fy_start - datetime.timedelta(days=40),
        fiscal_year=fy - 1,
        body="<p>รายงานผลการดำเนินงานตามแผนปฏิบัติราชการ ปีที่ผ่านมา</p>",
    )
    month_prev = today.replace(day=1) - datetime.timedelta(days=1)
    add(
        "O21",
        ProcurementSummaryPage,
        "procurement-%d-%02d" % (month_prev.year, month_prev.month),
        title="สรุปผลการจัดซื้อจัดจ้างประจำเดือน",
        month=month_prev.month,
        year=month_prev.year + 543,
        date=today.replace(day=1),  # last month's summary, out on the 1st: current all month
        children={
            "rows": [
                ProcurementRow(
                    work="จัดซื้อวัสดุสำนักงาน",
                    budget=Decimal("25000"),
                    reference_price=Decimal("25000"),
                    method="เฉพาะเจาะจง",
                    bidders="ร้านเครื่องเขียนตัวอย่าง / ๒๔,๕๐๐ บาท",
                    selected="ร้านเครื่องเขียนตัวอย่าง / ๒๔,๕๐๐ บาท",
                    reason="ราคาต่ำสุดและคุณสมบัติครบ",
                    contract="ใบสั่งซื้อ ๑๒/๒๕๖๖ ลงวันที่ ๓ ตุลาคม ๒๕๖๖",
                ),
                ProcurementRow(
                    work="จ้างซ่อมเครื่องปรับอากาศ",
                    budget=Decimal("8500"),
                    reference_price=Decimal("8500"),
                    method="เฉพาะเจาะจง",
                    bidders="หจก.เย็นสบาย / ๘,๐๐๐ บาท",
                    selected="หจก.เย็นสบาย / ๘,๐๐๐ บาท",
                    reason="ผู้ประกอบการมีอาชีพรับจ้างโดยตรง",
                    contract="ใบสั่งจ้าง ๕/๒๕๖๖ ลงวันที่ ๑๐ ตุลาคม ๒๕๖๖",
                ),
            ]
        },
    )
    month_before = month_prev.replace(day=1) - datetime.timedelta(days=1)
    add(
        "O21",
        ProcurementSummaryPage,
        "procurement-%d-%02d" % (month_before.year, month_before.month),
        title="สรุปผลการจัดซื้อจัดจ้างประจำเดือน (ไม่มีการจัดซื้อจัดจ้าง)",
        month=month_before.month,
        year=month_before.year + 543,
        date=month_before,
        no_procurement=True,
    )
    add(
        "O27",
        DocumentPage,
        "complaint-guidelines",
        title="คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        summary="ขั้นตอนรับและจัดการข้อร้องเรียน ผู้รับผิดชอบ และระยะเวลาดำเนินการ",
        body="<p>ผู้ร้องเรียนแจ้งเรื่องได้ทางหนังสือ โทรศัพท์ หรือช่องทางออนไลน์ กลุ่มกฎหมายและคดีลงทะเบียนรับเรื่องภายใน ๑ วันทำการ "
        "แจ้งผลการพิจารณาให้ผู้ร้องเรียนทราบภายใน ๑๕ วันทำการ โดยเก็บข้อมูลของผู้ร้องเรียนเป็นความลับ</p>",
    )
    add(
        "O31",
        DocumentPage,
        "no-gift",
        title="ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
        date=fy_start + datetime.timedelta(days=5),
        body="<p>ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประกาศเจตนารมณ์ว่าบุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่</p>",
    )
    add(
        "O39",
        DocumentPage,
        "code-of-ethics",
        title="ประมวลจริยธรรมข้าราชการพลเรือน",
        body="<p>ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ ตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. ๒๕๖๒</p>",
    )
    return hub


def activity_photo():
    """A demo activity photo with complete rights data and recorded consent, as the checks require."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw

    title = "ภาพบรรยากาศการอบรมป้องกันการทุจริต"
    image = get_image_model().objects.filter(title=title).first()
    if image is not None:
        return image
    picture = Image.new("RGB", (800, 450), (31, 78, 121))
    draw = ImageDraw.Draw(picture)
    for n in range(12):  # a room of participants, drawn as simple figures
        x = 60 + n * 60
        draw.ellipse((x, 250, x + 36, 286), fill=(240, 200, 160))
        draw.rectangle((x - 4, 290, x + 40, 380), fill=(200, 200, 210))
    draw.rectangle((250, 60, 550, 160), fill=(250, 250, 250))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    image = get_image_model()(title=title, description="ผู้เข้าร่วมอบรมนั่งฟังการบรรยายในห้องประชุม")
    image.file.save("activity-training.jpg", ContentFile(buffer.getvalue()), save=False)
    image.width, image.height = picture.size
    image.save()
    save_rights(
        image,
        {
            "source": "งานประชาสัมพันธ์ กลุ่มอำนวยการ",
            "licence": "own",
            "copyright_holder": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๑",
            "shows_people": True,
            "consent_obtained": True,
            "consent_recorded_by": "นางสาวสุดา ใจดี (แบบยินยอมลงวันที่อบรม)",
            "official_pr_purpose": True,
        },
    )
    return image

"""The สพป.ชุมพร เขต 1 order 62/2565 (21 เมษายน 2565) as the office would type it: the board of advisers
and one web officer in each of the ten work groups (names as the order prints them)."""

import datetime

from wagtail_disclosure.models import Appointment, AppointmentOrder, WorkGroup

ORDER_DATE = datetime.date(2022, 4, 21)  # 21 เมษายน 2565

COMMITTEE = [
    ("chair", "นายศักดิ์สิทธิ์ แร่ทอง", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชุมพร เขต 1"),
    ("vice_chair", "นายวิมาน ดีทองกลาง", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชุมพร เขต 1"),
    ("member", "นายเลอศักดิ์ รัชณาการ", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชุมพร เขต 1"),
    ("member", "นางกันยมาศ ชูจิ้น", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชุมพร เขต 1"),
    ("secretary", "นางนันทน์ภัส เกียรติมาพรศักดิ์", "ปฏิบัติหน้าที่ผู้อำนวยการกลุ่มส่งเสริมทางไกลฯ"),
    ("assistant_secretary", "นายกิตติพงษ์ น้อยจิ้น", "รองผู้อำนวยการโรงเรียนอนุบาลชุมพร"),
    ("assistant_secretary", "นางนิตา คุณวุฒิ", "นักประชาสัมพันธ์ชำนาญการ"),
]

OFFICERS = [
    ("admin", "นางสาวจิตติกา เกตุรัตน์", "ลูกจ้าง สพป.ชุมพร เขต 1"),
    ("finance", "นางพิมพ์ฤดี คุรุทไชยันต์", "ลูกจ้าง สพป.ชุมพร เขต 1"),
    ("personnel", "นางกานดา บุตรหงษ์", "นักทรัพยากรบุคคลชำนาญการ"),
    ("development", "นางอรัญญา ทองดี", "นักทรัพยากรบุคคลชำนาญการ"),
    ("supervision", "นางสาวปาริตา ปุญจุบัน", "ลูกจ้าง สพป.ชุมพร เขต 1"),
    ("promotion", "นายธงชัย นิลพรรณ", "ลูกจ้าง สพป.ชุมพร เขต 1"),
    ("policy", "นางสาวหทัยรัตน์ แดงรักษา", "เจ้าพนักงานธุรการปฏิบัติงาน"),
    ("ict", "นายอณวัฒน์ นวลขนาย", "ลูกจ้าง สพป.ชุมพร เขต 1"),
    ("legal", "นายศิลป์ชัย เผือกขำ", "นิติกรชำนาญการ"),
    ("audit", "นางสาวนัฐสรณ์ อุเทศ", "ลูกจ้าง สพป.ชุมพร เขต 1"),
]


def chumphon_order(site, skip_groups=(), number="62/2565", date=ORDER_DATE, **fields):
    """Order 62/2565 on ``site``; ``skip_groups`` leaves those groups without their officer."""
    groups = {g.code: g for g in WorkGroup.objects.filter(site=site)}
    order = AppointmentOrder.objects.create(
        site=site,
        number=number,
        date=date,
        effective_from=fields.pop("effective_from", date),
        subject="แต่งตั้งเจ้าหน้าที่ดูแลเว็บไซต์ประจำกลุ่มสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชุมพร เขต 1",
        preamble="ด้วยสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชุมพร เขต 1 ได้มีการดำเนินการปรับปรุงระบบเว็บไซต์สำนักงาน "
        "จึงเห็นสมควรให้แต่ละกลุ่มมีเจ้าหน้าที่รับผิดชอบและดูแลเว็บไซต์ประจำแต่ละกลุ่ม ดังนี้",
        signed_by="นายศักดิ์สิทธิ์ แร่ทอง",
        signer_position="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชุมพร เขต 1",
        **fields,
    )
    n = 0
    for role, name, position in COMMITTEE:
        n += 1
        Appointment.objects.create(
            order=order, role=role, full_name=name, position=position, sort_order=n
        )
    for code, name, position in OFFICERS:
        if code in skip_groups:
            continue
        n += 1
        Appointment.objects.create(
            order=order,
            role=Appointment.Role.WEB_OFFICER,
            work_group=groups[code],
            full_name=name,
            position=position,
            sort_order=n,
        )
    return order

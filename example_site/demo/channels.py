"""The demo office's public channels: Q&A (O8), complaint channel (O28), feedback (O30), survey
(O17), statistics pages (O16, O29), the integrity group, social and e-service links, and a few
questions already answered and published."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail_disclosure.models import (
    CorruptionComplaintPage,
    FeedbackPage,
    IndicatorPage,
    OnlinePresence,
    Question,
    QuestionBoardPage,
    SatisfactionSurveyPage,
    SubmissionStatisticsPage,
    SurveyResponse,
    WorkGroup,
)
from wagtail_disclosure.tracking_codes import new_code

SERVICES = [
    "การขอหนังสือรับรอง",
    "การขอเครื่องราชอิสริยาภรณ์",
    "การรับนักเรียนและการย้ายโรงเรียน",
    "การเบิกจ่ายเงินสวัสดิการ",
    "ศูนย์บริการข้อมูลข่าวสาร",
]

QUESTIONS = [
    (
        "รับสมัครนักเรียนชั้นประถมศึกษาปีที่ ๑ เมื่อใด",
        "อยากทราบกำหนดการรับสมัครนักเรียนชั้น ป.๑ ปีการศึกษาหน้าครับ",
        "กำหนดรับสมัครระหว่างวันที่ ๑–๕ มีนาคม ณ โรงเรียนในเขตพื้นที่บริการ ดูประกาศรับนักเรียนได้ที่หน้าข่าวประชาสัมพันธ์",
    ),
    (
        "ขอหนังสือรับรองการเป็นข้าราชการครูต้องใช้เอกสารอะไรบ้าง",
        "ต้องการขอหนังสือรับรองเพื่อใช้ยื่นกู้เงิน ต้องเตรียมเอกสารใดบ้างคะ",
        "ใช้แบบคำขอ สำเนาบัตรประจำตัวเจ้าหน้าที่ของรัฐ และยื่นที่กลุ่มบริหารงานบุคคล ใช้เวลาไม่เกิน ๓ วันทำการ",
    ),
]


def _page(hub, code, cls, slug, **fields):
    parent = IndicatorPage.objects.child_of(hub).get(item__code=code)
    page = cls.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    group = WorkGroup.objects.filter(
        site=hub.get_site(), code=parent.item.default_group_code
    ).first()
    page = cls(slug=slug, responsible_group=group, date=timezone.localdate(), **fields)
    parent.add_child(instance=page)
    page.catalogue_items.set([parent.item])
    page.save_revision().publish()
    return page


def build(hub, site):
    board = _page(
        hub,
        "O8",
        QuestionBoardPage,
        "questions",
        title="ถาม–ตอบ (Q&A)",
        intro="<p>สอบถามข้อมูลการให้บริการของสำนักงานเขตพื้นที่การศึกษา เจ้าหน้าที่จะตอบภายใน ๓ วันทำการ</p>",
    )
    _page(
        hub,
        "O28",
        CorruptionComplaintPage,
        "report-corruption",
        title="แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        intro="<p>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตของเจ้าหน้าที่ แยกจากช่องทางร้องเรียนทั่วไป "
        "เพื่อคุ้มครองผู้ร้องเรียน เรื่องร้องเรียนจะถูกส่งถึงศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้น</p>",
    )
    _page(
        hub,
        "O29",
        SubmissionStatisticsPage,
        "complaint-statistics",
        title="สถิติเรื่องร้องเรียนการทุจริตประจำปี",
        figures=SubmissionStatisticsPage.Figures.COMPLAINTS,
    )
    _page(
        hub,
        "O16",
        SubmissionStatisticsPage,
        "service-statistics",
        title="ข้อมูลเชิงสถิติการให้บริการ",
        figures=SubmissionStatisticsPage.Figures.SERVICES,
    )
    _page(
        hub,
        "O30",
        FeedbackPage,
        "feedback",
        title="แสดงความคิดเห็นและข้อเสนอแนะ",
        intro="<p>ร่วมแสดงความคิดเห็นต่อแผนงาน โครงการ และการให้บริการของสำนักงาน</p>",
    )
    survey = _page(
        hub,
        "O17",
        SatisfactionSurveyPage,
        "satisfaction-survey",
        title="แบบสำรวจความพึงพอใจการให้บริการ",
        services="\n".join(SERVICES),
    )
    settings = OnlinePresence.for_site(site)
    if not settings.social_links:
        settings.social_links = [
            (
                "link",
                {
                    "platform": "facebook",
                    "label": "Facebook สพป.ตัวอย่าง",
                    "url": "https://www.facebook.com/",
                },
            ),
            ("link", {"platform": "line", "label": "LINE Official", "url": "https://line.me/"}),
            (
                "link",
                {"platform": "youtube", "label": "YouTube", "url": "https://www.youtube.com/"},
            ),
        ]
        settings.e_services = [
            (
                "service",
                {
                    "name": "Smart Area",
                    "url": "https://example.org/smartarea",
                    "description": "ระบบสารบรรณอิเล็กทรอนิกส์",
                },
            ),
            (
                "service",
                {
                    "name": "ระบบยื่นคำขอหนังสือรับรองออนไลน์",
                    "url": "https://example.org/certificate",
                    "description": "",
                },
            ),
        ]
        settings.save()
    User = get_user_model()
    answerer = User.objects.filter(username="author").first()
    moderator = User.objects.filter(username="groupdirector").first()
    now = timezone.now()
    for days, (subject, body, answer) in enumerate(QUESTIONS, start=1):
        if Question.objects.filter(page=board, subject=subject).exists():
            continue
        q = Question.objects.create(
            site=site,
            page=board,
            tracking_hash=new_code()[1],
            subject=subject,
            body=body,
            received_at=now - datetime.timedelta(days=days * 3),
        )
        q.set_answer(answerer, answer)
        q.publish(moderator)
    if not SurveyResponse.objects.filter(page=survey).exists():
        for i, scores in enumerate([(5, 5, 4, 4, 5), (4, 4, 4, 3, 4), (5, 4, 5, 5, 4)]):
            SurveyResponse.objects.create(
                site=site,
                page=survey,
                service=SERVICES[i % 2],
                **dict(zip(SurveyResponse.ASPECTS, scores, strict=True)),
            )

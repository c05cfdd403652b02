"""A second office on the demo install, with one user per role, and marked records of office A.

Office A is the demo office (host ``localhost``); office B is built here (host ``127.0.0.1``) with
its own home, hub, indicator pages, work groups, Wagtail groups and people, as a second office on
a shared install is set up. ``MARK_A`` is a word found only in office A's records: a view shown to
office B's people must never contain it.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Site

from demo.models import HomePage
from wagtail_disclosure import conf
from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.models import (
    Appointment,
    AppointmentOrder,
    ApprovalDecision,
    CatalogueEdition,
    ComplaintEvidence,
    CorruptionComplaint,
    Delegation,
    DocumentPage,
    EmergencyPublication,
    Feedback,
    IndicatorPage,
    OfficeProfile,
    Person,
    Question,
    SurveyResponse,
    TransparencyHubPage,
    WorkGroup,
)
from wagtail_disclosure.models.followup import CalendarEntry, ChannelLog, TrackingForm
from wagtail_disclosure.office_setup import office_collection

MARK_A = "zqxmarkaqz"
HOST_A = "localhost"
HOST_B = "127.0.0.1"
PASSWORD = "office-b-2566"

# username, role, work group code, the demo's Wagtail groups whose permissions B's copy gets
ROLES_B = [
    ("b_author", Person.Role.AUTHOR, "policy", "Editors"),
    ("b_groupdirector", Person.Role.GROUP_DIRECTOR, "policy", "Moderators"),
    ("b_deputy", Person.Role.DEPUTY, None, "Moderators"),
    ("b_director", Person.Role.DIRECTOR, None, "Moderators"),
    ("b_publisher", Person.Role.PUBLISHER, "ict", "Editors"),
    ("b_supervisor", Person.Role.SUPERVISOR, "supervision", "Supervisors"),
    ("b_integrity", Person.Role.INTEGRITY, "legal", conf.get("INTEGRITY_GROUP")),
    ("b_pr", Person.Role.PR, "admin", "Editors"),
]


def _group_b(name, home):
    """Office B's copy of a demo group: the same model permissions, the same collection permissions
    (Wagtail's own on the root collection: the image and document library), page permissions on
    B's tree."""
    demo_group = Group.objects.get(name=name)
    group, _ = Group.objects.get_or_create(name=f"{name} (office B)")
    group.permissions.set(demo_group.permissions.all())
    for held in GroupCollectionPermission.objects.filter(group=demo_group):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=held.collection, permission=held.permission
        )
    for codename in ("add_page", "change_page", "publish_page"):
        if GroupPagePermission.objects.filter(group=demo_group, permission__codename=codename):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return group


def build_office_b():
    """Office B: site, home, hub with every indicator page, one O1 page, groups, people."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="หน้าแรกสำนักงาน ข", slug="office-b"))
    site = Site.objects.create(hostname=HOST_B, port=80, root_page=home, site_name="office-b")
    profile = OfficeProfile.for_site(site)
    profile.name, profile.short_name = "สำนักงานเขตพื้นที่การศึกษา ข", "สพป.ข"
    profile.active_edition = edition
    profile.save()
    WorkGroup.create_defaults(site)
    office_collection(site)  # as disclosure_setup_office makes it
    hub = home.add_child(instance=TransparencyHubPage(title="OIT ข", slug="oit", edition=edition))
    for item in edition.items.order_by("sort_order"):
        hub.add_child(instance=IndicatorPage(title=item.name_th, slug=item.code.lower(), item=item))
    o1 = IndicatorPage.objects.child_of(hub).get(item__code="O1")
    page = DocumentPage(title="โครงสร้างสำนักงาน ข", slug="structure-b", date=timezone.localdate())
    with trusted_publication():
        o1.add_child(instance=page)
        page.catalogue_items.set([o1.item])
        page.save_revision().publish()
    groups = {g.code: g for g in WorkGroup.objects.filter(site=site)}
    users = {}
    for username, role, group_code, demo_group in ROLES_B:
        user = get_user_model().objects.create_user(
            username, f"{username}@office-b.example", PASSWORD
        )
        user.groups.add(_group_b(demo_group, home))
        Person.objects.create(
            site=site, user=user, full_name=username, role=role, work_group=groups.get(group_code)
        )
        users[username] = user
    return {"site": site, "home": home, "hub": hub, "o1": o1, "page": page, "users": users}


def mark_office_a(site):
    """Records of every office-owned kind in office A, each carrying ``MARK_A``."""
    board = Page.objects.get(content_type__model="questionboardpage").specific
    author = Person.objects.get(site=site, user__username="author")
    director = Person.objects.get(site=site, user__username="director")
    group = WorkGroup.objects.create(site=site, code="marked", name_th=f"กลุ่ม {MARK_A}")
    records = {
        "question": Question.objects.create(
            site=site,
            page=board,
            tracking_hash="1" * 64,
            subject=f"คำถาม {MARK_A}",
            body=MARK_A,
            name=f"ผู้ถาม {MARK_A}",
            email=f"{MARK_A}@example.org",
        ),
        "complaint": CorruptionComplaint.objects.create(
            site=site,
            tracking_hash="2" * 64,
            complaint_type="bribery",
            subject=f"เรื่องร้องเรียน {MARK_A}",
            details=MARK_A,
            accused=MARK_A,
            anonymous=False,
            complainant_name=f"ผู้ร้อง {MARK_A}",
            complainant_email=f"{MARK_A}@example.org",
        ),
        "feedback": Feedback.objects.create(
            site=site,
            topic="other",
            message=f"ความเห็น {MARK_A}",
            name=MARK_A,
            email=f"{MARK_A}@example.org",
        ),
        "survey": SurveyResponse.objects.create(
            site=site,
            service=f"บริการ {MARK_A}",
            respondent="public",
            overall=5,
            staff=5,
            process=5,
            timeliness=5,
            information=5,
            comment=MARK_A,
        ),
        "work_group": group,
        "person": Person.objects.create(
            site=site, full_name=f"บุคคล {MARK_A}", role=Person.Role.AUTHOR, work_group=group
        ),
        "channel_log": ChannelLog.objects.create(
            site=site,
            channel="facebook",
            date=timezone.localdate(),
            title=f"โพสต์ {MARK_A}",
            work_group=group,
        ),
        "tracking_form": TrackingForm.objects.create(
            site=site, work_group=group, fiscal_year=2569, round=1, results=MARK_A
        ),
        "calendar": CalendarEntry.objects.create(
            site=site,
            fiscal_year=2569,
            title=f"กิจกรรม {MARK_A}",
            months=[1, 2],
            responsible=MARK_A,
        ),
        "delegation": Delegation.objects.create(
            site=site,
            order_number=f"คำสั่ง {MARK_A}",
            delegator=director,
            delegate=author,
            valid_from=timezone.localdate() - datetime.timedelta(days=1),
            valid_until=timezone.localdate() + datetime.timedelta(days=30),
            scope=MARK_A,
        ),
    }
    order = AppointmentOrder.objects.create(
        site=site,
        number=f"{MARK_A}/2569",
        date=timezone.localdate(),
        effective_from=timezone.localdate(),
        subject=f"แต่งตั้ง {MARK_A}",
        signed_by=MARK_A,
    )
    Appointment.objects.create(
        order=order,
        role=Appointment.Role.WEB_OFFICER,
        work_group=group,
        full_name=f"เจ้าหน้าที่ {MARK_A}",
    )
    records["appointment_order"] = order
    evidence = ComplaintEvidence(
        complaint=records["complaint"], original_name=f"{MARK_A}.pdf", kind="pdf", size=10
    )
    evidence.file.name = f"evidence/{MARK_A}.pdf"
    evidence.save()
    records["evidence"] = evidence
    # A draft in office A: its title, its steps' reasons and its emergency must stay in A.
    o1 = IndicatorPage.objects.get(item__code="O1", path__startswith=site.root_page.path)
    draft = DocumentPage(title=f"ร่าง {MARK_A}", slug=MARK_A, date=timezone.localdate(), live=False)
    o1.add_child(instance=draft)
    draft.catalogue_items.set([o1.item])
    revision = draft.save_revision(user=author.user)
    records["draft"] = draft
    records["revision"] = revision
    records["decision"] = ApprovalDecision.objects.create(
        page=draft,
        revision=revision,
        step=ApprovalDecision.Step.GROUP_REVIEW,
        decision=ApprovalDecision.Decision.REFUSED,
        user=director.user,
        acting_as=director,
        reason=f"เหตุผลภายใน {MARK_A}",
    )
    records["emergency"] = EmergencyPublication.objects.create(
        page=draft, revision=revision, published_by=director.user, reason=f"ฉุกเฉิน {MARK_A}"
    )
    return records


def build_office(slug, host, short_name, *, content=(), edition="ita-2566", hub=True, parent=None):
    """One more office with its own site and its live ``content``: ``[(item code, date), ...]``.

    With ``hub`` its pages sit under its hub's indicator pages (only those the content needs);
    without, under its home page and the edition comes from the office's profile. ``parent`` puts
    the office's home deeper in the tree than the other offices' (another root path length).
    Returns ``{"site", "home", "hub", "pages": {code: [page, ...]}}``.
    """
    edition = CatalogueEdition.objects.get(slug=edition)
    parent = parent or Page.get_first_root_node()
    home = parent.add_child(instance=HomePage(title=f"หน้าแรก {short_name}", slug=slug))
    site = Site.objects.create(hostname=host, port=80, root_page=home, site_name=slug)
    profile = OfficeProfile.for_site(site)
    profile.name = profile.short_name = short_name
    profile.active_edition = edition
    profile.save()
    WorkGroup.create_defaults(site)
    office = {"site": site, "home": home, "hub": None, "pages": {}}
    if hub:
        office["hub"] = home.add_child(
            instance=TransparencyHubPage(title=f"OIT {short_name}", slug="oit", edition=edition)
        )
    indicators = {}
    with trusted_publication():
        for n, (code, date) in enumerate(content):
            item = edition.items.get(code=code)
            under = home
            if hub:
                if code not in indicators:
                    indicators[code] = office["hub"].add_child(
                        instance=IndicatorPage(title=item.name_th, slug=code.lower(), item=item)
                    )
                under = indicators[code]
            page = DocumentPage(
                title=f"{code} {short_name} {n}",
                slug=f"{slug}-{n}",
                date=date or timezone.localdate(),
            )
            under.add_child(instance=page)
            page.catalogue_items.set([item])
            page.save_revision().publish()
            page.refresh_from_db()
            office["pages"].setdefault(code, []).append(page)
    return office


PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def png(colour="orange"):
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


def upload_media(client, title):
    """An image and a document titled ``title``, uploaded through Wagtail's own admin forms by
    ``client``'s user (so they land where the library puts that user's uploads)."""
    rights = {"source": "กลุ่มนโยบายและแผน", "licence": "own"}
    image = client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": SimpleUploadedFile("a.png", png(), "image/png"), **rights},
    )
    assert image.status_code == 302, image.content.decode()[:3000]
    document = client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile("a.pdf", PDF, "application/pdf"), **rights},
    )
    assert document.status_code == 302, document.content.decode()[:3000]
    return {
        "image": get_image_model().objects.get(title=title),
        "document": get_document_model().objects.get(title=title),
    }

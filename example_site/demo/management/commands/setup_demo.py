"""Build the demo office: catalogue, work groups, one user per role, Thai sample content.

Idempotent: running it again updates what is there and adds what is missing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Site

from demo import channels, content, followup
from demo.models import HomePage
from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.models import (
    Agency,
    CatalogueEdition,
    DocumentPage,
    IndicatorPage,
    OfficeProfile,
    Person,
    TransparencyHubPage,
    WorkGroup,
)
from wagtail_disclosure.office_setup import office_collection, set_up_office

DEMO_PASSWORD = "demo-2566"

# username, full name, position, role, work group code, Wagtail groups
DEMO_USERS = [
    ("author", "นางสาวสุดา ใจดี", "นักวิชาการคอมพิวเตอร์", Person.Role.AUTHOR, "policy", ["Editors"]),
    (
        "groupdirector",
        "นายสมชาย รักงาน",
        "ผู้อำนวยการกลุ่มนโยบายและแผน",
        Person.Role.GROUP_DIRECTOR,
        "policy",
        ["Moderators"],
    ),
    (
        "deputy",
        "นางวิไล ศรีสุข",
        "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
        Person.Role.DEPUTY,
        None,
        ["Moderators"],
    ),
    (
        "director",
        "นายประเสริฐ มั่นคง",
        "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
        Person.Role.DIRECTOR,
        None,
        ["Moderators"],
    ),
    (
        "publisher",
        "นายธนากร ทันสมัย",
        "นักวิชาการคอมพิวเตอร์ กลุ่ม ICT",
        Person.Role.PUBLISHER,
        "ict",
        ["Editors"],
    ),
    (
        "supervisor",
        "นางพรทิพย์ ตรวจตรา",
        "ศึกษานิเทศก์ คณะที่ปรึกษา",
        Person.Role.SUPERVISOR,
        "supervision",
        [],
    ),
    (
        "integrity",
        "นางสาวเที่ยงธรรม ซื่อตรง",
        "นิติกร กลุ่มกฎหมายและคดี (ศูนย์ปฏิบัติการต่อต้านการทุจริต)",
        Person.Role.INTEGRITY,
        "legal",
        ["Integrity"],
    ),
    ("admin", "ผู้ดูแลระบบ", "ผู้ดูแลระบบ", None, "ict", []),
]


class Command(BaseCommand):
    help = "Set up the demo office (refuses unless DEBUG is on or --force is given)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")
        parser.add_argument("--quiet", action="store_true")
        parser.add_argument(
            "--single-office",
            action="store_true",
            help="Leave out the second office and the supervising agency.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "setup_demo creates users with published passwords; it runs only with DEBUG on, or with --force."
            )
        with transaction.atomic():
            load("ita-2566")
            site, home = self.site_and_home()
            profile = OfficeProfile.for_site(site)
            profile.name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๑"
            profile.short_name = "สพป.ตัวอย่าง เขต ๑"
            profile.website = "http://127.0.0.1:8000/"
            profile.active_edition = CatalogueEdition.objects.get(slug="ita-2566")
            profile.save()
            # What a real office gets from disclosure_setup_office, then the demo users.
            hub = set_up_office(site, hub_intro=content.HUB_INTRO).hub
            self.users(site)
            with trusted_publication():  # the demo's sample content stands in for approved pages
                content.build(hub, site)
                channels.build(hub, site)
                followup.build(site)
            self.delegation(site)
            if not options["single_office"]:
                second = self.second_office(profile.active_edition)
                self.agency([site, second])
        if not options["quiet"]:
            self.stdout.write(self.style.SUCCESS(f"Demo office ready. Hub: {hub.url_path} → /oit/"))
            self.stdout.write("Users (password for all: %s):" % DEMO_PASSWORD)
            for username, full_name, position, *_rest in DEMO_USERS:
                self.stdout.write(f"  {username:14} {full_name} — {position}")
            if not options["single_office"]:
                self.stdout.write(
                    "  director2      director of the second office (office2.localhost)"
                )
                self.stdout.write(
                    "  agency         the supervising agency: both offices' readiness"
                )

    def second_office(self, edition):
        """A second office on the same install (``office2.localhost``), with its own hub, one
        page and its director: one install serves several offices, each seeing only its own."""
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(slug="office-2").first() or root.add_child(
            instance=HomePage(title="หน้าแรก เขต ๒", slug="office-2", body="<p>เขต ๒</p>")
        )
        site, _created = Site.objects.get_or_create(
            hostname="office2.localhost",
            port=80,
            defaults={"root_page": home, "site_name": "demo-2"},
        )
        profile = OfficeProfile.for_site(site)
        profile.name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๒"
        profile.short_name = "สพป.ตัวอย่าง เขต ๒"
        profile.active_edition = edition
        profile.save()
        WorkGroup.create_defaults(site)
        office_collection(site)  # the demo's library so far becomes office 1's
        hub = TransparencyHubPage.objects.child_of(home).first() or home.add_child(
            instance=TransparencyHubPage(
                title="การเปิดเผยข้อมูลสาธารณะ (OIT)", slug="oit", edition=edition
            )
        )
        for item in edition.items.order_by("sort_order"):
            if not IndicatorPage.objects.child_of(hub).filter(item=item).exists():
                hub.add_child(
                    instance=IndicatorPage(title=item.name_th, slug=item.code.lower(), item=item)
                )
        o1 = IndicatorPage.objects.child_of(hub).get(item__code="O1")
        if not o1.get_children().exists():
            page = DocumentPage(
                title="โครงสร้างการบริหารงาน สพป.ตัวอย่าง เขต ๒",
                slug="structure",
                responsible_group=WorkGroup.objects.get(site=site, code="admin"),
            )
            with trusted_publication():
                o1.add_child(instance=page)
                page.catalogue_items.set([o1.item])
                page.save_revision().publish()
        user, created = get_user_model().objects.get_or_create(
            username="director2", defaults={"email": "director2@demo-office.example"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name="Supervisors"))
        Person.objects.update_or_create(
            site=site,
            user=user,
            defaults={
                "full_name": "นายสมหมาย ตั้งใจ",
                "position": "ผู้อำนวยการ สพป.ตัวอย่าง เขต ๒",
                "role": Person.Role.DIRECTOR,
            },
        )
        return site

    def agency(self, sites):
        """The supervising agency's user: sees both offices' readiness, nothing else of theirs."""
        user, created = get_user_model().objects.get_or_create(
            username="agency", defaults={"email": "agency@obec.example", "first_name": "สพฐ."}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name="Supervisors"))  # admin access only
        agency, _created = Agency.objects.get_or_create(
            name="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (ตัวอย่าง)", level=Agency.Level.AGENCY
        )
        agency.offices.set(sites)
        agency.members.add(user)

    def delegation(self, site):
        """The deputy acts on the director's behalf under an order in force for the demo's year."""
        import datetime

        from django.utils import timezone

        from wagtail_disclosure.models import Delegation

        today = timezone.localdate()
        Delegation.objects.update_or_create(
            site=site,
            order_number="คำสั่ง สพป.ตัวอย่าง เขต ๑ ที่ ๑๒๓/๒๕๖๖",
            defaults={
                "delegator": Person.objects.get(site=site, user__username="director"),
                "delegate": Person.objects.get(site=site, user__username="deputy"),
                "valid_from": today - datetime.timedelta(days=30),
                "valid_until": today + datetime.timedelta(days=365),
                "scope": "สั่งการอนุญาตเผยแพร่ข้อมูลข่าวสารทางเว็บไซต์",
            },
        )

    def site_and_home(self):
        """Put a demo home page at the root of the default site, replacing Wagtail's welcome page."""
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            home = root.add_child(
                instance=HomePage(
                    title="หน้าแรก",
                    slug="office",
                    body="<p>ยินดีต้อนรับสู่เว็บไซต์สำนักงานเขตพื้นที่การศึกษาตัวอย่าง</p>",
                )
            )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="demo",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        welcome = Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        )
        for page in welcome:
            if (
                not page.get_children().exists()
                and not Site.objects.filter(root_page=page).exists()
            ):
                page.delete()
        return site, home

    def users(self, site):
        User = get_user_model()
        supervisors = Group.objects.get(name="Supervisors")
        # The demo's editors and reviewers also edit the home page.
        root = site.root_page
        for name in ("Editors", "Moderators"):
            for codename in ("add_page", "change_page"):
                GroupPagePermission.objects.get_or_create(
                    group=Group.objects.get(name=name),
                    page=root,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        groups = {g.code: g for g in WorkGroup.objects.filter(site=site)}
        for username, full_name, position, role, group_code, group_names in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@demo-office.example"}
            )
            first, _sep, last = full_name.partition(" ")
            user.first_name, user.last_name = first, last
            user.is_staff = username == "admin"
            user.is_superuser = username == "admin"
            if created or not user.has_usable_password():
                user.set_password(DEMO_PASSWORD)
            user.save()
            for name in group_names:
                user.groups.add(Group.objects.get(name=name))
            if username == "supervisor":
                user.groups.add(supervisors)
            if role:
                Person.objects.update_or_create(
                    site=site,
                    user=user,
                    defaults={
                        "full_name": full_name,
                        "position": position,
                        "role": role,
                        "work_group": groups.get(group_code),
                    },
                )

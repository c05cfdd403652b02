"""Who keeps each work group's pages current, by the orders in force; and one order as printed.

The สพป.ชุมพร เขต 1 order 62/2565 appoints one web officer in each of the office's ten work groups and a
board of advisers. ``officers_by_group`` reads the orders in force on a day
(``AppointmentOrder.objects.in_force``) and says, group by group, who is appointed and by which
order, and which groups have nobody: a person appointed who has since left (their record inactive)
no longer counts. ``order_context`` is what the printed order shows, in the office's digits.
"""

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Value, When
from django.templatetags.static import static
from django.utils import timezone

from wagtail_disclosure import conf
from wagtail_disclosure.models import Appointment, AppointmentOrder, OfficeProfile, WorkGroup
from wagtail_disclosure.thai import format_thai_date, thai_digits

ROLE_ORDER = {role: n for n, role in enumerate(Appointment.Role.values)}


@dataclass
class GroupOfficers:
    group: WorkGroup
    officers: list = field(default_factory=list)  # Appointment, in force

    @property
    def orders(self):
        seen = {}
        for officer in self.officers:
            seen.setdefault(officer.order.pk, officer.order)
        return list(seen.values())

    @property
    def missing(self):
        return not self.officers


def _in_force_appointments(site, day):
    orders = AppointmentOrder.objects.in_force(site, day)
    return (
        Appointment.objects.filter(order__in=orders)
        .exclude(person__active=False)
        .select_related("order", "person", "work_group")
        .annotate(
            role_rank=Case(
                *[When(role=role, then=Value(n)) for role, n in ROLE_ORDER.items()],
                output_field=IntegerField(),
            )
        )
        .order_by("role_rank", "order__date", "sort_order", "pk")
    )


def officers_by_group(site, day=None):
    """One ``GroupOfficers`` per work group of ``site``, in the office's order of its groups."""
    day = day or timezone.localdate()
    by_group = {}
    for appointment in _in_force_appointments(site, day).filter(role=Appointment.Role.WEB_OFFICER):
        by_group.setdefault(appointment.work_group_id, []).append(appointment)
    return [
        GroupOfficers(group, by_group.get(group.pk, []))
        for group in WorkGroup.objects.filter(site=site)
    ]


def committee(site, day=None):
    """The committee roles in force on ``day``, chair first."""
    return list(
        _in_force_appointments(site, day or timezone.localdate()).filter(
            role__in=Appointment.COMMITTEE
        )
    )


def order_context(order):
    """What the printed order (``print/appointment_order.html``) shows: the office, ``ที่``, ``เรื่อง``,
    the committee, then the web officers group by group, the duties, from when, and who signs."""
    site = order.site
    profile = OfficeProfile.for_site(site)
    digits = OfficeProfile.wants_thai_digits(site)

    def num(value):
        return thai_digits(str(value), force=True) if digits else str(value)

    appointments = list(
        order.appointments.select_related("person", "work_group").order_by("sort_order", "pk")
    )
    members = sorted(
        (a for a in appointments if a.is_committee),
        key=lambda a: (ROLE_ORDER[a.role], a.sort_order, a.pk),
    )
    # The groups in the order the order lists them (as typed), each with its officers.
    groups = {}
    for officer in (a for a in appointments if not a.is_committee):
        groups.setdefault(officer.work_group_id, {"group": officer.work_group, "officers": []})
        groups[officer.work_group_id]["officers"].append(officer)
    groups = list(groups.values())
    effective = order.effective_from
    emblem = conf.get("MEMO_EMBLEM")
    return {
        "order": order,
        "emblem_url": static(emblem) if emblem else "",
        "printed": format_thai_date(timezone.now(), digits=digits),
        "office": profile,
        "office_name": profile.name or profile.short_name or str(site),
        "number": num(order.number),
        "date": format_thai_date(order.date, digits=digits),
        "committee": [
            {
                "number": num(f"1.{n}"),
                "name": a.name,
                "position": a.shown_position,
                "role": _role_as_printed(a.role),
            }
            for n, a in enumerate(members, start=1)
        ],
        "groups": [dict(g, number=num(f"2.{n}")) for n, g in enumerate(groups, start=1)],
        "first": num(1),
        "second": num(2),
        # "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป" when the order takes effect the day it is signed.
        "since": format_thai_date(effective, digits=digits) if effective != order.date else "",
        "until": format_thai_date(order.effective_until, digits=digits)
        if order.effective_until
        else "",
        "preamble": [p.strip() for p in order.preamble.splitlines() if p.strip()],
        "replaces": order.replaces,
        "replaces_number": num(order.replaces.number) if order.replaces_id else "",
    }


def _role_as_printed(role):
    """The committee role as an order prints it (ประธาน, รองประธาน, กรรมการ ...)."""
    return {
        Appointment.Role.CHAIR: "ประธาน",
        Appointment.Role.VICE_CHAIR: "รองประธาน",
        Appointment.Role.MEMBER: "กรรมการ",
        Appointment.Role.SECRETARY: "กรรมการและเลขานุการ",
        Appointment.Role.ASSISTANT_SECRETARY: "กรรมการและผู้ช่วยเลขานุการ",
    }.get(role, "")

"""Web officers by appointment order: which groups have an officer appointed by an order in force,
and which have none — an order not yet in effect, ended, or replaced appoints nobody, nor does it
keep someone who has left (their record inactive)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.utils.appointments import ORDER_DATE, chumphon_order
from wagtail_disclosure.models import Appointment, AppointmentOrder, Person, WorkGroup
from wagtail_disclosure.reports.appointments import committee, officers_by_group

pytestmark = pytest.mark.django_db

DAY = datetime.date(2022, 6, 30)  # the end of the round the สพป.ชุมพร เขต 1 results report on


def missing(site, day=DAY):
    return [row.group.code for row in officers_by_group(site, day) if row.missing]


def test_order_62_2565_appoints_one_officer_in_each_of_the_ten_groups(demo):
    site = demo["site"]
    order = chumphon_order(site)
    rows = officers_by_group(site, DAY)
    assert len(rows) == WorkGroup.objects.filter(site=site).count() == 10
    assert missing(site) == []
    ict = next(r for r in rows if r.group.code == "ict")
    assert [a.name for a in ict.officers] == ["นายอณวัฒน์ นวลขนาย"]
    assert ict.orders == [order]
    roles = [a.role for a in committee(site, DAY)]
    assert roles[0] == Appointment.Role.CHAIR and roles.count(Appointment.Role.MEMBER) == 2
    assert len(roles) == 7


def test_groups_without_an_officer_in_force(demo):
    site = demo["site"]
    order = chumphon_order(site, skip_groups=("audit",))
    assert missing(site) == ["audit"]
    # Before the order took effect, nobody was appointed.
    assert len(missing(site, ORDER_DATE - datetime.timedelta(days=1))) == 10
    # An officer who has left no longer counts.
    left = Person.objects.create(
        site=site, full_name="นายศิลป์ชัย เผือกขำ", role=Person.Role.AUTHOR, active=False
    )
    order.appointments.filter(work_group__code="legal").update(person=left)
    assert missing(site) == ["legal", "audit"]
    # An order that has ended appoints nobody.
    AppointmentOrder.objects.filter(pk=order.pk).update(
        effective_until=DAY - datetime.timedelta(days=1)
    )
    assert len(missing(site)) == 10


def test_a_later_order_replaces_the_earlier_one_from_its_effective_day(demo):
    site = demo["site"]
    earlier = chumphon_order(site, number="116/2562", date=datetime.date(2019, 6, 1))
    later = chumphon_order(
        site,
        skip_groups=("finance",),
        replaces=earlier,
        effective_from=datetime.date(2022, 5, 1),
    )
    assert missing(site, datetime.date(2022, 4, 30)) == []  # the earlier one still in force
    assert missing(site, DAY) == ["finance"]  # replaced: finance has nobody under 62/2565
    assert AppointmentOrder.objects.in_force(site, DAY).get() == later


def test_orders_are_per_office_and_checked(demo):
    site = demo["site"]
    order = chumphon_order(site)
    order.effective_until = order.effective_from - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        order.full_clean()
    assert "effective_until" in refused.value.message_dict
    officer = Appointment(order=order, role=Appointment.Role.WEB_OFFICER, full_name="x")
    with pytest.raises(ValidationError) as refused:
        officer.full_clean()
    assert "work_group" in refused.value.message_dict

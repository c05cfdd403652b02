"""The records the office types in, as Wagtail ``ModelViewSet``s under /admin/disclosure/<name>/:
its work groups, people and the orders appointing its web officers (Disclosure menu), and its
follow-up records (Follow-up menu): the
publication channel log kept by the PR unit, the tracking forms each group fills in per round,
and the operating calendar.

Permissions are the models' own add/change/delete/view permissions; each viewset's URL namespace
is ``wagtail_disclosure_admin_<name>``, beside the hand-written screens' ``wagtail_disclosure_admin``.
"""

import contextlib
import copy

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    DateFromToRangeFilterAdapter,
)
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.models import Page, Site

from wagtail_disclosure.compat import permission_policy_for
from wagtail_disclosure.exports import ThaiSpreadsheetMixin
from wagtail_disclosure.forms.dates import (
    BuddhistDateField,
    BuddhistDateInput,
    BuddhistDateRangeField,
    BuddhistDateRangeWidget,
)
from wagtail_disclosure.models import AppointmentOrder, Person, WorkGroup
from wagtail_disclosure.models.followup import CalendarEntry, ChannelLog, TrackingForm
from wagtail_disclosure.models.offices import acting_office, for_office, offices_of, pages_of
from wagtail_disclosure.thai.dates import fiscal_round, format_thai_date
from wagtail_disclosure.views.menus import DISCLOSURE_MENU_HOOK, PermissionMenuItem


def scope_choices(fields, request, site):
    """Offer in ``fields`` only the sites the user acts for, and ``site``'s own groups, people and
    pages: nothing of another office is listed, nor accepted when posted."""
    for field in fields.values():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        model = field.queryset.model
        if model is Site:
            field.queryset = field.queryset & offices_of(request.user)
        elif issubclass(model, Page):
            field.queryset = field.queryset.filter(pk__in=pages_of(site).values("pk"))
        elif model in (WorkGroup, Person):
            field.queryset = for_office(field.queryset, site)
        else:
            # Another office-owned record (the order an order replaces); a TypeError says the
            # model is shared by every office (catalogue items, users).
            with contextlib.suppress(TypeError):
                field.queryset = for_office(field.queryset, site)


def scope_formsets(form, request, site):
    """``scope_choices`` for the rows of the form's inline formsets (an order's appointments):
    each formset gets its own copy of the row form with the office's choices only."""
    for formset in getattr(form, "formsets", {}).values():
        fields = copy.deepcopy(formset.form.base_fields)
        scope_choices(fields, request, site)
        formset.form = type(formset.form.__name__, (formset.form,), {})
        formset.form.base_fields = fields
        formset.__dict__.pop("forms", None)


class OfficeScopedViewMixin:
    """A viewset's screen over the records of the office the user acts for, and nothing else:
    the list, its filters and forms, and every screen of one record (edit, delete, history,
    usage, copy) answer 404 for another office's."""

    @cached_property
    def office_site(self):
        return acting_office(self.request)

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if queryset.model is self.model:
            queryset = for_office(queryset, self.office_site)
        return queryset

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not for_office(self.model._default_manager.filter(pk=obj.pk), self.office_site):
            raise Http404
        return obj

    @cached_property
    def filters(self):
        filters = super().filters
        if filters is not None:
            scope_choices(filters.form.fields, self.request, self.office_site)
        return filters

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        scope_choices(form.fields, self.request, self.office_site)
        scope_formsets(form, self.request, self.office_site)
        return form


def menu_item_order(registerable, order=None):
    """The item's own ``menu_order`` first, then its place in its group (Wagtail 8's rule, kept
    on Wagtail 7.4 too, where the group's place came first)."""
    return next(o for o in (registerable.menu_order, order, 8999) if o is not None)


class MenuGroup(ModelViewSetGroup):
    """A submenu of the app's viewsets, which other screens may join through ``submenu_hook``
    (Wagtail 8 does this itself; written out here so that Wagtail 7.4 does it too)."""

    submenu_hook = None

    def get_menu_item(self, order=None):
        return SubmenuMenuItem(
            label=self.menu_label,
            menu=Menu(register_hook_name=self.submenu_hook, items=self.get_submenu_items()),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=menu_item_order(self, order),
        )


class BuddhistDateFilter(django_filters.DateFilter):
    field_class = BuddhistDateField


class BuddhistDateFromToRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = BuddhistDateRangeField


class BuddhistFilterSet(WagtailFilterSet):
    """Wagtail's list filters, with dates typed and shown in B.E. ("15/11/2569")."""

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        filter_class, params = super().filter_for_lookup(field, lookup_type)
        if filter_class is django_filters.DateFilter:
            filter_class, params["widget"] = BuddhistDateFilter, BuddhistDateInput
        elif filter_class is django_filters.DateFromToRangeFilter:
            filter_class = BuddhistDateFromToRangeFilter
            params["widget"] = BuddhistDateRangeWidget
        return filter_class, params


class BuddhistDateFilterAdapter(BaseFilterAdapter):
    """An active date filter named in B.E. ("วันที่: 15 พฤศจิกายน 2569")."""

    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            format_thai_date(self.value),
            self.get_url_without_filter_param(self.name),
        )


class BuddhistDateRangeFilterAdapter(DateFromToRangeFilterAdapter):
    """An active date range named in B.E., Wagtail's own reports' included."""

    def format_value(self, value):
        return format_thai_date(value) if value is not None else self.empty_value_label


class IndexView(ThaiSpreadsheetMixin, generic.IndexView):
    """The list of a viewset; its CSV/XLSX downloads are the app's (BOM, formulas neutralised);
    its date filters in B.E."""

    base_filterset_class = BuddhistFilterSet


class DisclosureViewSet(ModelViewSet):
    """A viewset of the app; its menu item asks the model's permission policy, as the index does.

    Every screen is scoped to the office the user acts for (``OfficeScopedViewMixin``).
    """

    def construct_view(self, view_class, **kwargs):
        scoped = type(view_class.__name__, (OfficeScopedViewMixin, view_class), {})
        return super().construct_view(scoped, **kwargs)

    index_view_class = IndexView

    def get_permissions_to_register(self):
        # "view" too (Wagtail leaves it out without an inspect view): a viewer sees the list.
        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(self.model))

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            policy=permission_policy_for(self.model),
            actions=self.index_view_class.any_permission_required,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=menu_item_order(self, order),
        )


class PrefilledCreateView(generic.CreateView):
    """Starts a new record on the current site, with fields given in the query string."""

    prefill = ()

    def get_initial(self):
        initial = super().get_initial()
        site = acting_office(self.request)
        if site:
            initial.setdefault("site", site.pk)
        for name in self.prefill:
            if name in self.request.GET:
                initial[name] = self.request.GET[name]
        return initial


# --- the organisation (Disclosure menu) --------------------------------------------------------


class WorkGroupViewSet(DisclosureViewSet):
    model = WorkGroup
    name = "disclosure_work_groups"
    url_prefix = "disclosure/work-groups"
    url_namespace = "wagtail_disclosure_admin_work_groups"
    icon = "group"
    menu_name = "disclosure-work-groups"
    menu_label = _("Work groups")
    menu_order = 3
    list_display = ["name_th", "code", "site"]
    list_filter = ["site"]
    search_fields = ["name_th", "name_en", "code"]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
    ]


class PersonViewSet(DisclosureViewSet):
    model = Person
    name = "disclosure_people"
    url_prefix = "disclosure/people"
    url_namespace = "wagtail_disclosure_admin_people"
    icon = "user"
    menu_name = "disclosure-people"
    menu_label = _("People")
    menu_order = 4
    list_display = ["full_name", "position", "work_group", "role", "user", "active"]
    list_filter = ["site", "role", "work_group", "active"]
    search_fields = ["full_name", "position"]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("work_group"), FieldPanel("role")]),
        FieldPanel("oversees", widget=forms.CheckboxSelectMultiple),
        FieldPanel("user"),
        FieldPanel("active"),
    ]


class AppointmentOrderIndexView(IndexView):
    """The list of orders, each with a link to print it."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Print the order"),
                url=reverse("wagtail_disclosure_admin:appointment_order_print", args=[instance.pk]),
                icon_name="print",
                priority=25,
            )
        )
        return buttons


class AppointmentOrderViewSet(DisclosureViewSet):
    """The orders (คำสั่ง) appointing the web officers of each work group and their committee; the
    report of groups without an officer reads the orders in force (``reports.appointments``)."""

    model = AppointmentOrder
    name = "disclosure_appointment_orders"
    url_prefix = "disclosure/appointment-orders"
    url_namespace = "wagtail_disclosure_admin_appointment_orders"
    icon = "doc-full"
    menu_name = "disclosure-appointment-orders"
    menu_label = _("Appointment orders")
    menu_order = 5
    add_view_class = PrefilledCreateView
    index_view_class = AppointmentOrderIndexView
    list_display = ["number", "date", "subject", "effective_from", "effective_until"]
    list_filter = ["date"]
    search_fields = ["number", "subject"]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
        FieldPanel("subject"),
        FieldPanel("preamble"),
        FieldRowPanel(
            [FieldPanel("effective_from"), FieldPanel("effective_until"), FieldPanel("replaces")]
        ),
        InlinePanel(
            "appointments",
            heading=_("Appointed"),
            label=_("Person appointed"),
            panels=[
                FieldRowPanel([FieldPanel("role"), FieldPanel("work_group")]),
                FieldPanel("person"),
                FieldRowPanel([FieldPanel("full_name"), FieldPanel("position")]),
            ],
        ),
        FieldPanel("committee_duties"),
        FieldPanel("officer_duties"),
        FieldRowPanel([FieldPanel("signed_by"), FieldPanel("signer_position")]),
    ]


class DisclosureViewSetGroup(MenuGroup):
    """The Disclosure menu. The modeladmin screens join it through ``DISCLOSURE_MENU_HOOK``."""

    menu_label = _("Disclosure")
    menu_icon = "doc-full-inverse"
    menu_name = "disclosure"
    menu_order = 250
    submenu_hook = DISCLOSURE_MENU_HOOK
    items = (WorkGroupViewSet, PersonViewSet, AppointmentOrderViewSet)


# --- the follow-up records (Follow-up menu) ----------------------------------------------------


class ChannelLogCreateView(PrefilledCreateView):
    prefill = ("channel", "work_group", "catalogue_item", "date")

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class TrackingFormCreateView(PrefilledCreateView):
    prefill = ("work_group", "fiscal_year", "round")

    def get_initial(self):
        initial = super().get_initial()
        initial.setdefault("round", fiscal_round())
        return initial


class CalendarEntryCreateView(PrefilledCreateView):
    prefill = ("fiscal_year",)


class ChannelLogViewSet(DisclosureViewSet):
    model = ChannelLog
    name = "disclosure_channel_log"
    url_prefix = "disclosure/channel-log"
    url_namespace = "wagtail_disclosure_admin_channel_log"
    icon = "globe"
    menu_name = "disclosure-channel-log"
    menu_label = _("Channel log")
    add_view_class = ChannelLogCreateView
    list_display = ["date", "channel", "outlet", "quantity", "title", "work_group"]
    list_filter = ["channel", "work_group", "date"]
    list_export = [
        "date",
        "channel",
        "outlet",
        "quantity",
        "title",
        "work_group",
        "catalogue_item",
        "url",
    ]
    search_fields = ["title", "outlet", "note"]
    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("outlet")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("quantity")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("work_group"), FieldPanel("catalogue_item")]),
        FieldPanel("page"),
        FieldPanel("url"),
        FieldPanel("note"),
        FieldPanel("site"),
    ]


class TrackingFormViewSet(DisclosureViewSet):
    model = TrackingForm
    name = "disclosure_tracking_forms"
    url_prefix = "disclosure/tracking-forms"
    url_namespace = "wagtail_disclosure_admin_tracking_forms"
    icon = "form"
    menu_name = "disclosure-tracking-form-records"
    menu_label = _("Tracking forms")
    add_view_class = TrackingFormCreateView
    list_display = ["work_group", "fiscal_year", "round", "updated_at"]
    list_filter = ["fiscal_year", "round", "work_group"]
    panels = [
        FieldRowPanel([FieldPanel("work_group"), FieldPanel("fiscal_year"), FieldPanel("round")]),
        FieldPanel("responsible_people"),
        MultiFieldPanel(
            [FieldPanel("results"), FieldPanel("improvements"), FieldPanel("help_wanted")],
            heading=_("Follow-up"),
        ),
        FieldPanel("site"),
    ]


class CalendarEntryViewSet(DisclosureViewSet):
    model = CalendarEntry
    name = "disclosure_calendar"
    url_prefix = "disclosure/operating-calendar"
    url_namespace = "wagtail_disclosure_admin_calendar"
    icon = "calendar"
    menu_name = "disclosure-calendar-entries"
    menu_label = _("Operating calendar")
    add_view_class = CalendarEntryCreateView
    list_display = ["title", "fiscal_year", "sort_order", "responsible"]
    list_filter = ["fiscal_year"]
    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("sort_order")]),
        FieldPanel("title"),
        FieldPanel("months"),
        FieldPanel("responsible"),
        FieldPanel("site"),
    ]


class FollowUpViewSetGroup(MenuGroup):
    menu_label = _("Follow-up")
    menu_name = "disclosure-follow-up-records"
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (ChannelLogViewSet, TrackingFormViewSet, CalendarEntryViewSet)

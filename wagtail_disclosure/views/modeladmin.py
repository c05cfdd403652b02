"""The screens kept on wagtail-modeladmin: the catalogue (editions and items) and the compliance runs.

These are records the office reads rather than types: the catalogue is loaded from the
announcements' data files (``load_disclosure_catalogue``) and the compliance runs are written by
the checks. modeladmin builds such a screen whole from the model, with no form or panels to keep
for records nobody types in: the list with Django-admin filters, search, and an inspect view of
every field. The records the office types in are viewsets (``views.viewsets``).

The screens sit under /admin/disclosure/ and join the Disclosure menu of ``viewsets``.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Revision
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import CreateView, InspectView

from wagtail_disclosure.approval.setup import set_up_approval
from wagtail_disclosure.catalogue import effective
from wagtail_disclosure.models import (
    CatalogueEdition,
    CatalogueItem,
    ComplianceRun,
    ItemOverride,
    TransparencyHubPage,
)
from wagtail_disclosure.models.offices import acting_office, for_office
from wagtail_disclosure.thai.dates import format_admin_date
from wagtail_disclosure.views.menus import DISCLOSURE_MENU_HOOK, PermissionMenuItem
from wagtail_disclosure.views.permissions import UserRulePolicy

DATE_FIELDS = (models.DateField, models.DateTimeField)  # a DateTimeField is a DateField


class BuddhistInspectView(InspectView):
    """modeladmin's inspect view, its dates in B.E. (it printed them in Django's format, C.E.)."""

    def get_field_display_value(self, field_name, field=None):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.date):
            return format_admin_date(value)
        if isinstance(value, Revision):
            # Wagtail's own text is '"title" at 2026-12-07 13:42:45.846892+00:00'.
            return _("Revision #%(id)s of “%(title)s”, %(date)s") % {
                "id": value.pk,
                "title": value.object_str,
                "date": format_admin_date(value.created_at),
            }
        return value


def be_column(field):
    """A list column showing a date field in B.E., sorted and headed as the field."""

    def column(obj):
        value = getattr(obj, field.name)
        return format_admin_date(value) if value else ""

    column.short_description = field.verbose_name
    column.admin_order_field = field.name
    column.__name__ = field.name
    return column


class DisclosureModelAdmin(ModelAdmin):
    """A modeladmin screen of the app: listed in the Disclosure menu, shown to who may list it;
    its dates in B.E., in the list and the inspect view."""

    add_to_admin_menu = False  # its item joins the Disclosure menu through the menu's hook
    inspect_view_class = BuddhistInspectView

    def get_list_display(self, request):
        columns = []
        for name in super().get_list_display(request):
            try:
                field = self.model._meta.get_field(name) if isinstance(name, str) else None
            except FieldDoesNotExist:
                field = None
            columns.append(be_column(field) if isinstance(field, DATE_FIELDS) else name)
        return columns

    def register_with_wagtail(self):
        super().register_with_wagtail()
        hooks.register(DISCLOSURE_MENU_HOOK, self.get_menu_item)

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.get_menu_label(),
            self.url_helper.index_url,
            policy=UserRulePolicy(self.model, self.permission_helper.user_can_list),
            name=self.get_menu_item_name(),
            icon_name=self.get_menu_icon(),
            order=order or self.get_menu_order(),
        )


class ReadOnlyPermissionHelper(PermissionHelper):
    """Catalogue editions come from files (``load_disclosure_catalogue``): nobody adds, edits or
    deletes them in the admin, a superuser included. An office changes an item's flags with an
    ``ItemOverride`` its director confirms."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class CatalogueEditionAdmin(DisclosureModelAdmin):
    permission_helper_class = ReadOnlyPermissionHelper
    model = CatalogueEdition
    base_url_path = "disclosure/catalogue-editions"
    menu_item_name = "disclosure-catalogue-editions"
    menu_label = _("Catalogue editions")
    menu_icon = "list-ul"
    menu_order = 1
    list_display = ("slug", "name_th", "year", "loaded_at")
    search_fields = ("slug", "name_th", "name_en")
    inspect_view_enabled = True


class CatalogueItemAdmin(DisclosureModelAdmin):
    permission_helper_class = ReadOnlyPermissionHelper
    model = CatalogueItem
    base_url_path = "disclosure/catalogue-items"
    menu_item_name = "disclosure-catalogue-items"
    menu_label = _("Catalogue items")
    menu_icon = "tasks"
    menu_order = 2
    list_display = (
        "code",
        "name_th",
        "section",
        "needs_approval",
        "fiscal_year_bound",
        "default_group_code",
    )
    list_filter = ("edition", "needs_approval", "fiscal_year_bound", "family")
    search_fields = ("code", "name_th", "name_en")
    inspect_view_enabled = True


class OfficeInspectView(BuddhistInspectView):
    """One record, of the office the user acts for only (404 for another office's)."""

    def dispatch(self, request, *args, **kwargs):
        records = self.model._default_manager.filter(pk=self.instance.pk)
        if not for_office(records, acting_office(request)).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class OverridePermissionHelper(PermissionHelper):
    """An override is asked for, then confirmed; once confirmed it is a record, not a draft."""

    def user_can_edit_obj(self, user, obj):
        return obj.confirmed_at is None and super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        return obj.confirmed_at is None and super().user_can_delete_obj(user, obj)


class OverrideCreateView(CreateView):
    def form_valid(self, form):
        form.instance.requested_by = self.request.user
        return super().form_valid(form)


class OverrideButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if obj.confirmed_at is None and effective.may_confirm(self.request.user, obj):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("confirm", obj.pk),
                    "label": _("Confirm"),
                    "classname": "button button-small button-secondary",
                    "title": _("Confirm this override"),
                }
            )
        return buttons


class ItemOverrideAdmin(DisclosureModelAdmin):
    """An office's own change to an item's flags: asked for with a reason, in force once the
    director confirms it (``catalogue.effective``); the list is its history."""

    model = ItemOverride
    base_url_path = "disclosure/item-overrides"

    def get_queryset(self, request):
        return for_office(super().get_queryset(request), acting_office(request))

    menu_item_name = "disclosure-item-overrides"
    menu_label = _("Item overrides")
    menu_icon = "lock"
    menu_order = 3
    permission_helper_class = OverridePermissionHelper
    button_helper_class = OverrideButtonHelper
    create_view_class = OverrideCreateView
    form_fields_exclude = ["requested_by", "confirmed_by", "confirmed_at"]
    list_display = (
        "item",
        "site",
        "needs_approval",
        "default_group_code",
        "update_months",
        "reason",
        "requested_by",
        "requested_at",
        "confirmed_by",
        "confirmed_at",
    )
    list_filter = ("site", "item__edition")
    search_fields = ("item__code", "reason")
    inspect_view_enabled = True

    def confirm_view(self, request, instance_pk):
        return confirm_override(request, instance_pk, self.url_helper.index_url)

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            re_path(
                self.url_helper.get_action_url_pattern("confirm"),
                self.confirm_view,
                name=self.url_helper.get_action_url_name("confirm"),
            ),
        )


def confirm_override(request, instance_pk, index_url):
    """The director confirms (a POST, after a page that says what is confirmed); anyone else
    (the person who asked included) is refused, and nothing changes."""
    override = get_object_or_404(
        for_office(ItemOverride.objects.all(), acting_office(request)), pk=instance_pk
    )
    if request.method != "POST":
        return render(
            request,
            "wagtail_disclosure/catalogue/confirm_override.html",
            {"override": override, "index_url": index_url},
        )
    try:
        effective.confirm(override, request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(index_url)
    # Who may publish at once follows the office's catalogue as it now stands.
    hub = TransparencyHubPage.objects.descendant_of(override.site.root_page).first()
    if hub is not None:
        set_up_approval(override.site, hub)
    messages.success(request, _("The override is confirmed and now in force."))
    return redirect(index_url)


class ComplianceRunAdmin(DisclosureModelAdmin):
    """The audit trail of the compliance checks: what was found at each submission and approval,
    of the office the user acts for (the runs of its pages)."""

    inspect_view_class = OfficeInspectView

    def get_queryset(self, request):
        return for_office(super().get_queryset(request), acting_office(request))

    model = ComplianceRun
    base_url_path = "disclosure/compliance-runs"
    menu_item_name = "disclosure-compliance-runs"
    menu_label = _("Compliance runs")
    menu_icon = "warning"
    menu_order = 5
    list_display = ("created_at", "page", "stage", "user", "passed")
    list_filter = ("stage", "passed")
    search_fields = ("page__title",)
    inspect_view_enabled = True
    inspect_view_fields = (
        "page",
        "revision",
        "task_state",
        "stage",
        "user",
        "created_at",
        "passed",
        "results",
        "overrides",
    )


SCREENS = (CatalogueEditionAdmin, CatalogueItemAdmin, ItemOverrideAdmin, ComplianceRunAdmin)

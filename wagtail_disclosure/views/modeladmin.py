"""The screens kept on wagtail-modeladmin: the catalogue (editions and items) and the compliance runs.

These are records the office reads rather than types: the catalogue is loaded from the
announcements' data files (``load_disclosure_catalogue``) and the compliance runs are written by
the checks. modeladmin builds such a screen whole from the model, with no form or panels to keep
for records nobody types in: the list with Django-admin filters, search, and an inspect view of
every field. The records the office types in are viewsets (``views.viewsets``).

The screens sit under /admin/disclosure/ and join the Disclosure menu of ``viewsets``.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import InspectView

from wagtail_disclosure.models import CatalogueEdition, CatalogueItem, ComplianceRun
from wagtail_disclosure.models.offices import acting_office, for_office
from wagtail_disclosure.views.menus import DISCLOSURE_MENU_HOOK, PermissionMenuItem
from wagtail_disclosure.views.permissions import UserRulePolicy


class DisclosureModelAdmin(ModelAdmin):
    """A modeladmin screen of the app: listed in the Disclosure menu, shown to who may list it."""

    add_to_admin_menu = False  # its item joins the Disclosure menu through the menu's hook

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


class CatalogueEditionAdmin(DisclosureModelAdmin):
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


class OfficeInspectView(InspectView):
    """One record, of the office the user acts for only (404 for another office's)."""

    def dispatch(self, request, *args, **kwargs):
        records = self.model._default_manager.filter(pk=self.instance.pk)
        if not for_office(records, acting_office(request)).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


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


SCREENS = (CatalogueEditionAdmin, CatalogueItemAdmin, ComplianceRunAdmin)

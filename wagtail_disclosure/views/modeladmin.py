"""Admin screens for the catalogue and the organisation (wagtail-modeladmin).

Registered from ``wagtail_hooks``; kept here so the hooks module only registers.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from wagtail_disclosure.models import (
    CatalogueEdition,
    CatalogueItem,
    ComplianceRun,
    Person,
    WorkGroup,
)


class CatalogueEditionAdmin(ModelAdmin):
    model = CatalogueEdition
    menu_label = _("Catalogue editions")
    menu_icon = "list-ul"
    list_display = ("slug", "name_th", "year", "loaded_at")
    search_fields = ("slug", "name_th", "name_en")
    inspect_view_enabled = True


class CatalogueItemAdmin(ModelAdmin):
    model = CatalogueItem
    menu_label = _("Catalogue items")
    menu_icon = "tasks"
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


class WorkGroupAdmin(ModelAdmin):
    model = WorkGroup
    menu_label = _("Work groups")
    menu_icon = "group"
    list_display = ("name_th", "code", "site")
    list_filter = ("site",)
    search_fields = ("name_th", "name_en", "code")


class PersonAdmin(ModelAdmin):
    model = Person
    menu_label = _("People")
    menu_icon = "user"
    list_display = ("full_name", "position", "work_group", "role", "user", "active")
    list_filter = ("site", "role", "work_group", "active")
    search_fields = ("full_name", "position")


class CheckRunAdmin(ModelAdmin):
    """The audit trail of the compliance checks: what was found at each submission and approval."""

    model = ComplianceRun
    menu_label = _("Check runs")
    menu_icon = "warning"
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


class DisclosureAdminGroup(ModelAdminGroup):
    menu_label = _("Disclosure")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (CatalogueEditionAdmin, CatalogueItemAdmin, WorkGroupAdmin, PersonAdmin, CheckRunAdmin)

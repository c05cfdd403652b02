"""Registers the app's admin screens with Wagtail. Registration only: the code lives elsewhere."""

from django.urls import include, path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .modeladmin import DisclosureAdminGroup
from .workflows import admin_hooks, admin_urls

modeladmin_register(DisclosureAdminGroup)

hooks.register("register_log_actions", admin_hooks.register_log_actions)
hooks.register("before_publish_page", admin_hooks.before_publish_page)
hooks.register("before_bulk_action", admin_hooks.before_bulk_action)
hooks.register("before_copy_page", admin_hooks.before_copy_page)
hooks.register("before_move_page", admin_hooks.before_move_page)
hooks.register("register_page_header_buttons", admin_hooks.page_header_buttons)
hooks.register("register_reports_menu_item", admin_hooks.history_menu_item)


@hooks.register("register_admin_urls")
def register_workflow_urls():
    return [
        path("disclosure/chain/", include(admin_urls, namespace="wagtail_disclosure_workflows"))
    ]

"""Registers the app's admin screens with Wagtail. Registration only: the code lives elsewhere."""

from wagtail_modeladmin.options import modeladmin_register

from .modeladmin import DisclosureAdminGroup

modeladmin_register(DisclosureAdminGroup)

# Public channels (issue 6): admin URLs, the "Public channels" menu and three reports.
from django.urls import include, path  # noqa: E402
from wagtail import hooks  # noqa: E402

from .channels import admin_menu  # noqa: E402


@hooks.register("register_admin_urls")
def register_channel_admin_urls():
    return [path("disclosure-channels/", include("wagtail_disclosure.channels.admin_urls"))]


@hooks.register("register_admin_menu_item")
def register_channels_menu():
    return admin_menu.channels_submenu()


@hooks.register("register_reports_menu_item")
def register_o16_report():
    return admin_menu.report_menu_items()[0]


@hooks.register("register_reports_menu_item")
def register_o17_report():
    return admin_menu.report_menu_items()[1]


@hooks.register("register_reports_menu_item")
def register_o29_report():
    return admin_menu.report_menu_items()[2]

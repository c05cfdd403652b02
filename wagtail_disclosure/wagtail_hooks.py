"""Registers the app's admin screens with Wagtail. Registration only: the code lives elsewhere."""

from wagtail_modeladmin.options import modeladmin_register

from .modeladmin import DisclosureAdminGroup

modeladmin_register(DisclosureAdminGroup)

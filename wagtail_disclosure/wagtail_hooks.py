"""Registers the app's admin screens with Wagtail. Registration only: the code lives elsewhere."""

from django.urls import include, path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .checks import views as check_views
from .modeladmin import DisclosureAdminGroup

modeladmin_register(DisclosureAdminGroup)


@hooks.register("register_admin_urls")
def register_check_urls():
    return [path("disclosure/checks/", include((check_views.urlpatterns(), check_views.app_name)))]


@hooks.register("register_reports_menu_item")
def register_images_lacking_rights():
    return check_views.reports_menu_items()[0]


@hooks.register("register_reports_menu_item")
def register_documents_lacking_rights():
    return check_views.reports_menu_items()[1]


hooks.register("after_create_page", check_views.after_save_message)
hooks.register("after_edit_page", check_views.after_save_message)

"""Registers the app's admin screens with Wagtail. Registration only: the code lives elsewhere."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from .modeladmin import DisclosureAdminGroup
from .reports import urls as report_urls
from .reports.views import user_can_view_reports
from .reports.viewsets import FollowUpViewSetGroup

modeladmin_register(DisclosureAdminGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include(report_urls, namespace="wagtail_disclosure_reports"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_reports(request.user)


def _report_menu_item(label, name, icon, order):
    @hooks.register("register_reports_menu_item")
    def register():
        return ReportMenuItem(
            label,
            reverse(f"wagtail_disclosure_reports:{name}"),
            name=f"disclosure-{name.replace('_', '-')}",
            icon_name=icon,
            order=order,
        )


for _order, (_label, _name, _icon) in enumerate(report_urls.MENU):
    _report_menu_item(_label, _name, _icon, 1000 + _order)


@hooks.register("register_admin_viewset")
def register_followup_viewsets():
    return FollowUpViewSetGroup()


@hooks.register("register_permissions")
def register_report_permission():
    return Permission.objects.filter(
        content_type__app_label="wagtail_disclosure", codename="view_reports"
    )

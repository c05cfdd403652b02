"""Registers the app's admin screens with Wagtail. Registration only: the code lives elsewhere."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from wagtail_disclosure.submissions import notifications as submission_notifications
from wagtail_disclosure.views import approval_hooks as workflow_hooks
from wagtail_disclosure.views import approval_urls as workflow_urls
from wagtail_disclosure.views import compliance as check_views
from wagtail_disclosure.views import reports_urls as report_urls
from wagtail_disclosure.views import submissions_menu as channel_menu
from wagtail_disclosure.views.followup import FollowUpViewSetGroup
from wagtail_disclosure.views.modeladmin import DisclosureAdminGroup
from wagtail_disclosure.views.reports import user_can_view_reports

modeladmin_register(DisclosureAdminGroup)


# Compliance checks (issue 4): the checks panel's URLs, media-rights reports, a message after save.
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


# Public channels (issue 6): admin URLs, the "Public channels" menu and the O16/O17/O29 reports.
@hooks.register("register_admin_urls")
def register_channel_admin_urls():
    return [path("disclosure-channels/", include("wagtail_disclosure.views.submissions_urls"))]


# The submission pages call this hook once a submission is stored: the officers get an e-mail.
hooks.register("after_disclosure_submission", submission_notifications.submission_received)


@hooks.register("register_admin_menu_item")
def register_channels_menu():
    return channel_menu.channels_submenu()


@hooks.register("register_reports_menu_item")
def register_o16_report():
    return channel_menu.report_menu_items()[0]


@hooks.register("register_reports_menu_item")
def register_o17_report():
    return channel_menu.report_menu_items()[1]


@hooks.register("register_reports_menu_item")
def register_o29_report():
    return channel_menu.report_menu_items()[2]


# Reports (issue 5): the report views, their menu items, the Follow-up records.
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


# Approval chain (issue 3): page-history log actions, publish-path messages, memo and history views.
hooks.register("register_log_actions", workflow_hooks.register_log_actions)
hooks.register("before_publish_page", workflow_hooks.before_publish_page)
hooks.register("before_bulk_action", workflow_hooks.before_bulk_action)
hooks.register("before_copy_page", workflow_hooks.before_copy_page)
hooks.register("before_move_page", workflow_hooks.before_move_page)
hooks.register("register_page_header_buttons", workflow_hooks.page_header_buttons)
hooks.register("register_reports_menu_item", workflow_hooks.history_menu_item)


@hooks.register("register_admin_urls")
def register_workflow_urls():
    return [
        path("disclosure/chain/", include(workflow_urls, namespace="wagtail_disclosure_workflows"))
    ]

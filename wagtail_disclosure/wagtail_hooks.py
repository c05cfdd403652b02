"""Registers the app's admin screens, menu items and admin hooks with Wagtail; nothing else.

Screens live in ``views`` (URLs in ``views.urls``, menu items in ``views.menus``).
"""

import django_filters
from django.contrib.auth.models import Permission
from django.urls import include, path
from wagtail import hooks
from wagtail.admin.active_filters import register_filter_adapter_class
from wagtail_modeladmin.options import modeladmin_register

from wagtail_disclosure.approval import attachments
from wagtail_disclosure.i18n import supplement
from wagtail_disclosure.submissions import notifications as submission_notifications
from wagtail_disclosure.views import (
    agencies,
    approval_hooks,
    compliance,
    dashboard,
    explorer,
    media_api,
    menus,
    modeladmin,
    offices,
    urls,
    viewsets,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("disclosure/", include(urls))]


@hooks.register("register_admin_viewset")
def register_disclosure_viewsets():
    return viewsets.DisclosureViewSetGroup()


@hooks.register("register_admin_viewset")
def register_followup_viewsets():
    return viewsets.FollowUpViewSetGroup()


@hooks.register("register_admin_viewset")
def register_agency_viewset():
    return agencies.AgencyViewSet()


hooks.register("register_settings_menu_item", menus.agencies)


# The admin API lists only the images and documents the user may choose (after Wagtail's own hooks).
hooks.register("construct_admin_api", media_api.construct_admin_api, order=100)

# Attachments inside the approval chain: a document is public only while an approved live page uses it.
hooks.register("before_serve_document", attachments.before_serve_document)

modeladmin_register(modeladmin.CatalogueEditionAdmin)
modeladmin_register(modeladmin.CatalogueItemAdmin)
modeladmin_register(modeladmin.ItemOverrideAdmin)
modeladmin_register(modeladmin.ComplianceRunAdmin)


@hooks.register("register_permissions")
def register_report_permission():
    """Permissions of no screen's model that groups are given in Settings → Groups."""
    return Permission.objects.filter(
        content_type__app_label="wagtail_disclosure",
        codename__in=["view_reports", "rollover_catalogueedition"],
    )


@hooks.register("register_permissions")
def register_chain_permissions():
    """Who may propose the office's approval chain, and who (besides the director) confirms it."""
    return Permission.objects.filter(
        content_type__app_label="wagtail_disclosure",
        codename__in=["add_approvalchain", "confirm_approvalchain"],
    )


hooks.register(menus.DISCLOSURE_MENU_HOOK, menus.rollover)
hooks.register("register_admin_menu_item", menus.submissions_menu)
hooks.register("register_admin_menu_item", offices.office_menu_item)
hooks.register(menus.DISCLOSURE_MENU_HOOK, menus.approval_chain)
hooks.register(menus.SUBMISSIONS_MENU_HOOK, menus.questions)
hooks.register(menus.SUBMISSIONS_MENU_HOOK, menus.complaints)
hooks.register(menus.SUBMISSIONS_MENU_HOOK, menus.feedback)
hooks.register(menus.SUBMISSIONS_MENU_HOOK, menus.survey)
hooks.register(menus.SUBMISSIONS_MENU_HOOK, menus.personal_data)

hooks.register("register_reports_menu_item", menus.approval_history)
hooks.register("register_reports_menu_item", menus.images_lacking_rights)
hooks.register("register_reports_menu_item", menus.documents_lacking_rights)
hooks.register("register_reports_menu_item", menus.service_statistics)
hooks.register("register_reports_menu_item", menus.satisfaction)
hooks.register("register_reports_menu_item", menus.complaint_statistics)
hooks.register("register_reports_menu_item", menus.agency)
hooks.register("register_reports_menu_item", menus.oit_readiness)
hooks.register("register_reports_menu_item", menus.itas)
hooks.register("register_reports_menu_item", menus.follow_up)
hooks.register("register_reports_menu_item", menus.tracking_forms)
hooks.register("register_reports_menu_item", menus.turnaround)
hooks.register("register_reports_menu_item", menus.freshness)
hooks.register("register_reports_menu_item", menus.operating_calendar)
hooks.register("register_reports_menu_item", menus.annual_report)
hooks.register("register_reports_menu_item", menus.web_officers)

# Active date filters named in B.E., on Wagtail's own screens too (viewsets.BuddhistFilterSet).
register_filter_adapter_class(
    django_filters.DateFilter, viewsets.BuddhistDateFilterAdapter, exact_class=False
)
register_filter_adapter_class(
    django_filters.DateFromToRangeFilter, viewsets.BuddhistDateRangeFilterAdapter
)

# Thai for the admin scripts' messages Wagtail's own Thai lacks (the sidebar, the editor).
hooks.register("insert_global_admin_js", supplement.admin_script)

# O-codes beside the titles in the page explorer; moves to an indicator that takes other kinds.
hooks.register("construct_explorer_page_queryset", explorer.annotate_codes)
hooks.register("before_move_page", explorer.before_move_page)

hooks.register("after_create_page", compliance.after_save_message)
hooks.register("after_edit_page", compliance.after_save_message)

hooks.register("register_log_actions", approval_hooks.register_log_actions)
hooks.register("before_publish_page", approval_hooks.before_publish_page)
hooks.register("before_bulk_action", approval_hooks.before_bulk_action)
hooks.register("before_copy_page", approval_hooks.before_copy_page)
hooks.register("before_move_page", approval_hooks.before_move_page)
hooks.register("register_page_header_buttons", approval_hooks.page_header_buttons)
hooks.register("construct_page_action_menu", approval_hooks.action_menu)
hooks.register("construct_homepage_panels", approval_hooks.homepage_panels)
hooks.register("construct_homepage_panels", dashboard.homepage_panels)
hooks.register("after_create_page", approval_hooks.after_save_open_memo)
hooks.register("after_edit_page", approval_hooks.after_save_open_memo)

# The submission pages call this hook once a submission is stored: the officers get an e-mail.
hooks.register("after_disclosure_submission", submission_notifications.submission_received)

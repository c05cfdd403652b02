from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailDisclosureConfig(AppConfig):
    name = "wagtail_disclosure"
    label = "wagtail_disclosure"
    verbose_name = _("Public disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import the models, which are not loaded
        # when Django imports this AppConfig.
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from wagtail_disclosure import (
            receivers,  # the signal receivers, connected below
            system_checks,  # noqa: F401 – registers the system checks
        )
        from wagtail_disclosure.compliance import rules  # noqa: F401 – registers the built-in rules
        from wagtail_disclosure.forms.dates import register_admin_date_fields
        from wagtail_disclosure.models.offices import OfficePagePermissionPolicy

        receivers.connect()
        # Page permissions per office (models.offices), in place of Wagtail's own policy.
        register_permission_policy(AbstractPage, OfficePagePermissionPolicy())
        # Before any admin form class is built (Wagtail's system checks build the page forms).
        register_admin_date_fields()

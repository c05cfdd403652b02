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
        from wagtail_disclosure import (
            compat,
            receivers,  # the signal receivers, connected below
            system_checks,  # noqa: F401 – registers the system checks
        )
        from wagtail_disclosure.compliance import rules  # noqa: F401 – registers the built-in rules
        from wagtail_disclosure.forms.dates import register_admin_date_fields
        from wagtail_disclosure.models.offices import (
            OfficeMediaPermissionPolicy,
            OfficePagePermissionPolicy,
        )

        receivers.connect()
        # Page and library permissions per office (models.offices), in place of Wagtail's own.
        compat.use_page_permission_policy(OfficePagePermissionPolicy)
        compat.use_media_permission_policy(OfficeMediaPermissionPolicy)
        # Before any admin form class is built (Wagtail's system checks build the page forms).
        register_admin_date_fields()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailDisclosureConfig(AppConfig):
    name = "wagtail_disclosure"
    label = "wagtail_disclosure"
    verbose_name = _("Public disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_disclosure import system_checks  # noqa: F401 – registers the system checks
        from wagtail_disclosure.approval import signals
        from wagtail_disclosure.search import signals as search_signals  # noqa: F401 – connects the search handlers

        signals.connect()

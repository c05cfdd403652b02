from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailDisclosureConfig(AppConfig):
    name = "wagtail_disclosure"
    label = "wagtail_disclosure"
    verbose_name = _("Public disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .search import signals  # noqa: F401 – connects the search signal handlers

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo office: its home page type and the ``setup_demo`` command."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"

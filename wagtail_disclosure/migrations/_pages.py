"""The page model the migrations point to, on both supported Wagtail lines.

Wagtail 8 made its page model swappable (``WAGTAIL_PAGE_MODEL``, set by Wagtail itself when a
site leaves it out) and ``makemigrations`` writes ``settings.WAGTAIL_PAGE_MODEL``; Wagtail 7.4 LTS
has neither the setting nor the swap, only ``wagtailcore.Page``. Edit a generated migration that
keys to pages to use ``PAGE_MODEL`` instead.
"""

from django.conf import settings

PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")

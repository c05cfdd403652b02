"""The example site with its own image and document models (``tests.custom_media``)."""

from example_site.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.custom_media"]  # noqa: F405
WAGTAILIMAGES_IMAGE_MODEL = "custom_media.OfficeImage"
WAGTAILDOCS_DOCUMENT_MODEL = "custom_media.OfficeDocument"

"""A site's own image and document models, as an office's Wagtail site may have them.

Used by ``settings.py`` here (the example site with ``WAGTAILIMAGES_IMAGE_MODEL`` and
``WAGTAILDOCS_DOCUMENT_MODEL`` naming these) to prove the app works beside custom models and that
``makemigrations`` then writes nothing into the installed package.
"""

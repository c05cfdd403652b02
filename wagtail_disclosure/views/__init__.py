"""The app's admin screens. Only ``wagtail_hooks`` and the URL modules import them (an
import-linter contract in pyproject.toml says so): a screen is never a library for other code.

``urls`` (one namespace under /admin/disclosure/), ``menus`` (one permission-aware menu item),
``permissions`` (who may open what), ``reports/`` and ``submissions/`` (one module per screen),
``viewsets`` and ``modeladmin`` (the model screens), ``compliance`` and ``approval*``.
"""

"""Absolute links, for what is read away from the site: e-mails, the request memo, the ITAS export.

Every absolute link the app writes is built here, on ONE configured address:
``WAGTAILADMIN_BASE_URL``, the scheme, host and port of the office's public site (the admin is
under its ``/admin/``). It carries the scheme, which a Wagtail Site cannot (a Site on port 80
behind an HTTPS proxy would give ``http://`` links), and it is a setting, so the system check
``wagtail_disclosure.W009`` can warn when it is localhost outside DEBUG. A ``wagtail start`` site's
default Site is ``localhost:80``: an office that sets the one setting gets right links without
touching Settings → Sites.

Several offices on one install: each office is a Wagtail Site with its own host name (Wagtail
serves it by that name), so a link to a page of an office other than the default site's takes
that Site's host name and port, with the configured scheme. Without the setting (a development
site), Wagtail's own rule: the Site's ``root_url``.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

STANDARD_PORTS = (80, 443)


def configured_base_url():
    """``WAGTAILADMIN_BASE_URL`` without its trailing slash ("" when unset)."""
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")


def base_url(site=None):
    """``scheme://host[:port]`` of links to ``site`` (default: the default site), no slash."""
    configured = configured_base_url()
    if site is None:
        site = None if configured else Site.objects.filter(is_default_site=True).first()
    if not configured:
        return site.root_url if site else ""
    if site is None or site.is_default_site:
        return configured
    parts = urlsplit(configured)
    if site.hostname == parts.hostname:
        return configured
    port = "" if site.port in STANDARD_PORTS else f":{site.port}"
    return f"{parts.scheme}://{site.hostname}{port}"


def absolute_url(path, site=None):
    """The absolute URL of ``path`` (from the site's root, starting with "/") on ``site``."""
    return base_url(site) + path


def page_url(page):
    """The absolute public URL of ``page``; "" for a page that no site serves."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    site_id, _root_url, page_path = parts
    site = Site.objects.filter(pk=site_id).first() if site_id else None
    return absolute_url(page_path, site)


def admin_url(viewname, *args):
    """The absolute URL of an admin screen (the admin is served on the default site's address)."""
    return absolute_url(reverse(viewname, args=args))

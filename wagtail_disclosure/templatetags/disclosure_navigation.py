"""Breadcrumbs of the public pages: ``{% load disclosure_navigation %}{% disclosure_breadcrumbs %}``.

Content pages were dead ends: a visitor who landed on one from a search engine had no way back to
its indicator or the hub. Every public page of the app shows the trail from the site's home page.
"""

from django import template
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("wagtail_disclosure/includes/breadcrumbs.html", takes_context=True)
def disclosure_breadcrumbs(context):
    """The live ancestors of ``page`` from the site's home page down, the page itself last.

    One query, of values: the ancestors' addresses are the page's own (Wagtail's rule: site,
    language prefix, trailing slash) cut at their place in the tree, not worked out page by page.
    """
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth is None:
        return {"trail": [], "current": None}
    parts = page.get_url_parts(request)
    page_url = page.get_url(request)
    if parts is None or parts[2] is None or page_url is None:
        return {"trail": [], "current": page.title}
    site_id, _root_url, page_path = parts
    prefix = page_url[: len(page_url) - len(page_path)]  # "" or the site's root URL
    root_path = next(
        (
            root.root_path
            for root in Site.get_site_root_paths()
            if root.site_id == site_id and page.url_path.startswith(root.root_path)
        ),
        None,
    )
    if root_path is None:
        return {"trail": [], "current": page.title}
    ancestors = (
        Page.objects.ancestor_of(page)
        .live()
        .filter(url_path__startswith=root_path)
        .order_by("depth")
        .values_list("title", "url_path")
    )
    path = page_path.rstrip("/")
    trail = []
    for title, url_path in ancestors:
        tail = page.url_path[len(url_path) :].rstrip("/")
        url = path[: len(path) - len(tail)] if tail else path
        if not WAGTAIL_APPEND_SLASH and url != "/":
            url = url.rstrip("/")
        trail.append((title, prefix + (url or "/")))
    return {"trail": trail, "current": page.title}

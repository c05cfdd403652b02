"""Breadcrumbs of the public pages: ``{% load disclosure_navigation %}{% disclosure_breadcrumbs %}``.

Content pages were dead ends: a visitor who landed on one from a search engine had no way back to
its indicator or the hub. Every public page of the app shows the trail from the site's home page.
"""

from django import template
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("wagtail_disclosure/includes/breadcrumbs.html", takes_context=True)
def disclosure_breadcrumbs(context):
    """The live ancestors of ``page`` from the site's home page down, the page itself last."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth is None:
        return {"trail": [], "current": None}
    site = page.get_site()
    ancestors = page.get_ancestors().live()
    if site is not None:
        ancestors = ancestors.filter(depth__gte=site.root_page.depth)
    trail = [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors.specific()]
    return {"trail": trail, "current": page.title}

"""Which site a request, or a page, is for: one answer for every screen, filter, rule and step.

An office may run several sites from one Wagtail (a head office and its schools); the admin has
no site of its own, so a screen works on the site its host name points to, else on the default
site. Wagtail's ``Site.find_for_request`` already falls back to the default site for an unknown
host; it answers ``None`` only without a request (a management command, a request built by hand),
and then the default site is the one meant.
"""

from wagtail.models import Site


def site_for_request(request):
    """The site ``request`` is for; the default site when the request names none."""
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def site_of_page(page):
    """The site ``page`` belongs to; ``None`` for a page not in the tree yet (an unsaved draft)."""
    if not getattr(page, "path", None):
        return None
    return page.get_site()

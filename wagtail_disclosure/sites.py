"""Which site a request is for: one answer for every admin screen, report filter and public view.

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

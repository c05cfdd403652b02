"""Running a search the way the public page does, so the benchmark measures the same thing."""

from wagtail.models import Page

from wagtail_disclosure.models import DisclosurePage, IndicatorPage
from wagtail_disclosure.search import segment


def search_scope(site=None):
    """Live, public pages (of ``site`` when given) that hold disclosed content."""
    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages.type(DisclosurePage, IndicatorPage)


def search_pages(queryset, text, backend=None):
    """Pages matching all words of ``text``; when none does, those matching any (best first).

    Citizens type whole sentences ("ขอดูเรื่องร้องเรียนการทุจริต"): one word missing from every page
    should rank the rest, not empty the page.
    """
    results = queryset.search(text, operator="and", backend=backend or "default")
    if len(segment.parse_query(text).terms) > 1 and not results.count():
        results = queryset.search(text, operator="or", backend=backend or "default")
    return results

"""The page explorer shows O-codes: an indicator page's item code beside its title, and on a
content page the codes of the items it answers ("O12 รายงาน…", "O11, O13 รายงาน…").

Wagtail's explorer lets a ``construct_explorer_page_queryset`` hook change the listed pages; the codes are annotated there as
correlated subqueries, and Wagtail copies annotations onto the specific pages it shows, whose
``get_admin_display_title`` (``models.pages.CodedAdminTitleMixin``) puts them before the title. One
query lists the page, whatever its length. (The sidebar's page menu calls the same hook through
the admin API, but combines the result with the user's explorable pages, which drops annotations:
it shows the plain titles.)
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail_disclosure.models import DisclosurePage, IndicatorPage
from wagtail_disclosure.models.pages import (
    EXPLORER_CODE,
    EXPLORER_CODE_COUNT,
    EXPLORER_SECOND_CODE,
)


def _answered_items():
    return (
        DisclosurePage.catalogue_items.through.objects.filter(disclosurepage_id=OuterRef("pk"))
        .order_by("catalogueitem__sort_order", "catalogueitem__code")
        .values("catalogueitem__code")
    )


def annotate_codes(parent_page, pages, request):
    """``construct_explorer_page_queryset``: the O-codes of every listed page, in the same query."""
    through = DisclosurePage.catalogue_items.through
    indicator_code = IndicatorPage.objects.filter(pk=OuterRef("pk")).values("item__code")[:1]
    item_count = (
        through.objects.filter(disclosurepage_id=OuterRef("pk"))
        .values("disclosurepage_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return pages.annotate(
        **{
            EXPLORER_CODE: Coalesce(Subquery(indicator_code), Subquery(_answered_items()[:1])),
            EXPLORER_SECOND_CODE: Subquery(_answered_items()[1:2]),
            EXPLORER_CODE_COUNT: Subquery(item_count),
        }
    )

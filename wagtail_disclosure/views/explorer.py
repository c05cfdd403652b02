"""The page explorer under indicators: O-codes beside the titles, and moves refused in Thai.

It shows O-codes: an indicator page's item code beside its title, and on a content page the codes
of the items it answers ("O12 รายงาน…", "O11, O13 รายงาน…").

Wagtail's explorer lets a ``construct_explorer_page_queryset`` hook change the listed pages; the codes are annotated there as
correlated subqueries, and Wagtail copies annotations onto the specific pages it shows, whose
``get_admin_display_title`` (``models.pages.CodedAdminTitleMixin``) puts them before the title. One
query lists the page, whatever its length. (The sidebar's page menu calls the same hook through
the admin API, but combines the result with the user's explorable pages, which drops annotations:
it shows the plain titles.)
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from wagtail.admin import messages

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


def before_move_page(request, page, destination):
    """``before_move_page``: a page kind the destination indicator does not take is refused with
    a message that says which kinds it takes, and the person chooses again (the model refuses it
    too: ``DisclosurePage.can_move_to``, ``receivers.guard_page_kind_move``)."""
    if page.pk == destination.pk or page.get_parent().pk == destination.pk:
        return None
    if not isinstance(page, DisclosurePage):
        return None
    message = page.refusal_under(destination)
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_pages:move", page.pk)
    return None

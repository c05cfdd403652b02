"""The public search page: Thai word search over the office's disclosure pages, with filters."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from wagtail_disclosure import conf
from wagtail_disclosure.models import (
    CatalogueEdition,
    DisclosurePage,
    IndicatorPage,
    TransparencyHubPage,
)
from wagtail_disclosure.search import segment
from wagtail_disclosure.search.forms import SearchForm
from wagtail_disclosure.search.highlight import highlight, page_text, snippet
from wagtail_disclosure.search.query import search_pages, search_scope, specific_pages
from wagtail_disclosure.sites import site_for_request
from wagtail_disclosure.thai.digits import uses_thai_digits

RESULTS_PER_PAGE = 10


def _hub(site):
    hubs = TransparencyHubPage.objects.live().select_related("edition")
    if site is not None:
        hubs = hubs.descendant_of(site.root_page)
    return hubs.first()


def _edition(hub):
    if hub is not None and hub.active_edition is not None:
        return hub.active_edition
    return CatalogueEdition.objects.filter(slug=conf.get("DEFAULT_EDITION")).first()


def _filter(pages, data):
    """Apply the form's filters; only pages of the chosen indicator, year and group remain."""
    content = DisclosurePage.objects.all()
    indicator = data.get("indicator")
    if indicator is not None:
        content = content.filter(catalogue_items=indicator)
    if data.get("fiscal_year"):
        content = content.filter(fiscal_year=data["fiscal_year"])
    if data.get("group") is not None:
        content = content.filter(responsible_group=data["group"])
    if not (indicator is not None or data.get("fiscal_year") or data.get("group") is not None):
        return pages
    allowed = content.values("pk")
    if indicator is not None and not data.get("fiscal_year") and data.get("group") is None:
        # The indicator's own page belongs in its results too.
        return pages.filter(id__in=allowed) | pages.filter(
            id__in=IndicatorPage.objects.filter(item=indicator).values("pk")
        )
    return pages.filter(id__in=allowed)


def _result(specific, query, request):
    text = page_text(specific)
    is_content = isinstance(specific, DisclosurePage)
    return {
        "page": specific,
        "url": specific.get_url(request),
        "title": highlight(specific.title, query) if query else specific.title,
        "snippet": snippet(text, query) if query else snippet(text, None),
        "date": specific.date if is_content else None,
        "codes": (
            [item.code for item in specific.catalogue_items.all()]
            if is_content
            else [specific.item.code]
        ),
        "kind": specific._meta.verbose_name,
    }


def search(request):
    site = site_for_request(request)
    scope = search_scope(site)
    hub = _hub(site)
    state = hub.hub_cache_key() if hub is not None else None
    form = SearchForm(
        request.GET or None,
        site=site,
        edition=_edition(hub),
        pages=DisclosurePage.objects.live().filter(pk__in=scope.values("pk")),
        state_key=state,
    )
    context = {"form": form, "results": None, "query": "", "message": ""}
    if form.is_bound and form.is_valid():
        text = form.cleaned_data["q"].strip()
        query = segment.parse_query(text) if text else None
        pages = _filter(scope, form.cleaned_data)
        results = None
        if text and not query:
            context["message"] = _("Type at least one word or number to search for.")
        elif text:
            results = search_pages(pages, text, within=site.root_page if site else None)
        elif form.has_filters:
            # Filters alone list the matching pages, newest first.
            results = DisclosurePage.objects.filter(pk__in=pages.values("pk")).order_by(
                "-date", "-pk"
            )
        if results is not None:

            def found(results=results, query=query):
                page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
                rows = [_result(p, query, request) for p in specific_pages(page_obj)]
                return {"page_obj": page_obj, "results": rows}

            # Lazy: when the cache holds this page of results, the search is never run.
            context.update(
                query=text,
                searched=True,
                found=SimpleLazyObject(found),
                querystring=_querystring_without_page(request),
                results_key=_results_key(state, request),
                results_cache_seconds=conf.get("HUB_CACHE_SECONDS"),
            )
    return render(request, "wagtail_disclosure/search/results.html", context)


def _results_key(state, request):
    """What a page of results depends on: the office's content (the hub's key) and the search.

    ``None`` (no caching) when the hub's table is not cached either. Publishing or withdrawing
    content changes the hub's key, so a cached page of results never outlives the content.
    """
    if not state:
        return None
    search = _querystring_without_page(request)
    return f"{state}|{search}|{request.GET.get('page', '')}|{int(bool(uses_thai_digits()))}"


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()

"""Running a search the way the public page does, so the benchmark measures the same thing."""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
from modelsearch.index import RelatedFields
from modelsearch.query import PlainText
from wagtail.models import Page

from wagtail_disclosure.models import DisclosurePage, IndicatorPage
from wagtail_disclosure.search import segment
from wagtail_disclosure.search.within import PlainTextWithin


def search_scope(site=None):
    """Live, public pages (of ``site`` when given) that hold disclosed content: content pages, and
    indicator pages that live content answers (an empty one is a dead end, not a result)."""
    pages = Page.objects.live().public()
    empty = IndicatorPage.objects.exclude(Exists(live_answers()))
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
        # The office's own indicator pages only: on an install of 245 offices the others are
        # 10,000 pages, each asked for its live answers on every search.
        empty = empty.descendant_of(site.root_page)
    return pages.type(DisclosurePage, IndicatorPage).exclude(pk__in=empty.values("pk"))


def live_answers():
    """Live content answering the outer indicator page's item in its office, as the hub counts it
    (``TransparencyHubPage.live_links``: anywhere under the hub's parent, below the hub's depth)."""
    office_path = Substr(OuterRef("path"), 1, (OuterRef("depth") - 2) * IndicatorPage.steplen)
    return DisclosurePage.catalogue_items.through.objects.filter(
        catalogueitem_id=OuterRef("item_id"),
        disclosurepage__live=True,
        disclosurepage__path__startswith=office_path,
        disclosurepage__depth__gt=OuterRef("depth") - 1,
    )


def search_pages(queryset, text, backend=None, within=None):
    """Pages matching all words of ``text``; when none does, those matching any (best first).

    Citizens type whole sentences ("ขอดูเรื่องร้องเรียนการทุจริต"): one word missing from every page
    should rank the rest, not empty the page. ``within`` (an office's root page, of which
    ``queryset`` holds only descendants) narrows the text match itself to that branch
    (``search.within``).
    """

    def query(operator):
        if within is None:
            return PlainText(text, operator=operator)
        return PlainTextWithin(text, within.pk, operator=operator)

    results = queryset.search(query("and"), backend=backend or "default")
    if len(segment.parse_query(text).terms) > 1 and not results.count():
        results = queryset.search(query("or"), backend=backend or "default")
    return results


def text_relations(model, fields=None, prefix=""):
    """Prefetch paths of every relation the searchable text of ``model`` reads, nested ones too."""
    paths = []
    for field in model.get_search_fields() if fields is None else fields:
        if not isinstance(field, RelatedFields):
            continue
        try:
            related = field.get_field(model).related_model
        except FieldDoesNotExist:
            continue  # a property, not a relation: nothing to prefetch
        path = prefix + field.field_name
        paths.append(path)
        if related is not None:
            paths.extend(text_relations(related, field.fields, path + "__"))
    return paths


def specific_pages(pages):
    """The specific pages of one page of results, in order, loaded with one query per page type.

    Their titles, snippets and indicator codes then read nothing more from the database, so a
    page of ten results costs what a page of one does.
    """
    pages = list(pages)
    ids_by_model = defaultdict(list)
    for page in pages:
        ids_by_model[page.specific_class].append(page.pk)
    loaded = {}
    for model, ids in ids_by_model.items():
        relations = text_relations(model)
        loaded.update(
            (page.pk, page)
            for page in model.objects.filter(pk__in=ids).prefetch_related(*relations)
        )
    return [loaded[page.pk] for page in pages if page.pk in loaded]

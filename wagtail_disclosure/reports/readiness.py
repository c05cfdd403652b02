"""OIT readiness: what each catalogue item's published content says about it, and percentages.

Statuses follow the vocabulary of the สพม.หนองคาย OIT report of 2566 (ข้อมูลสมบูรณ์ /
เพิ่มเติมข้อมูลให้สมบูรณ์ / ปรับปรุงข้อมูลให้เป็นปัจจุบัน) and are derived from the content, never typed
in, by the item's rules (catalogue format 2, ``docs/catalogue-format.md``):

- *missing*: no live content at all (and, for items the site itself answers, O9/O18, nothing
  listed in the office's online presence);
- *needs update*: the freshness rule (``catalogue.freshness``, the one rule) says outdated, or
  nothing falls in the item's scope (this fiscal year, the previous one, the academic year…);
- *needs more*: in scope, but fewer pages (or months) than required, a required file format or
  language absent, not approved through the request-memo chain when the item needs approval, or a
  part (or every alternative) not complete;
- *complete* otherwise. So an item counts complete only when it is current.

Each shortfall is one plain sentence (Thai in a Thai admin): the reason column and the ITAS
explanation. The public submission channels (O8, O28, O30 in ITA 2566) are pages that stay
valid while live; they count in scope whatever their date.

The figures come from aggregates in SQL over the link table and the live pages, grouped by office
and item: a constant number of queries whatever the number of pages or of offices
(``readiness_of_offices``); ``readiness`` is one office's.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.db import connections, models
from django.db.models import Case, Count, Exists, ExpressionWrapper, F, Max, OuterRef, Q, When
from django.db.models.functions import Cast, RowNumber, Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from wagtail_disclosure import compiled
from wagtail_disclosure.catalogue.effective import EffectiveItem, confirmed_overrides
from wagtail_disclosure.catalogue.freshness import Freshness, ItemFreshness, freshness_of
from wagtail_disclosure.links import absolute_url
from wagtail_disclosure.models import (
    CHANNEL_PAGES,
    CatalogueEdition,
    CatalogueItem,
    DisclosurePage,
    DocumentAttachment,
    EmergencyPublication,
    IndicatorPage,
    OfficeProfile,
    OnlinePresence,
    TransparencyHubPage,
    WorkGroup,
)
from wagtail_disclosure.models.pages import default_edition
from wagtail_disclosure.numbers import percent
from wagtail_disclosure.thai.dates import fiscal_year, fiscal_year_range, format_thai_date

Scope = CatalogueItem.Scope
LATEST_PER_ITEM = 3
ACADEMIC_YEAR_STARTS = (5, 16)  # 16 May: the first term of Thai schools


class Status(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    NEEDS_MORE = "needs_more", _("Needs more")
    NEEDS_UPDATE = "needs_update", _("Needs update")
    MISSING = "missing", _("Missing")


@dataclass(frozen=True)
class PageFact:
    """What a report needs to know of one live page."""

    pk: int
    title: str
    url: str
    date: datetime.date | None
    fiscal_year: int | None
    approved: bool = False
    group_id: int | None = None
    last_published_at: datetime.datetime | None = None
    in_scope: bool = True


@dataclass
class ItemFacts:
    """The aggregates of one item's live content on one office's site."""

    count: int = 0
    in_scope: int = 0
    approved: int = 0
    newest_date: datetime.date | None = None
    newest_fiscal_year: int | None = None
    months: int = 0  # distinct months of the content in scope: read for monthly items only
    formats: frozenset = frozenset()
    languages: frozenset = frozenset()
    channels: int = 0
    answered_by_site: bool = False


NO_FACTS = ItemFacts()  # an item nothing answers yet (never changed: ``replace`` makes a copy)
_figures = attrgetter(*(f.name for f in fields(ItemFacts)))  # an ItemFacts as a hashable tuple


@dataclass
class ItemReadiness:
    item: object
    status: str
    reason: str
    pages: list = field(default_factory=list)
    group: object = None
    freshness: ItemFreshness = ItemFreshness(Freshness.MISSING)
    public_url: str = ""
    parts: list = field(default_factory=list)
    has_content: bool = False

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def urls(self):
        return [p.url for p in self.pages if p.url]

    @property
    def latest_date(self):
        dates = [p.date for p in self.pages if p.date]
        return max(dates) if dates else None


# --- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """The content an item's scope counts on one day: fiscal year at least ``min_fy``, dated
    from ``since`` to ``until``, and for ``monthly`` that many distinct months."""

    min_fy: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    months: int = 0  # distinct months of the content in scope: read for monthly items only

    def holds(self, page):
        if self.min_fy is not None and (page.fiscal_year or 0) < self.min_fy:
            return False
        if self.since is not None and (page.date is None or page.date < self.since):
            return False
        return not (self.until is not None and (page.date is None or page.date > self.until))

    def q(self, prefix="disclosurepage__"):
        q = Q()
        if self.min_fy is not None:
            q &= Q(**{f"{prefix}fiscal_year__gte": self.min_fy})
        if self.since is not None:
            q &= Q(**{f"{prefix}date__gte": self.since})
        if self.until is not None:
            q &= Q(**{f"{prefix}date__lte": self.until})
        return q


def academic_year_start(day):
    month, dom = ACADEMIC_YEAR_STARTS
    start = datetime.date(day.year, month, dom)
    return start if day >= start else datetime.date(day.year - 1, month, dom)


def scope_of(item):
    """The item's scope: ``fiscal_year_bound`` (format 1's word, read by the freshness rule too)
    is the current fiscal year, so the two can never disagree."""
    if item.fiscal_year_bound:
        return Scope.CURRENT_FY
    return "" if item.scope == Scope.CURRENT_FY else item.scope


def window(scope, day, fy):
    """The ``Window`` of ``scope`` read on ``day`` for fiscal year ``fy``."""
    first, last = fiscal_year_range(fy)
    if scope == Scope.CURRENT_FY:
        return Window(min_fy=fy)
    if scope == Scope.PREVIOUS_FY:
        return Window(min_fy=fy - 1)
    if scope == Scope.ACADEMIC_YEAR:
        return Window(since=academic_year_start(day))
    if scope == Scope.FIRST_HALF_FY:
        # The report on October–March is written after March: from 1 April on, this year's;
        # before, last year's.
        april = datetime.date(last.year, 4, 1)
        return Window(since=april if day >= april else datetime.date(last.year - 1, 4, 1))
    if scope == Scope.MONTHLY:
        ended = (day.year * 12 + day.month) - (first.year * 12 + first.month)
        if day >= last:
            ended = 12
        return Window(since=first, until=min(day, last), months=max(1, min(12, ended)))
    return Window()


def _period(item, scope_window, fy):
    scope = scope_of(item)
    if scope in (Scope.CURRENT_FY, Scope.PREVIOUS_FY):
        return _g("Nothing published for fiscal year %(year)s.") % {"year": scope_window.min_fy}
    if scope == Scope.ACADEMIC_YEAR:
        return _g("Nothing published since the academic year began on %(date)s.") % {
            "date": _date(scope_window.since)
        }
    if scope == Scope.FIRST_HALF_FY:
        return _g("No report on the first six months of fiscal year %(year)s.") % {
            "year": fiscal_year(scope_window.since)
        }
    if scope == Scope.MONTHLY:
        return _g("Nothing published for the months of fiscal year %(year)s.") % {"year": fy}
    return _g("Nothing published for this item.")


def assess(item, facts, day, fy):
    """Status, reason and ``ItemFreshness`` of ``item`` (an item with its office's flags) from
    its ``ItemFacts`` on ``day``."""
    if facts.answered_by_site or facts.channels:
        freshness = ItemFreshness(Freshness.CURRENT)
    else:
        freshness = freshness_of(item, facts.newest_date, facts.newest_fiscal_year, day)
    if facts.count == 0 and not facts.answered_by_site:
        return Status.MISSING, str(freshness.reason), freshness
    if not freshness.is_current:
        return Status.NEEDS_UPDATE, str(freshness.reason), freshness
    scope_window = window(scope_of(item), day, fy)
    if facts.in_scope == 0 and not facts.answered_by_site:
        return Status.NEEDS_UPDATE, _period(item, scope_window, fy), freshness
    if facts.answered_by_site:
        return Status.COMPLETE, "", freshness
    missing = []
    if facts.in_scope < item.min_count:
        missing.append(
            _g("Only %(count)d of the %(minimum)d required.")
            % {"count": facts.in_scope, "minimum": item.min_count}
        )
    if scope_window.months and facts.months < scope_window.months and not facts.channels:
        missing.append(
            _g("Only %(count)d of %(required)d months published.")
            % {"count": facts.months, "required": scope_window.months}
        )
    formats = [f for f in item.formats or [] if f not in facts.formats]
    if formats:
        missing.append(
            _g("No %(formats)s file yet.") % {"formats": ", ".join(f.upper() for f in formats)}
        )
    languages = [code for code in item.languages or [] if code not in facts.languages]
    if languages:
        missing.append(
            _g("No version in %(languages)s yet.")
            % {"languages": ", ".join(_language(code) for code in languages)}
        )
    if item.needs_approval and facts.approved == 0:
        missing.append(_g("Published without approval through the request-memo chain."))
    if missing:
        return Status.NEEDS_MORE, " ".join(missing), freshness
    return Status.COMPLETE, "", freshness


def facts_of_pages(item, pages, day, fy, channels=0):
    """``ItemFacts`` from ``PageFact`` rows (the rules' unit tests; SQL gives the same figures)."""
    scope_window = window(scope_of(item), day, fy)
    in_scope = [p for p in pages if scope_window.holds(p)]
    return ItemFacts(
        count=len(pages),
        in_scope=len(in_scope),
        approved=sum(1 for p in in_scope if p.approved),
        newest_date=max((p.date for p in pages if p.date), default=None),
        newest_fiscal_year=max((p.fiscal_year for p in pages if p.fiscal_year), default=None),
        months=len({(p.date.year, p.date.month) for p in in_scope if p.date})
        if scope_window.months
        else 0,
        channels=channels,
    )


def classify(item, pages, today):
    """Status, reason and ``ItemFreshness`` of ``item`` on ``today``, given its live ``pages``
    (``PageFact``)."""
    item = _with_rule_defaults(item)
    fy = fiscal_year(today)
    return assess(item, facts_of_pages(item, pages, today, fy), today, fy)


def _with_rule_defaults(item):
    """Items built by hand (tests, format 1 rows loaded before format 2) read as format 2's."""
    for name, default in (("min_count", 1), ("formats", []), ("languages", [])):
        if not hasattr(item, name):
            setattr(item, name, default)
    if not hasattr(item, "scope"):
        item.scope = ""
    return item


def combine(item, parts):
    """An item with parts: complete when every part is (``all``) or one is (``any``)."""
    complete = [p for p in parts if p.status == Status.COMPLETE]
    pending = [p for p in parts if p.status != Status.COMPLETE]
    freshness = _most_urgent([p.freshness for p in parts])
    if item.parts_rule == CatalogueItem.PartsRule.ANY and complete:
        return Status.COMPLETE, "", freshness
    if not pending:
        return Status.COMPLETE, "", freshness
    if all(p.status == Status.MISSING for p in parts):
        return Status.MISSING, _g("Nothing published for this item."), freshness
    names = "; ".join(f"{p.item.code} {p.item.name_th}: {p.reason}" for p in pending)
    if item.parts_rule == CatalogueItem.PartsRule.ANY:
        return (
            Status.NEEDS_MORE,
            _g("None of the alternatives is complete: %(parts)s") % {"parts": names},
            freshness,
        )
    return Status.NEEDS_MORE, _g("Parts not complete: %(parts)s") % {"parts": names}, freshness


def _most_urgent(freshnesses):
    order = [Freshness.OUTDATED, Freshness.DUE, Freshness.CURRENT, Freshness.MISSING]
    for status in order:
        for f in freshnesses:
            if f.status == status:
                return f
    return ItemFreshness(Freshness.MISSING)


def _language(code):
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _date(value):
    return format_thai_date(value, "%-d %b %Y")


@dataclass
class Tally:
    label: str
    complete: int = 0
    total: int = 0
    counts: Counter = field(default_factory=Counter)

    @property
    def percent(self):
        return percent(self.complete, self.total)

    def add(self, row):
        self.total += 1
        self.counts[row.status] += 1
        if row.status == Status.COMPLETE:
            self.complete += 1


def indicator_code(section):
    """The ITA indicator a section belongs to: "9" for sections "9.1"…"9.6" (the สพม.หนองคาย OIT
    report of 2566 counts so)."""
    return str(section.code).split(".")[0]


def summarise(rows):
    """Tallies per section, per indicator (section code prefix) and overall, in catalogue order."""
    sections, indicators = {}, {}
    overall = Tally(str(_("Overall")))
    for row in rows:
        section = row.item.section
        if section.pk not in sections:
            sections[section.pk] = Tally(f"{section.code} {section.name}")
        code = indicator_code(section)
        if code not in indicators:
            indicators[code] = Tally(str(_("Indicator %(code)s") % {"code": code}))
        sections[section.pk].add(row)
        indicators[code].add(row)
        overall.add(row)
    return list(sections.values()), list(indicators.values()), overall


# --- gathering the facts from the content, in SQL -----------------------------------------------


def edition_for_site(site):
    """The edition the site's public hub shows (else the office's active one, else the default).

    The newest live hub counts: after ``disclosure_rollover`` the one before is an archive.
    """
    return editions_of_offices([site])[site.pk]


def root_pages(sites):
    """``{root page id: {"pk", "path", "url_path"}}`` of the offices ``sites`` (compiled)."""
    ids = tuple(sorted({site.root_page_id for site in sites}))
    rows = compiled.values(
        ("office-roots", ids),
        lambda: Page.objects.filter(pk__in=ids).values("pk", "path", "url_path"),
    )
    return {row["pk"]: row for row in rows}


# Up to this many offices, PostgreSQL finds their pages by path prefix, from the path's index
# (Django gives it a ``varchar_pattern_ops`` index; Wagtail's ``descendant_of`` asks so): an office's
# report beside 244 others read every office's pages of the edition, 10.6 ms against 35.7 for
# ``readiness()``. More offices (the agency view), and SQLite, whose LIKE uses no index and costs
# more per row, compare each page's root path: one condition per length of root path.
FEW_OFFICES = 8


def _by_prefix(paths, model):
    return len(paths) <= FEW_OFFICES and connections[model.objects.db].vendor == "postgresql"


def _under_roots(paths, field="path"):
    """A condition: ``field`` (a page path) starts with one of the root ``paths``."""
    q = Q()
    for path in sorted(paths):
        q |= Q(**{f"{field}__startswith": path})
    return q


def _in_trees(pages, paths):
    """``pages`` narrowed to the trees of the root ``paths``, the roots included."""
    if _by_prefix(paths, pages.model):
        return pages.filter(_under_roots(paths))
    under_a_root = Q(pk__in=[])
    for n, length in enumerate(sorted({len(path) for path in paths})):
        pages = pages.alias(**{f"root_{n}": Substr("path", 1, length)})
        under_a_root |= Q(**{f"root_{n}__in": sorted(p for p in paths if len(p) == length)})
    return pages.filter(under_a_root)


def editions_of_offices(sites):
    """``{site.pk: edition or None}``: ``edition_for_site`` of many offices in a constant number
    of queries (the agency view groups its offices by edition)."""
    sites = list(sites)
    roots = {pk: row["path"] for pk, row in root_pages(sites).items()}
    hubs = [
        (row["path"], row["edition_id"])
        for row in compiled.values(
            ("office-hubs", tuple(sorted(set(roots.values())))),
            lambda: (
                _in_trees(TransparencyHubPage.objects.live(), set(roots.values()))
                .order_by("-pk")
                .values("path", "edition_id")
            ),
        )
    ]
    newest = {}  # root path: the newest live hub in its tree (hubs come newest first)
    lengths = sorted({len(path) for path in roots.values()})
    root_paths = set(roots.values())
    for path, edition_id in hubs:
        for length in lengths:
            if path[:length] in root_paths:
                newest.setdefault(path[:length], (path, edition_id))
    chosen = {}
    for site in sites:
        hub = newest.get(roots[site.root_page_id])
        chosen[site.pk] = hub[1] if hub else None
        if hub and not hub[1]:
            # A hub without an edition reads the topmost hub above it (``edition_for_page``).
            chosen[site.pk] = min(
                (h for h in hubs if hub[0].startswith(h[0])), key=lambda h: len(h[0])
            )[1]
    missing = [s for s in sites if chosen[s.pk] is None]
    if missing:
        profiles = dict(
            OfficeProfile.objects.filter(site__in=missing).values_list("site", "active_edition")
        )
        default = None
        for site in missing:
            chosen[site.pk] = profiles.get(site.pk)
            if chosen[site.pk] is None:
                default = default or default_edition()
                chosen[site.pk] = default.pk if default else None
    editions = CatalogueEdition.objects.in_bulk({e for e in chosen.values() if e})
    return {pk: editions.get(edition) for pk, edition in chosen.items()}


def as_of(fy, today):
    """The day readiness of fiscal year ``fy`` is read on: ``today`` while the year runs, else
    its last day (a year gone by) or its first (a year to come)."""
    first, last = fiscal_year_range(fy)
    return min(max(today, first), last)


def approved_live_revision():
    """Whether the link's page went live through the approval chain: a completed workflow ended on
    its live revision, or an emergency publication someone else confirmed (the rule of
    ``approval.policy.approved_page_ids``, as a subquery instead of a list of ids)."""
    workflow = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_APPROVED,
        object_id=Cast(OuterRef("disclosurepage_id"), models.CharField()),
        current_task_state__revision_id=OuterRef("disclosurepage__live_revision_id"),
    )
    emergency = EmergencyPublication.objects.filter(
        page_id=OuterRef("disclosurepage_id"),
        revision_id=OuterRef("disclosurepage__live_revision_id"),
        review_confirmed=True,
    )
    return Q(Exists(workflow)) | Q(Exists(emergency))


class _Offices:
    """The site roots of many offices, and which office a page path belongs to."""

    def __init__(self, sites):
        self.sites = list(sites)
        roots = root_pages(self.sites)
        self.root = {s.pk: roots[s.root_page_id] for s in self.sites}
        self.by_path = {}
        for site in self.sites:
            self.by_path.setdefault(self.root[site.pk]["path"], []).append(site)
        self.lengths = sorted({len(path) for path in self.by_path})
        self.base = {}

    def sites_of(self, path):
        for length in self.lengths:
            sites = self.by_path.get(path[:length])
            if sites and len(path) > length:
                return sites
        return []

    def url(self, site, url_path):
        root = self.root[site.pk]["url_path"]
        if not url_path.startswith(root):
            return ""
        base = self.base.get(site.pk)
        if base is None:  # the site's address, worked out once (hundreds of links per report)
            base = self.base[site.pk] = absolute_url("", site)
        return base + "/" + url_path[len(root) :]


def _links(offices, edition, fy, day, past, length):
    """The link table restricted to the live pages answering ``edition`` of the offices whose root
    path is ``length`` long (usually all of them), with ``root`` = the office's root path.

    Read on a ``past`` day, what came after it is no evidence: content of later fiscal years, and
    content dated after ``day``."""
    through = DisclosurePage.catalogue_items.through
    prefixes = [p for p in offices.by_path if len(p) == length]
    links = through.objects.filter(
        catalogueitem__edition=edition,
        disclosurepage__live=True,
        disclosurepage__depth__gt=length // Page.steplen,
    ).annotate(root=Substr("disclosurepage__path", 1, length))
    if _by_prefix(prefixes, through):
        links = links.filter(_under_roots(prefixes, "disclosurepage__path"))
    else:
        links = links.filter(root__in=prefixes)
    if past:
        links = links.filter(
            Q(disclosurepage__fiscal_year__lte=fy) | Q(disclosurepage__fiscal_year__isnull=True),
            disclosurepage__date__lte=day,
        )
    return links


def _in_scope(scopes, day, fy, channel_types):
    """A condition on a link: its page falls in its item's scope (or is a submission channel)."""
    q = Q(disclosurepage__content_type_id__in=channel_types)
    q |= Q(catalogueitem__fiscal_year_bound=True) & window(Scope.CURRENT_FY, day, fy).q()
    unbound = Q(catalogueitem__fiscal_year_bound=False)
    q |= unbound & Q(catalogueitem__scope__in=["", Scope.CURRENT_FY])
    for scope in sorted(set(scopes) - {"", Scope.CURRENT_FY}):
        q |= unbound & Q(catalogueitem__scope=scope) & window(scope, day, fy).q()
    return q


class _LinkQueries:
    """The two queries over the offices' links: each item's figures (with its pages per responsible
    group), its newest pages. Each is compiled once per shape (``compiled``): what the SQL depends
    on is the offices' root paths, the edition, the day of reading and the edition's scopes,
    formats and languages; building and compiling them was most of ``readiness()``'s time."""

    def __init__(self, offices, edition, items, fy, day, past):
        self.offices, self.edition, self.fy, self.day, self.past = offices, edition, fy, day, past
        self.scopes = tuple(sorted({i.scope for i in items}))
        self.formats = tuple(sorted({f for i in items for f in i.formats or []}))
        self.languages = tuple(sorted({code for i in items for code in i.languages or []}))
        self.channel_types = tuple(ContentType.objects.get_for_model(m).pk for m in CHANNEL_PAGES)
        self.shape = (
            tuple(sorted(offices.by_path)),
            edition.pk,
            fy,
            day,
            past,
            self.scopes,
            self.formats,
            self.languages,
            self.channel_types,
        )

    def rows(self, name, length):
        return compiled.values(
            (f"readiness-{name}", length, *self.shape), lambda: getattr(self, name)(length)
        )

    def _links(self, length):
        return _links(self.offices, self.edition, self.fy, self.day, self.past, length)

    def _in_scope(self):
        return _in_scope(self.scopes, self.day, self.fy, self.channel_types)

    def figures(self, length, by_group=False):
        """Each item's figures: one row per item, or per item and responsible group
        (``by_group``), and for a monthly item per month of its content in scope, so that one
        read of the links gives the figures and who answers for the item.

        A link is one page of one item, so the counts need no DISTINCT: files are asked with
        EXISTS, never joined (a page with two files would count twice)."""
        in_scope = self._in_scope()
        monthly = in_scope & Q(
            catalogueitem__fiscal_year_bound=False, catalogueitem__scope=Scope.MONTHLY
        )
        aggregates = {
            "count": Count("pk"),
            "in_scope": Count("pk", filter=in_scope),
            "approved": Count("pk", filter=in_scope & approved_live_revision()),
            "newest_date": Max("disclosurepage__date"),
            "newest_fy": Max("disclosurepage__fiscal_year"),
            "channels": Count(
                "pk", filter=Q(disclosurepage__content_type_id__in=self.channel_types)
            ),
        }
        for f in self.formats:
            files = DocumentAttachment.objects.filter(
                page_id=OuterRef("disclosurepage_id"), document__file__iendswith=f".{f}"
            )
            aggregates[f"format_{f}"] = Count("pk", filter=in_scope & Q(Exists(files)))
        for code in self.languages:
            aggregates[f"language_{code}"] = Count(
                "pk", filter=in_scope & Q(disclosurepage__locale__language_code__istartswith=code)
            )
        # Months are read for monthly items only (``ItemFacts.months``); on SQLite the month of a
        # date is a Python function called per row.
        month = Case(
            When(monthly, then=TruncMonth("disclosurepage__date")), output_field=models.DateField()
        )
        group = ("disclosurepage__responsible_group_id",) if by_group else ()
        return (
            self._links(length)
            .annotate(month=month)
            .values("root", "catalogueitem_id", *group, "month")
            .annotate(**aggregates)
        )

    def figures_by_group(self, length):
        return self.figures(length, by_group=True)

    def latest(self, length):
        """The newest pages of each item, those in scope first: ranked in a subquery, and asked
        whether they went through the chain only for the ranked rows (at 2,000 pages asking it
        of every link was 3 of the query's 7.6 ms)."""
        in_scope = ExpressionWrapper(self._in_scope(), output_field=models.BooleanField())
        ranked = (
            self._links(length)
            .annotate(counts=in_scope)
            .annotate(
                rank=models.Window(
                    RowNumber(),
                    partition_by=[F("root"), F("catalogueitem_id")],
                    order_by=[
                        F("counts").desc(),
                        F("disclosurepage__date").desc(),
                        F("disclosurepage_id").desc(),
                    ],
                )
            )
            .filter(rank__lte=LATEST_PER_ITEM)
        )
        return (
            DisclosurePage.catalogue_items.through.objects.filter(pk__in=ranked.values("pk"))
            .annotate(
                root=Substr("disclosurepage__path", 1, length),
                counts=in_scope,
                is_approved=ExpressionWrapper(
                    approved_live_revision(), output_field=models.BooleanField()
                ),
            )
            .values(
                "root",
                "catalogueitem_id",
                "disclosurepage_id",
                "disclosurepage__title",
                "disclosurepage__url_path",
                "disclosurepage__date",
                "disclosurepage__fiscal_year",
                "disclosurepage__responsible_group_id",
                "disclosurepage__last_published_at",
                "counts",
                "is_approved",
            )
        )


def _item_facts(rows, formats, languages):
    """One item's ``ItemFacts`` from its rows of ``_LinkQueries.figures`` (one per group and
    month): counts add up, the newest date is the newest of all, a month counts once."""
    return ItemFacts(
        count=sum(r["count"] for r in rows),
        in_scope=sum(r["in_scope"] for r in rows),
        approved=sum(r["approved"] for r in rows),
        newest_date=max((r["newest_date"] for r in rows if r["newest_date"]), default=None),
        newest_fiscal_year=max((r["newest_fy"] for r in rows if r["newest_fy"]), default=None),
        months=len({r["month"] for r in rows if r["month"] is not None}),
        formats=frozenset(f for f in formats if any(r[f"format_{f}"] for r in rows)),
        languages=frozenset(c for c in languages if any(r[f"language_{c}"] for r in rows)),
        channels=sum(r["channels"] for r in rows),
    )


def readiness_of_offices(sites, edition, fy=None, request=None, today=None, pages=True, day=None):
    """``{site.pk: [ItemReadiness, ...]}`` for every office in ``sites``, in a constant number of
    queries (the agency view of many offices). ``pages=False`` gives the figures only: no newest
    pages, responsible group or public URL per item (the agency view needs none of them). ``day``
    is the day of reading (``as_of(fy, today)`` unless given: the end of a round, for the trend
    per round)."""
    today = today or timezone.localdate()
    fy = fy or fiscal_year(today)
    day = day or as_of(fy, today)
    past = day < today
    sites = list(sites)
    offices = _Offices(sites)
    items = [_with_rule_defaults(i) for i in edition.ordered_items()]
    queries = _LinkQueries(offices, edition, items, fy, day, past)

    figures, owners, latest = {}, {}, {}
    for length in offices.lengths:
        for row in queries.rows("figures_by_group" if pages else "figures", length):
            key = (row["root"], row["catalogueitem_id"])
            figures.setdefault(key, []).append(row)
            group = row.get("disclosurepage__responsible_group_id")
            if group is not None:
                owners.setdefault(key, Counter())[group] += row["count"]
        if pages:
            for row in queries.rows("latest", length):
                latest.setdefault((row["root"], row["catalogueitem_id"]), []).append(row)
    facts = {
        key: _item_facts(rows, queries.formats, queries.languages) for key, rows in figures.items()
    }

    indicators, hubs, groups = {}, {}, {}
    # The figures alone (``pages=False``) need no address; the addresses come from the offices'
    # own indicator pages and hubs, not from the whole install's.
    paths = tuple(sorted(offices.by_path))
    indicator_pages = (
        compiled.values(
            ("readiness-indicators", edition.pk, paths),
            lambda: (
                _in_trees(IndicatorPage.objects.live().filter(item__edition=edition), paths)
                .order_by("pk")
                .values("item_id", "path", "url_path")
            ),
        )
        if pages
        else []
    )
    for row in indicator_pages:
        for site in offices.sites_of(row["path"]):
            indicators.setdefault((site.pk, row["item_id"]), offices.url(site, row["url_path"]))
    hub_pages = (
        compiled.values(
            ("readiness-hubs", paths),
            lambda: (
                _in_trees(TransparencyHubPage.objects.live(), paths)
                .order_by("pk")
                .values("path", "url_path")
            ),
        )
        if pages
        else []
    )
    for row in hub_pages:
        for site in offices.sites_of(row["path"]) or [
            s for s in sites if offices.root[s.pk]["path"] == row["path"]
        ]:
            hubs[site.pk] = offices.url(site, row["url_path"])  # the newest hub wins
    site_ids = tuple(sorted(s.pk for s in sites))
    presence = {
        row["site_id"]: {
            CatalogueItem.AnsweredBy.SOCIAL_LINKS: bool(row["social_links"]),
            CatalogueItem.AnsweredBy.E_SERVICES: bool(row["e_services"]),
        }
        for row in compiled.values(
            ("readiness-presence", site_ids),
            lambda: OnlinePresence.objects.filter(site__in=site_ids).values(
                "site_id", "social_links", "e_services"
            ),
        )
    }
    for group in WorkGroup.objects.filter(site__in=sites) if pages else []:
        groups.setdefault(group.site_id, {})[group.pk] = group
    overrides = confirmed_overrides([s.pk for s in sites], [i.pk for i in items])

    # shared: the item as every office without an override sees it; assessed: its verdict on the
    # same facts (offices with the same figures for an item, e.g. nothing yet, share one).
    result, shared, assessed = {}, {}, {}
    for site in sites:
        root = offices.root[site.pk]["path"]
        office_groups = groups.get(site.pk, {})
        by_code = {g.code: g for g in office_groups.values()}
        rows = {}
        for catalogue_item in items:
            pk = catalogue_item.pk
            override = overrides.get((site.pk, pk))
            if override is None:
                item = shared.get(pk) or shared.setdefault(pk, EffectiveItem(catalogue_item))
            else:
                item = EffectiveItem(catalogue_item, override)
            key = (root, pk)
            item_facts = facts.get(key) or NO_FACTS
            if catalogue_item.answered_by and presence.get(site.pk, {}).get(
                catalogue_item.answered_by
            ):
                item_facts = replace(item_facts, answered_by_site=True)  # this office's only
            verdict = (pk, override.pk if override else None, *_figures(item_facts))
            if verdict not in assessed:
                assessed[verdict] = assess(item, item_facts, day, fy)
            status, reason, freshness = assessed[verdict]
            page_facts = []
            if pages:
                page_facts = sorted(
                    (
                        PageFact(
                            pk=r["disclosurepage_id"],
                            title=r["disclosurepage__title"],
                            url=offices.url(site, r["disclosurepage__url_path"]),
                            date=r["disclosurepage__date"],
                            fiscal_year=r["disclosurepage__fiscal_year"],
                            approved=bool(r["is_approved"]),
                            group_id=r["disclosurepage__responsible_group_id"],
                            last_published_at=r["disclosurepage__last_published_at"],
                            in_scope=bool(r["counts"]),
                        )
                        for r in latest.get(key, ())
                    ),
                    key=lambda p: (p.date or datetime.date.min, p.pk),
                    reverse=True,
                )
            owner = None
            if office_groups:  # figures only (``pages=False``): no owner
                counted = owners.get(key)
                owner = (
                    office_groups.get(counted.most_common(1)[0][0])
                    if counted
                    else by_code.get(item.default_group_code)
                )
            rows[pk] = ItemReadiness(
                item,
                status,
                reason,
                page_facts,
                owner,
                freshness,
                public_url=indicators.get((site.pk, pk)) or hubs.get(site.pk, ""),
                has_content=item_facts.in_scope > 0 or item_facts.answered_by_site,
            )
        top = []
        for catalogue_item in items:
            row = rows[catalogue_item.pk]
            if catalogue_item.parent_id is not None:
                rows[catalogue_item.parent_id].parts.append(row)
                continue
            top.append(row)
        for row in top:
            if row.parts:
                row.status, row.reason, row.freshness = combine(row.item, row.parts)
                row.has_content = any(p.has_content for p in row.parts) or row.has_content
                row.pages = sorted(
                    row.pages + [p for part in row.parts for p in part.pages],
                    key=lambda p: (p.date or datetime.date.min, p.pk),
                    reverse=True,
                )
        result[site.pk] = top
    return result


def readiness(site, edition, fy=None, request=None, group=None, item=None, today=None):
    """One ``ItemReadiness`` per item of ``edition`` (optionally one group's or one item's).

    Read on ``as_of(fy, today)``. For a fiscal year gone by, the content of later years is left
    out: it is no evidence for that year.
    """
    rows = readiness_of_offices([site], edition, fy, request, today)[site.pk]
    if item is not None:
        rows = [r for r in rows if r.item.pk == item.pk]
    if group is not None:
        rows = [r for r in rows if r.group is not None and r.group.pk == group.pk]
    return rows

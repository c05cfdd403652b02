"""One install, many offices: what one office's pages and the agency view cost against N offices.

    DATABASE_URL=postgres://... python bench/offices.py [--offices 1,50,245] [--runs 15]

Works in a throw-away test database next to DATABASE_URL's (``test_<name>``, dropped at the end:
the database is left as found; SQLite in memory without DATABASE_URL, but the figures that count
are PostgreSQL's). Office 1 is set up the way a real office is (``set_up_office``: hub, the 43
indicator pages, groups, chain) with a few content pages published as trusted set-up. Every
further office is a copy of it written in bulk (page rows with their own tree paths, the rows of
each page type, catalogue links, revisions, site, profile, work groups): Wagtail's page-by-page
path takes about a second per office. Each copy keeps a different share of the content pages,
dated differently, so the offices' readiness differs. The bench checks that every page it built
is live, and that a copy's hub and indicator page serve its own content.

For each N it prints, through the full request stack: office 1's hub as a running site serves it
(table cached) and built on every request, an indicator page with content, the office's
readiness report, the agency view over all N offices (members' report with the heat map; and its
computation alone), each as median ms and SQL queries; and the database size per office.
Targets: queries constant in N for everything; the agency view over 245 offices under 1 s.
Prints; asserts nothing (see the README, "Several offices on one install").
"""

import argparse
import copy
import datetime
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Office 1's content pages: (item code, days before today). Copy k keeps page j unless
# (k + j) % 4 == 0, and shifts its dates back by (k * 37) % 500 days: some current, some outdated.
CONTENT = [("O1", 5), ("O2", 40), ("O5", 90), ("O7", 20), ("O10", 200), ("O23", 10)]


def build_first_office(home_model, edition_slug="ita-2566"):
    """Office 1, set up as a real office is, with its content published as trusted set-up."""
    from django.utils import timezone
    from wagtail.models import Page, Site

    from wagtail_disclosure.approval.policy import trusted_publication
    from wagtail_disclosure.models import DocumentPage, IndicatorPage, OfficeProfile, WorkGroup
    from wagtail_disclosure.office_setup import set_up_office

    root = Page.get_first_root_node()
    home = root.add_child(instance=home_model(title="สำนักงานเขตพื้นที่ ๑", slug="office-1"))
    site = Site.objects.create(hostname="o1.bench", port=80, root_page=home, site_name="o1")
    profile = OfficeProfile.for_site(site)
    profile.name = profile.short_name = "สพป.ทดสอบ ๑"
    profile.save()
    hub = set_up_office(site, edition_slug).hub
    today = timezone.localdate()
    groups = {g.code: g for g in WorkGroup.objects.filter(site=site)}
    with trusted_publication():  # trusted set-up, as setup_demo builds content
        for n, (code, days) in enumerate(CONTENT):
            indicator = IndicatorPage.objects.child_of(hub).get(item__code=code)
            page = DocumentPage(
                title=f"{code} เอกสารของสำนักงาน",
                slug=f"content-{n}",
                date=today - datetime.timedelta(days=days),
                summary="สรุปเนื้อหาเพื่อทดสอบ",
                responsible_group=groups.get(indicator.item.default_group_code or "admin"),
            )
            indicator.add_child(instance=page)
            page.catalogue_items.set([indicator.item])
            page.save_revision().publish()
    return site, hub


def concrete_chain(model):
    """The concrete models from ``Page`` (excluded) down to ``model``, parents first."""
    from wagtail.models import Page

    chain = [m for m in reversed(model._meta.get_parent_list()) if not m._meta.abstract]
    return [m for m in [*chain, model] if m is not Page and issubclass(m, Page)]


def copy_offices(first_site, first_number, count):
    """``count`` copies of office 1, numbered from ``first_number``, written in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from wagtail.models import Page, Revision, Site

    from wagtail_disclosure.models import DisclosurePage, OfficeProfile, WorkGroup
    from wagtail_disclosure.thai.dates import fiscal_year

    root = first_site.root_page
    tree = list(Page.objects.filter(path__startswith=root.path).order_by("path").specific())
    content = {p.pk: n for n, p in enumerate(tree) if p.slug.startswith("content-")}
    links = list(
        DisclosurePage.catalogue_items.through.objects.filter(
            disclosurepage_id__in=[p.pk for p in tree]
        ).values_list("disclosurepage_id", "catalogueitem_id")
    )
    revisions = {
        r.object_id: r
        for r in Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            pk__in=[p.live_revision_id for p in tree if p.live_revision_id],
        )
    }
    first_groups = {g.pk: g for g in WorkGroup.objects.filter(site=first_site)}
    profile = OfficeProfile.for_site(first_site)
    top = Page.get_first_root_node()
    last_step = Page._str2int(top.get_last_child().path[-Page.steplen :])
    today = datetime.date.today()

    with transaction.atomic():
        sites, roots = [], []
        for k in range(first_number, first_number + count):
            path = Page._get_path(top.path, root.depth, last_step + 1 + k - first_number)
            roots.append((k, path))
        # Pages: base rows first (ids back from PostgreSQL), then each page type's own rows.
        bases, typed, new_links, new_revisions = [], [], [], []
        for k, root_path in roots:
            slug = f"office-{k}"
            kept = [
                p
                for p in tree
                if p.pk not in content or (k + content[p.pk]) % 4 != 0
                or p.path == root.path
            ]  # fmt: skip
            kept_paths = {p.path for p in kept}
            for page in kept:
                base = Page(
                    **{
                        f.attname: getattr(page, f.attname)
                        for f in Page._meta.concrete_fields
                        if f.attname != "id"
                    }
                )
                base.path = root_path + page.path[len(root.path) :]
                base.numchild = sum(
                    1
                    for q in kept_paths
                    if q.startswith(page.path) and len(q) == len(page.path) + Page.steplen
                )
                base.url_path = f"/{slug}/" + page.url_path[len(root.url_path) :]
                base.translation_key = uuid.uuid4()
                base.live_revision_id = base.latest_revision_id = None
                if page.path == root.path:
                    base.slug = slug
                    base.title = base.draft_title = f"สำนักงานเขตพื้นที่ {k}"
                bases.append(base)
                typed.append((k, page, base))
        Page.objects.bulk_create(bases, batch_size=1000)
        for k, _root_path in roots:
            sites.append(
                Site(
                    hostname=f"o{k}.bench",
                    port=80,
                    root_page_id=next(b.pk for kk, p, b in typed if kk == k and p.pk == root.pk),
                    site_name=f"o{k}",
                )
            )
        Site.objects.bulk_create(sites)
        site_of = {k: s for (k, _), s in zip(roots, sites, strict=True)}
        OfficeProfile.objects.bulk_create(
            [
                OfficeProfile(
                    site=site_of[k],
                    name=f"สำนักงานเขตพื้นที่การศึกษา ทดสอบ {k}",
                    short_name=f"สพป.ทดสอบ {k}",
                    active_edition_id=profile.active_edition_id,
                )
                for k, _ in roots
            ]
        )
        groups = WorkGroup.objects.bulk_create(
            [
                WorkGroup(site=site_of[k], code=g.code, name_th=g.name_th, sort_order=g.sort_order)
                for k, _ in roots
                for g in first_groups.values()
            ]
        )
        group_of = {(g.site_id, g.code): g.pk for g in groups}
        rows = {}
        for k, page, base in typed:
            for model in concrete_chain(type(page)):
                row = copy.copy(page)
                for parent_link in model._meta.parents.values():
                    setattr(row, parent_link.attname, base.pk)
                if isinstance(page, DisclosurePage):
                    shift = datetime.timedelta(days=(k * 37) % 500)
                    row.date = min(page.date - shift, today)
                    row.fiscal_year = fiscal_year(row.date)
                    if page.responsible_group_id:
                        code = first_groups[page.responsible_group_id].code
                        row.responsible_group_id = group_of[(site_of[k].pk, code)]
                rows.setdefault(model, []).append(row)
            new_links += [(base.pk, item) for pk, item in links if pk == page.pk]
            revision = revisions.get(str(page.pk))
            if revision is not None:
                new_revisions.append(
                    Revision(
                        content_type_id=revision.content_type_id,
                        base_content_type_id=revision.base_content_type_id,
                        object_id=str(base.pk),
                        object_str=base.title,
                        content=revision.content,
                        created_at=revision.created_at,
                    )
                )
        for model, objs in rows.items():
            fields = model._meta.local_concrete_fields
            for start in range(0, len(objs), 1000):
                model._base_manager._insert(objs[start : start + 1000], fields=fields, raw=True)
        through = DisclosurePage.catalogue_items.through
        through.objects.bulk_create(
            [through(disclosurepage_id=p, catalogueitem_id=i) for p, i in new_links],
            batch_size=1000,
        )
        Revision.objects.bulk_create(new_revisions, batch_size=1000)
        revised = {int(r.object_id): r.pk for r in new_revisions}
        for base in bases:
            base.live_revision_id = base.latest_revision_id = revised.get(base.pk)
        Page.objects.bulk_update(
            [b for b in bases if b.pk in revised],
            ["live_revision_id", "latest_revision_id"],
            batch_size=1000,
        )
        Page.objects.filter(pk=top.pk).update(numchild=F("numchild") + count)
    return sites


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", default="1,50,245", help="numbers of offices, ascending")
    parser.add_argument("--runs", type=int, default=15, help="requests per figure (median)")
    args = parser.parse_args()
    targets = [int(n) for n in args.offices.split(",")]

    import django

    django.setup()
    from _benchdb import test_database
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
    )

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    with test_database():
        from wagtail.models import Page, Site

        from demo.models import HomePage
        from wagtail_disclosure.models import Agency, DisclosurePage, IndicatorPage
        from wagtail_disclosure.reports.agency import agency_readiness
        from wagtail_disclosure.thai.dates import fiscal_year

        first, hub = build_first_office(HomePage)
        built = Page.objects.filter(path__startswith=first.root_page.path).count()
        admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
        watcher = get_user_model().objects.create_user("bench_agency", "a@example.org", "x")
        watcher.groups.add(Group.objects.get(name="Supervisors"))
        agency = Agency.objects.create(name="สพฐ. (ทดสอบ)", level=Agency.Level.AGENCY)
        agency.members.add(watcher)
        office_client = Client(HTTP_HOST="o1.bench")
        office_client.force_login(admin)
        agency_client = Client(HTTP_HOST="o1.bench")
        agency_client.force_login(watcher)
        indicator = IndicatorPage.objects.child_of(hub).get(item__code="O1")
        cached_conf = dict(getattr(settings, "WAGTAIL_DISCLOSURE", {}))

        def timed(fn, runs=args.runs):
            fn()  # warm caches, as a running site has them
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                fn()
            count = len(queries)  # now: the next request resets the log
            times, cpu = [], []
            for _ in range(runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                fn()
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            wall, own = statistics.median(times) * 1000, statistics.median(cpu) * 1000
            return f"{wall:>7.1f} {own:>6.1f} {count:>4}"

        def get(client, url):
            def fetch():
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            return fetch

        def uncached_hub():
            settings.WAGTAIL_DISCLOSURE = {**cached_conf, "HUB_CACHE_SECONDS": 0}
            try:
                get(office_client, hub.url_path[len(first.root_page.url_path) - 1 :])()
            finally:
                settings.WAGTAIL_DISCLOSURE = cached_conf

        def db_size():
            if connection.vendor != "postgresql":
                return None
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
                cursor.execute("SELECT pg_database_size(current_database())")
                return cursor.fetchone()[0]

        hub_url = "/oit/"
        indicator_url = indicator.url_path[len(first.root_page.url_path) - 1 :]
        have, base = 1, None
        columns = [
            "hub cached",
            "hub uncached",
            "indicator",
            "readiness",
            "agency view",
            "agency calc",
            "agency last FY",
        ]
        print(f"{'offices':>7} | " + " | ".join(f"{c:>19}" for c in columns) + " | KB/office")
        units = f"{'ms':>7} {'cpu':>6} {'q':>4}"
        print(f"{'':>7} | " + " | ".join([units] * len(columns)) + f" | {'':>9}")
        agency_url = "/admin/disclosure/reports/agency/"
        last_year = f"{agency_url}?fiscal_year={fiscal_year() - 1}"
        for target in targets:
            if target > have:
                start = time.perf_counter()
                copy_offices(first, have + 1, target - have)
                built_in = time.perf_counter() - start
                have = target
                print(f"  (built offices up to {have} in {built_in:.1f} s)", file=sys.stderr)
            sites = list(Site.objects.filter(hostname__endswith=".bench"))
            agency.offices.set(sites)
            # Everything built is live, and a copy serves its own content.
            live = DisclosurePage.objects.live().count()
            expected = DisclosurePage.objects.count()
            if live != expected or Page.objects.filter(live=False, depth__gt=1).exists():
                raise SystemExit(f"only {live} of {expected} built pages are live")
            if have > 1:
                other = Client(HTTP_HOST=f"o{have}.bench")
                page = other.get(indicator_url)
                own = DisclosurePage.objects.filter(
                    path__startswith=Site.objects.get(hostname=f"o{have}.bench").root_page.path,
                    catalogue_items__code="O1",
                ).first()
                assert page.status_code == 200 and other.get(hub_url).status_code == 200
                assert own is None or own.title in page.content.decode()
            cache.clear()
            agency_runs = max(5, args.runs // 2)
            cells = [
                timed(get(office_client, hub_url)),
                timed(uncached_hub),
                timed(get(office_client, indicator_url)),
                timed(get(office_client, "/admin/disclosure/reports/oit-readiness/")),
                timed(get(agency_client, agency_url), agency_runs),
                timed(lambda offices=sites: agency_readiness(offices), agency_runs),
                timed(get(agency_client, last_year), agency_runs),
            ]
            size = db_size()
            base = base or (have, size)
            per_office = (
                f"{(size - base[1]) / 1024 / (have - base[0]):>9.0f}"
                if size is not None and have > base[0]
                else f"{'—':>9}"
            )
            print(f"{have:>7} | " + " | ".join(cells) + f" | {per_office}")
        pages = Page.objects.filter(depth__gt=1).count()
        print(
            f"database: {connection.vendor}; {pages} pages in all ({built} in office 1); median of "
            f"{args.runs} requests ({max(5, args.runs // 2)} for the agency): wall ms, and the "
            "CPU ms of this process (Django; PostgreSQL's own work is in the wall time only, and "
            "on a busy machine the wall time also holds the waiting); targets: queries "
            "constant in N, agency view for 245 offices < 1000 ms. 'agency calc': the figures "
            "without the request and the heat map; 'agency last FY': a year whose two rounds are "
            "both read (two readings). KB/office: growth of the database per office added (after "
            "VACUUM), from the first row's size."
        )


if __name__ == "__main__":
    main()

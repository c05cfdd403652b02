"""OIT readiness against the number of pages and of offices: time and SQL queries.

    python bench/readiness.py [--runs 15] [--pages 20,2000] [--offices 245]

Builds the demo office in a throw-away test database (SQLite in memory unless DATABASE_URL is
set), publishes N document pages spread over the 43 indicators as trusted set-up (as setup_demo
does; the bench checks they are live), and prints for each N: ``readiness()`` of the office
(median ms, queries), the readiness report against a bare page through the full request stack,
and ``readiness_of_offices`` for the given number of offices, and the annual report's PDF built
and served again from the cache. Targets: queries constant in pages and offices; the report within
3x a bare page; 245 offices under 1 s; the PDF built once per content. Prints; asserts nothing.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per figure (median)")
    parser.add_argument("--pages", default="20,2000", help="live content pages, ascending")
    parser.add_argument("--offices", type=int, default=245, help="offices for the agency figure")
    args = parser.parse_args()

    import django

    django.setup()
    from _benchdb import test_database
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.DEBUG = False
    with test_database():
        call_command("setup_demo", force=True, quiet=True)
        from wagtail.models import Page, Site

        from wagtail_disclosure.approval.policy import trusted_publication
        from wagtail_disclosure.models import CatalogueEdition, DocumentPage, IndicatorPage
        from wagtail_disclosure.reports.readiness import readiness, readiness_of_offices

        site = Site.objects.get(is_default_site=True)
        edition = CatalogueEdition.objects.get(slug="ita-2566")
        indicators = list(
            IndicatorPage.objects.descendant_of(site.root_page)
            .filter(item__edition=edition)
            .order_by("path")
        )
        client = Client()
        client.force_login(get_user_model().objects.get(username="supervisor"))

        def timed(fn):
            fn()
            # Counted by a wrapper around every execute: a request empties the query log.
            queries = []
            with connection.execute_wrapper(lambda execute, *a: queries.append(1) or execute(*a)):
                fn()
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                fn()
                times.append(time.perf_counter() - start)
            return statistics.median(times) * 1000, len(queries)

        def get(url):
            def fetch():
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            return fetch

        def paired(first, second):
            """Median ms of each, run alternately (the machine's drift hits both alike), and
            the median of the ratios of each pair."""
            first(), second()
            a, b = [], []
            for _ in range(args.runs):
                for fn, times in ((first, a), (second, b)):
                    start = time.perf_counter()
                    fn()
                    times.append(time.perf_counter() - start)
            ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
            return statistics.median(a) * 1000, statistics.median(b) * 1000, ratio

        def pdf_ms():
            """The annual report's PDF: built (cache emptied), then served again (cached)."""
            url = "/admin/disclosure/reports/annual-report/?format=pdf"
            cache.clear()
            start = time.perf_counter()
            get(url)()
            built = time.perf_counter() - start
            cached = []
            for _ in range(args.runs):
                start = time.perf_counter()
                get(url)()
                cached.append(time.perf_counter() - start)
            return built * 1000, statistics.median(cached) * 1000

        home = Page.objects.get(pk=site.root_page_id).get_parent()
        offices = [site]
        for n in range(args.offices - 1):
            root = home.add_child(instance=Page(title=f"สำนักงาน {n}", slug=f"bench-office-{n}"))
            offices.append(Site.objects.create(hostname=f"o{n}.bench", root_page=root))

        print(f"{'live pages':>10} | {'readiness ms':>12} {'q':>4} | {'report ms':>9} {'q':>4} | "
              f"{'bare ms':>7} {'q':>3} | {'ratio':>5} | {'admin ms':>8} {'ratio':>5} | "
              f"{len(offices)} offices ms {'q':>4} | "
              f"{'PDF built ms':>12} {'cached ms':>9}")  # fmt: skip
        day = datetime.date(2024, 1, 1)
        made = 0
        for target in [int(p) for p in args.pages.split(",")]:
            with trusted_publication():
                while made < target:
                    indicator = indicators[made % len(indicators)]
                    page = DocumentPage(
                        title=f"{indicator.item.code} เอกสารที่ {made}",
                        slug=f"bench-{made}",
                        date=day + datetime.timedelta(days=made % 300),
                    )
                    indicator.add_child(instance=page)
                    page.catalogue_items.set([indicator.item])
                    page.save_revision().publish()
                    made += 1
            live = DocumentPage.objects.live().descendant_of(site.root_page).count()
            if live < target:
                raise SystemExit(f"only {live} of {target} generated pages are live")
            one_ms, one_q = timed(lambda: readiness(site, edition))
            report, bare = get("/admin/disclosure/reports/oit-readiness/"), get("/")
            _ms, report_q = timed(report)
            _ms, bare_q = timed(bare)
            report_ms, bare_ms, ratio = paired(report, bare)
            # Wagtail's own account page: the admin's chrome (menu, sidebar) with nothing of ours.
            _report_ms, admin_ms, admin_ratio = paired(report, get("/admin/account/"))
            many_ms, many_q = timed(lambda: readiness_of_offices(offices, edition, pages=False))
            built_ms, cached_ms = pdf_ms()
            print(f"{live:>10} | {one_ms:>12.1f} {one_q:>4} | {report_ms:>9.1f} {report_q:>4} | "
                  f"{bare_ms:>7.1f} {bare_q:>3} | {ratio:>4.1f}x | {admin_ms:>8.1f} {admin_ratio:>4.1f}x | "
                  f"{many_ms:>{len(str(len(offices))) + 11}.1f} {many_q:>4} | "
                  f"{built_ms:>12.0f} {cached_ms:>9.1f}")  # fmt: skip
        print(f"database: {connection.vendor}; median of {args.runs}; ratio: report over the bare "
              "public page, then over Wagtail's own account page (a bare admin page), each pair run "
              "alternately (median of the pairs); targets: queries constant, report <= 3x the bare "
              "page, the offices under 1000 ms; the PDF built once per content")  # fmt: skip


if __name__ == "__main__":
    main()

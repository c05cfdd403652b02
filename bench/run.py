"""Hub cost against a bare Wagtail page: SQL queries and median render time.

    python bench/run.py [--runs 30] [--sizes 5,50]

Builds the demo office in a throw-away test database (SQLite in memory unless DATABASE_URL is
set, then a ``test_`` database next to it), adds N document pages under each of the 43
indicators, and renders /oit/ and the demo home page (a bare Wagtail page) through the full
request stack. Targets: the hub's query count does not grow with N, and its median time stays
within 3x the bare page's. Prints figures; it asserts nothing (see the README).
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


def _add_pages(indicators, have, size, day, page_model):
    """Pages ``have``..``size`` - 1 under each indicator (the caller publishes them as trusted)."""
    for indicator in indicators:
        for n in range(have, size):
            page = page_model(
                title=f"{indicator.item.code} เอกสารที่ {n + 1}",
                slug=f"bench-{n}",
                date=day + datetime.timedelta(days=n),
                body="<p>เนื้อหา</p>",
            )
            page.catalogue_items.set([indicator.item])
            indicator.add_child(instance=page)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="renders per figure (median)")
    parser.add_argument("--sizes", default="5,50", help="pages per indicator, ascending")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    import django

    django.setup()
    from _benchdb import test_database
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
    )

    settings.DEBUG = False
    with test_database():
        call_command("setup_demo", force=True, quiet=True)
        from wagtail.models import Site

        from wagtail_disclosure.approval.policy import trusted_publication
        from wagtail_disclosure.models import DocumentPage, IndicatorPage

        site = Site.objects.get(is_default_site=True)  # the demo office (not the second one)
        indicators = list(IndicatorPage.objects.descendant_of(site.root_page).order_by("path"))
        client = Client()

        def measure(url):
            client.get(url)  # warm caches, as a running site has them
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            count = len(queries)  # now: the log is reset by the next request
            assert response.status_code == 200, (url, response.status_code)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - start)
            return count, statistics.median(times) * 1000, len(response.content)

        print(f"{'pages/indicator':>15} {'total pages':>11} | {'hub queries':>11} {'hub ms':>8} "
              f"{'hub KB':>7} | {'uncached q':>10} {'uncached ms':>11} | {'bare queries':>12} "
              f"{'bare ms':>8} | {'ratio':>6} {'uncached':>8}")  # fmt: skip
        cached_conf = dict(getattr(settings, "WAGTAIL_DISCLOSURE", {}))
        have = 0
        day = datetime.date(2024, 1, 1)
        for size in sizes:
            # Trusted set-up, as setup_demo builds content: the pages go live without the chain.
            with trusted_publication():
                _add_pages(indicators, have, size, day, DocumentPage)
            expected = size * len(indicators)
            have = size
            total = DocumentPage.objects.live().filter(slug__startswith="bench-").count()
            if total != expected:
                raise SystemExit(f"only {total} of {expected} generated pages are live")
            hub_q, hub_ms, hub_bytes = measure("/oit/")
            # The same hub built on every request (HUB_CACHE_SECONDS = 0).
            settings.WAGTAIL_DISCLOSURE = {**cached_conf, "HUB_CACHE_SECONDS": 0}
            raw_q, raw_ms, _raw_bytes = measure("/oit/")
            settings.WAGTAIL_DISCLOSURE = cached_conf
            bare_q, bare_ms, _bare_bytes = measure("/")
            print(f"{size:>15} {total:>11} | {hub_q:>11} {hub_ms:>8.1f} {hub_bytes / 1024:>7.0f} | "
                  f"{raw_q:>10} {raw_ms:>11.1f} | {bare_q:>12} {bare_ms:>8.1f} | "
                  f"{hub_ms / bare_ms:>5.1f}x {raw_ms / bare_ms:>7.1f}x")  # fmt: skip
        print(f"live generated pages: {total} (checked); database: {connection.vendor}; median of {args.runs} renders; "
              "targets: hub queries constant, ratio <= 3x. 'hub' is a running site's hub (table "
              "cached until content changes); 'uncached' builds it on every request")  # fmt: skip


if __name__ == "__main__":
    main()

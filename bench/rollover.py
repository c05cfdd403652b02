"""The move to next year's edition: the rollover screen's preview (a dry run) and the rollover itself.

    python bench/rollover.py [--runs 3] [--sizes 5,50]

Builds the demo office (ITA 2566) in a throw-away test database (SQLite in memory unless
DATABASE_URL is set), loads ITA 2568, adds N document pages under each of the 43 indicators, and
times the preview the supervisor sees (``reports.rollover.preview``: the whole rollover and
readiness, rolled back) with its SQL query count; then, at the last size, the rollover itself and
running it again (idempotent). Prints figures; it asserts nothing (see the README).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")

sys.path.insert(0, str(REPO / "bench"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="previews per figure (median)")
    parser.add_argument("--sizes", default="5,50", help="pages per indicator, ascending")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    import django

    django.setup()
    import datetime

    from _benchdb import test_database
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import (
        CaptureQueriesContext,
    )
    from run import _add_pages

    settings.DEBUG = False
    with test_database():
        call_command("setup_demo", force=True, quiet=True, single_office=True)
        from wagtail.models import Site

        from wagtail_disclosure.approval.policy import trusted_publication
        from wagtail_disclosure.catalogue.loader import load
        from wagtail_disclosure.models import DocumentPage, IndicatorPage
        from wagtail_disclosure.office_setup import roll_over
        from wagtail_disclosure.reports.rollover import preview

        site = Site.objects.get(is_default_site=True)
        edition = load("ita-2568").edition
        indicators = list(IndicatorPage.objects.order_by("path"))
        print(f"{'pages/indicator':>15} {'total pages':>11} | {'preview queries':>15} "
              f"{'preview s':>9} {'links made':>10}")  # fmt: skip
        have, day = 0, datetime.date(2025, 10, 1)
        for size in sizes:
            with trusted_publication():
                _add_pages(indicators, have, size, day, DocumentPage)
            have = size
            total = DocumentPage.objects.live().filter(slug__startswith="bench-").count()
            with CaptureQueriesContext(connection) as queries:
                result = preview(site, edition)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                preview(site, edition)
                times.append(time.perf_counter() - start)
            print(f"{size:>15} {total:>11} | {len(queries):>15} "
                  f"{statistics.median(times):>9.2f} {result.carried:>10}")  # fmt: skip
        start = time.perf_counter()
        done = roll_over(site, edition)
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = roll_over(site, edition)
        second = time.perf_counter() - start
        print(f"rollover at {total} pages: {first:.2f} s ({len(done.created_indicators)} indicator "
              f"pages, {sum(done.linked.values())} links); run again: {second:.2f} s "
              f"(already done: {again.already_done}); database: {connection.vendor}")  # fmt: skip


if __name__ == "__main__":
    main()

"""Indexing and query time of the search on 10,000 Thai pages in several offices, both backends.

    python bench/search_speed.py [--pages 10000] [--offices 10] [--queries 200]
    DATABASE_URL=postgres://… python bench/search_speed.py

Creates the offices in a throw-away test database (dropped afterwards): the demo's two, then more
set up as ``disclosure_setup_office`` does, and spreads generated Thai documents over all their
indicator pages, published as trusted set-up and checked live. Indexes them with Wagtail's
database backend and with ours, and times each query as the public search page runs it, in one
office after the other (the office's pages, its token in the match): the count and the first page
of 10 results. Then the time to index one more page, which must not grow with the index. On
PostgreSQL the tables are analysed after each backend's indexing, as a running site's autovacuum
keeps them (a freshly filled index has no statistics and the planner guesses).
"""

import argparse
import random
import statistics
import time
from pathlib import Path

import yaml
from _searchbench import BACKENDS, reindex, test_database

HERE = Path(__file__).resolve().parent


def vocabulary():
    """Thai sentences of the quality corpus, and their words, to compose pages from."""
    from wagtail_disclosure.search import segment

    corpus = yaml.safe_load((HERE / "search_corpus.yaml").read_text("utf-8"))
    sentences = [e["title"] for e in corpus] + [e.get("body", "") for e in corpus if e.get("body")]
    words = sorted({w for s in sentences for w in segment.words(s) if segment.is_thai(w)})
    return sentences, words


def make_offices(count):
    """The demo's offices and new ones up to ``count``, each with its hub and indicator pages."""
    from wagtail.models import Page, Site

    from wagtail_disclosure.office_setup import set_up_office

    sites = list(Site.objects.order_by("pk"))
    root = Page.get_first_root_node()
    for n in range(len(sites), count):
        home = root.add_child(instance=Page(title=f"สำนักงานเขตพื้นที่ {n}", slug=f"speed-office-{n}"))
        site = Site.objects.create(hostname=f"office{n}.speed", port=80, root_page=home)
        set_up_office(site)
        sites.append(site)
    return sites[:count] if count else sites


def make_pages(count, sentences, words, rng):
    from wagtail_disclosure.models import DocumentPage, IndicatorPage

    parents = list(IndicatorPage.objects.order_by("path"))
    created = 0
    for parent in parents:
        share = count // len(parents) + (1 if parents.index(parent) < count % len(parents) else 0)
        last = parent.get_last_child()
        first = (int(last.path[-DocumentPage.steplen :], 36) if last else 0) + 1
        for n in range(share):
            depth = parent.depth + 1
            title = " ".join(rng.sample(words, 6)) + f" ๒๕๖{rng.randint(0, 9)}"
            body = " ".join(rng.choice(sentences) for _ in range(5))
            body += " " + "".join(rng.sample(words, 40))
            page = DocumentPage(
                title=title,
                slug=f"speed-{created}",
                summary=rng.choice(sentences),
                body=f"<p>{body}</p>",
                depth=depth,
                path=DocumentPage._get_path(parent.path, depth, first + n),
            )
            page.save(clean=False)
            page.catalogue_items.set([parent.item_id])
            created += 1
        parent.numchild += share
        parent.save(update_fields=["numchild"], clean=False)
    return created


def queries(words, rng, count):
    fixed = ["จัดซื้อ", "งบประมาณ", "ร้องเรียน", "O21", "ITA", "๒๕๖๗", "แผนปฏิบัติราชการ ๒๕๖๗"]
    generated = []
    while len(fixed) + len(generated) < count:
        kind = rng.random()
        if kind < 0.5:
            generated.append(rng.choice(words))
        elif kind < 0.8:
            generated.append(" ".join(rng.sample(words, 2)))
        else:
            word = rng.choice([w for w in words if len(w) >= 4])
            generated.append(word[: len(word) - 1])  # a partial word
    return fixed + generated


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--offices", type=int, default=10)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from wagtail_disclosure.approval.policy import trusted_publication
    from wagtail_disclosure.models import DocumentPage
    from wagtail_disclosure.search.query import search_pages, search_scope

    rng = random.Random(2567)
    with test_database() as connection:
        call_command("setup_demo", force=True, quiet=True)
        sentences, words = vocabulary()
        started = time.perf_counter()
        # Trusted set-up, as setup_demo builds content: the pages go live without the chain.
        with transaction.atomic(), trusted_publication():
            offices = make_offices(args.offices)
            made = make_pages(args.pages, sentences, words, rng)
        live = DocumentPage.objects.live().filter(slug__startswith="speed-").count()
        if live != made:
            raise SystemExit(f"only {live} of {made} generated pages are live")
        pages = Page.objects.count()
        print(
            f"Search speed on {connection.vendor}: {made} generated Thai pages, {live} live "
            f"(checked), {pages} pages in all, in {len(offices)} offices (created in "
            f"{time.perf_counter() - started:.0f} s); {args.queries} queries, each in one office"
        )
        texts = queries(words, rng, args.queries)
        print(f"{'backend':<42} {'index s':>8} {'ms/page':>8} {'median ms':>10} {'p95 ms':>8} "
              f"{'hits':>6} {'one more page ms':>17}")  # fmt: skip
        extra = DocumentPage.objects.live().filter(slug__startswith="speed-").order_by("pk")
        for name, label in BACKENDS:
            index_seconds = reindex(name)
            if connection.vendor == "postgresql":
                # A running site's autovacuum has statistics of its tables; a freshly filled
                # index has none until it runs, and the planner guesses. Both backends alike.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            timings, hits = [], 0
            for n, text in enumerate(texts):
                site = offices[n % len(offices)]
                started = time.perf_counter()
                results = search_pages(
                    search_scope(site), text, backend=name, within=site.root_page
                )
                total = results.count()
                list(results[:10])
                timings.append((time.perf_counter() - started) * 1000)
                hits += total > 0
            # Indexing one page, as publishing does: its entry, and what the backend refreshes.
            backend, one = get_search_backend(name), []
            for page in extra[:20]:
                started = time.perf_counter()
                backend.add(page)
                one.append((time.perf_counter() - started) * 1000)
            print(
                f"{label:<42} {index_seconds:>8.1f} {index_seconds / pages * 1000:>8.2f} "
                f"{statistics.median(timings):>10.1f} {percentile(timings, 0.95):>8.1f} "
                f"{hits:>6} {statistics.median(one):>17.1f}"
            )
        print("hits: queries with at least one result; one more page: median time to index one "
              "published page into the full index (modelsearch refreshes title statistics over "
              "the whole index)")  # fmt: skip


if __name__ == "__main__":
    main()

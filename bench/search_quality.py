"""Recall@10 and MRR of Wagtail's default database backend and of ours, on the same Thai pages.

    python bench/search_quality.py          # SQLite (in memory)
    DATABASE_URL=postgres://… python bench/search_quality.py

Builds the demo office plus the pages of bench/search_corpus.yaml in a throw-away test database
(dropped afterwards), published as trusted set-up (as ``setup_demo`` builds content) and checked
live, indexes them with each backend in turn, and runs the queries of bench/search_queries.yaml the
way the public search page does (``search_pages`` over the office's pages, the office's token in
the match). Prints the figures and the queries ours misses.
"""

import datetime
import statistics
from pathlib import Path

import yaml
from _searchbench import BACKENDS, docx_bytes, reindex, test_database

HERE = Path(__file__).resolve().parent
TOP = 10


def build_corpus(site):
    """The corpus pages under the demo office's indicator pages; returns {slug: page id}."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from wagtail_disclosure.models import (
        DocumentAttachment,
        DocumentPage,
        IndicatorPage,
        NewsPage,
        ProcurementRow,
        ProcurementSummaryPage,
    )

    ids = {}
    for n, entry in enumerate(yaml.safe_load((HERE / "search_corpus.yaml").read_text("utf-8"))):
        parent = IndicatorPage.objects.descendant_of(site.root_page).get(item__code=entry["code"])
        common = {
            "title": entry["title"],
            "slug": f"bench-{entry['slug']}",
            "date": datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        }
        if entry["kind"] == "procurement":
            page = ProcurementSummaryPage(
                month=entry["month"],
                year=entry["year"],
                no_procurement=not entry["rows"],
                **common,
            )
            for row in entry["rows"]:
                page.rows.add(
                    ProcurementRow(
                        work=row["work"],
                        budget=1,
                        method=row["method"],
                        bidders=row["who"],
                        selected=row["who"],
                        reason=row["reason"],
                        contract=row["contract"],
                    )
                )
        elif entry["kind"] == "news":
            page = NewsPage(summary=entry["summary"], body=f"<p>{entry['body']}</p>", **common)
        else:
            page = DocumentPage(summary=entry["summary"], body=f"<p>{entry['body']}</p>", **common)
        page.catalogue_items = [parent.item]
        parent.add_child(instance=page)
        if entry.get("attachment"):
            # A real DOCX, whose text the extraction task (run at once, no TASKS setting) stores.
            document = get_document_model().objects.create(
                title=entry["title"],
                file=ContentFile(docx_bytes(entry["attachment"]), name=f"{entry['slug']}.docx"),
            )
            if isinstance(page, DocumentPage):
                DocumentAttachment.objects.create(page=page, document=document)
            else:
                page.body += f"<p>{entry['attachment']}</p>"
                page.save()
        ids[entry["slug"]] = page.pk
    return ids


def measure(backend_name, queries, ids, site):
    from wagtail_disclosure.search.query import search_pages, search_scope

    recalls, reciprocal_ranks, misses = [], [], []
    for query in queries:
        expected = {ids[slug] for slug in query["expect"]}
        results = search_pages(
            search_scope(site), str(query["q"]), backend=backend_name, within=site.root_page
        )
        found = [p.pk for p in results[:TOP]]
        hits = expected.intersection(found)
        recalls.append(len(hits) / len(expected))
        first = next((rank for rank, pk in enumerate(found, 1) if pk in expected), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        if len(hits) < len(expected):
            misses.append(f"{query['q']} ({query['why']}): {len(hits)}/{len(expected)}")
    return statistics.mean(recalls), statistics.mean(reciprocal_ranks), misses


def main():
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from wagtail_disclosure.approval.policy import trusted_publication

    queries = yaml.safe_load((HERE / "search_queries.yaml").read_text("utf-8"))
    with test_database() as connection:
        call_command("setup_demo", force=True, quiet=True)
        # Trusted set-up, as setup_demo builds content: the pages go live without the chain.
        site = Site.objects.get(is_default_site=True)
        with trusted_publication():
            ids = build_corpus(site)
        live = Page.objects.live().filter(pk__in=ids.values()).count()
        if live != len(ids):
            raise SystemExit(f"only {live} of {len(ids)} corpus pages are live")
        pages = Page.objects.count()
        print(
            f"Search quality on {connection.vendor}: {len(queries)} queries, {len(ids)} corpus "
            f"pages ({live} live, checked) among {pages} pages, recall@{TOP} and MRR@{TOP}, "
            f"within the demo office"
        )
        print(f"{'backend':<42} {'recall@10':>9} {'MRR':>6}")
        results = {}
        for name, label in BACKENDS:
            reindex(name)
            recall, mrr, misses = measure(name, queries, ids, site)
            results[name] = misses
            print(f"{label:<42} {recall:>9.3f} {mrr:>6.3f}")
        misses = results["thai"]
        print(f"Queries the Thai backend does not fully answer ({len(misses)}):")
        for line in misses:
            print("  " + line)


if __name__ == "__main__":
    main()

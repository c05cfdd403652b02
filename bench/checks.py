"""Time the whole check suite on a large page: 100 images, 50,000 Thai characters of text.

Usage: .venv/bin/python bench/checks.py [--runs 15]
       DATABASE_URL=postgres://… .venv/bin/python bench/checks.py

Works in a throw-away test database (SQLite in memory, or ``test_<name>`` next to DATABASE_URL's)
and a temporary media folder, both dropped afterwards. The page is published as trusted set-up
(as ``setup_demo`` builds content) and checked live. Prints the median time of ``run_checks``
over the runs; the target is under 200 ms.
"""

import argparse
import io
import statistics
import time

from _benchdb import test_database

PARAGRAPH = (
    "สำนักงานเขตพื้นที่การศึกษาจัดอบรมบุคลากรเรื่องประมวลจริยธรรมและการป้องกันการทุจริต "
    "ผู้เข้าร่วมจากโรงเรียนในสังกัด ๑๒๐ คน ติดต่อสอบถามได้ที่กลุ่มนโยบายและแผน โทร ๐ ๒๐๐๐ ๐๐๐๐ "
    "งบประมาณ ๔,๕๐๐,๐๐๐ บาท ตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๖ "
    "และพานักเรียนไปทัศนศึกษาที่สวนสัตว์ "  # a word-list candidate in every paragraph: worst case
)
THAI_PER_PARAGRAPH = sum(1 for ch in PARAGRAPH if "\u0e00" <= ch <= "\u0e7f")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with test_database() as connection:
        bench(args, connection)


def bench(args, connection):
    from django.core.files.base import ContentFile
    from PIL import Image
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from wagtail_disclosure.approval.policy import trusted_publication
    from wagtail_disclosure.compliance.engine import run_checks
    from wagtail_disclosure.models import ImageRights, NewsPage, NewsPhoto, PageSource

    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(buffer, "PNG")
    images = []
    for n in range(100):
        image = get_image_model()(title=f"ภาพกิจกรรม {n}", description="ภาพบรรยากาศ")
        image.file.save(f"bench{n}.png", ContentFile(buffer.getvalue()), save=False)
        image.width = image.height = 16
        images.append(image)
    get_image_model().objects.bulk_create(images)
    images = list(get_image_model().objects.order_by("pk")[:100])
    ImageRights.objects.bulk_create(
        ImageRights(
            image=image,
            source="งานประชาสัมพันธ์",
            licence="own",
            shows_people=True,
            consent_obtained=True,
            consent_recorded_by="นางสาวสุดา ใจดี",
            official_pr_purpose=True,
        )
        for image in images
    )

    paragraphs, length, n = [], 0, 0
    while length < 50_000:
        embed = ""
        if n % 5 == 0 and n // 5 < 50:
            embed = f'<embed embedtype="image" id="{images[n // 5].pk}" format="left" alt="ภาพ"/>'
        text = f"<p>{PARAGRAPH}</p>{embed}"
        paragraphs.append(text)
        length += THAI_PER_PARAGRAPH
        n += 1
    page = NewsPage(title="ข่าวกิจกรรมขนาดใหญ่", slug="big", body="".join(paragraphs))
    page.photos = [NewsPhoto(image=image, caption=f"ภาพที่ {i}") for i, image in enumerate(images)]
    page.sources = [PageSource(title="แหล่งที่มา")]
    # Trusted set-up, as setup_demo builds content: the page goes live without the chain.
    with trusted_publication():
        Page.get_first_root_node().add_child(instance=page)
        page.save_revision().publish()
    live = NewsPage.objects.live().filter(pk=page.pk).count()
    if not live:
        raise SystemExit("the bench page is not live")
    page = NewsPage.objects.get(pk=page.pk)

    report = run_checks(page, "submit")  # warm-up: word list, tokenizer dictionary
    timings = []
    for _run in range(args.runs):
        start = time.perf_counter()
        report = run_checks(page, "submit")
        timings.append((time.perf_counter() - start) * 1000)
    thai_chars = sum(1 for ch in page.body if "\u0e00" <= ch <= "\u0e7f")
    print(
        f"page: {len(images)} images (100 chosen, 50 also embedded), {thai_chars} Thai characters; "
        f"live pages: {live} of 1 (database: {connection.vendor}, throw-away)"
    )
    print(f"results: {len(report.blocking)} blocking, {len(report.warnings)} warnings")
    print(
        f"run_checks median {statistics.median(timings):.1f} ms, "
        f"min {min(timings):.1f} ms, max {max(timings):.1f} ms over {args.runs} runs "
        f"(target < 200 ms)"
    )


if __name__ == "__main__":
    main()

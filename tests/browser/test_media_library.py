"""A photo uploaded in Wagtail's own image library, clicked through in Thai: the rights fields are
on the form Wagtail shows after the upload, they are saved beside the stock image, and the stored
photo has lost its GPS position."""

import io

import pytest
from PIL import Image as PillowImage
from wagtail.images.models import Image

from wagtail_disclosure.models import rights_of

pytestmark = pytest.mark.browser

GPS = {1: "N", 2: (13.0, 45.0, 36.0), 3: "E", 4: (100.0, 31.0, 12.0)}


def photo_with_gps():
    exif = PillowImage.Exif()
    exif[0x010F] = "Canon"
    exif[0x8825] = GPS
    out = io.BytesIO()
    PillowImage.new("RGB", (64, 48), "teal").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_photo_uploaded_in_the_library_keeps_its_rights_and_loses_gps(
    demo_live, browser_page, login, artifacts, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page, url = browser_page, demo_live["url"]
    login(page, "admin")
    page.goto(f"{url}/admin/images/multiple/add/")
    page.set_input_files(
        "#fileupload",
        files=[{"name": "students.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}],
    )
    form = page.locator("#upload-list li form").first
    form.wait_for()
    form.locator("input[name$='-source']").fill("งานประชาสัมพันธ์ กลุ่มอำนวยการ")
    form.locator("select[name$='-licence']").select_option("own")
    form.locator("input[name$='-shows_people']").check()
    form.locator("input[name$='-consent_obtained']").check()
    form.locator("input[name$='-consent_recorded_by']").fill("นางสาวสุดา ใจดี")
    form.locator("input[name$='-official_pr_purpose']").check()
    page.screenshot(path=str(artifacts / "1-uploaded.png"), full_page=True)
    form.locator("[type=submit]").first.click()
    # Saved: Wagtail takes the row off the upload list and says so at the top.
    page.locator("#upload-list li").first.wait_for(state="detached")

    image = Image.objects.get(file__contains="students")
    rights = rights_of(image)
    assert (rights.source, rights.licence) == ("งานประชาสัมพันธ์ กลุ่มอำนวยการ", "own")
    assert rights.shows_people and not rights.consent_missing
    with image.open_file() as handle:
        assert PillowImage.open(io.BytesIO(handle.read())).getexif().get_ifd(0x8825) == {}

    page.goto(f"{url}/admin/images/{image.pk}/")
    assert page.locator("#id_source").input_value() == "งานประชาสัมพันธ์ กลุ่มอำนวยการ"
    assert page.locator("label[for=id_source]").inner_text().strip().startswith("แหล่งที่มา")
    page.screenshot(path=str(artifacts / "2-edit.png"), full_page=True)

"""Run by ``tests/test_install_office.py`` inside the ``wagtail start`` site AFTER the README's
install steps: what the office then has. Prints its findings as JSON; the test asserts on them.

- the site's own image, document and home page as they were (``seed.py`` printed them);
- the hub ``/oit/`` with its indicators, inside the site's own base template;
- a page under an approval-required indicator through the chain, as people do it in the admin:
  the author files the request memo, the group director allows, the director orders publication.

``python verify.py SEED_JSON`` with the site folder as the working directory; it imports nothing of
this repository (the app is the one installed from the wheel).
"""

import json
import re
import sys

import django

MEMO = {
    "subject": "ขออนุญาตเผยแพร่แผนปฏิบัติราชการประจำปี",
    "work_unit": "กลุ่มนโยบายและแผน",
    "number": "ศธ 04001/101",
    "body": "เพื่อให้ประชาชนเข้าถึงข้อมูลตามประกาศ",
    "attachments": "แผนปฏิบัติราชการ 1 ฉบับ",
    "certified": "on",
}


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def old_content(client, seed):
    from seed import shown
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    image = get_image_model().objects.get(pk=seed["image"])
    document = get_document_model().objects.get(pk=seed["document"])
    home = client.get("/")
    return {
        "image_file": image.file.name,
        "image_status": [client.get(src).status_code for src in seed["home"]["images"]],
        "document_url": document.url,
        "document_status": client.get(seed["document_url"]).status_code,
        "document_bytes": len(body_of(client.get(seed["document_url"]))),
        "home_status": home.status_code,
        "home": shown(home.content.decode()),
    }


def new_uploads(client):
    """The web team uploads a photo and a PDF after the install, through the library's forms (now
    with the rights fields and the content checks): the home page still shows its own image and
    document, not the new ones that may have taken over an id."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from seed import PDF, png_bytes, shown
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from wagtail_disclosure.models import rights_of

    admin = get_user_model().objects.create_superuser("webadmin", "web@office.example", "x")
    client.force_login(admin)
    rights = {"collection": 1, "source": "งานประชาสัมพันธ์", "licence": "own"}
    image = client.post(
        reverse("wagtailimages:add"),
        {"title": "ภาพกิจกรรมใหม่", "file": SimpleUploadedFile("new.png", png_bytes()), **rights},
    )
    document = client.post(
        reverse("wagtaildocs:add"),
        {"title": "ประกาศใหม่", "file": SimpleUploadedFile("new.pdf", PDF), **rights},
    )
    client.logout()
    new_image = get_image_model().objects.filter(title="ภาพกิจกรรมใหม่").first()
    new_document = get_document_model().objects.filter(title="ประกาศใหม่").first()
    return {
        "status": [image.status_code, document.status_code],
        "rights": [rights_of(new_image).source if new_image else None,
                   rights_of(new_document).source if new_document else None],
        "home": shown(client.get("/").content.decode()),
    }  # fmt: skip


def hub(client):
    response = client.get("/oit/")
    html = response.content.decode()
    return {
        "status": response.status_code,
        "indicators": sorted(
            set(re.findall(r'href="/oit/(o\d+)/"', html)), key=lambda s: int(s[1:])
        ),
        "site_base": "css/mysite.css" in html,  # the wagtail start site's own base template
        "breadcrumb": 'class="wd-breadcrumb"' in html,
    }


def chain(client):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.urls import reverse
    from wagtail.models import Site

    from wagtail_disclosure.models import DocumentPage, IndicatorPage, Person, WorkGroup

    site = Site.objects.get(is_default_site=True)
    policy = WorkGroup.objects.get(site=site, code="policy")
    people = {}
    for username, role, group in (
        ("somchai", Person.Role.AUTHOR, policy),
        ("suda", Person.Role.GROUP_DIRECTOR, policy),
        ("prasert", Person.Role.DIRECTOR, None),
    ):
        user = get_user_model().objects.create_user(username, f"{username}@office.example", "x")
        Person.objects.create(site=site, user=user, full_name=username, role=role, work_group=group)
        people[role] = user
    call_command("disclosure_setup_office", verbosity=0)  # puts the new people into their groups

    o11 = IndicatorPage.objects.get(item__code="O11")
    author = people[Person.Role.AUTHOR]
    page = DocumentPage(
        title="แผนปฏิบัติราชการประจำปี", slug="plan", live=False, owner=author,
        responsible_group=policy, body="<p>แผนปฏิบัติราชการประจำปีของสำนักงาน</p>",
    )  # fmt: skip
    page.catalogue_items.set([o11.item])
    o11.add_child(instance=page)
    page.save_revision(user=author)

    steps = []
    client.force_login(author)
    filed = client.post(
        reverse("wagtail_disclosure_admin:request_publication", args=[page.pk]), MEMO
    )
    steps.append(("memo", filed.status_code))
    for role, comment in (
        (Person.Role.GROUP_DIRECTOR, "เห็นควรอนุญาต"),
        (Person.Role.DIRECTOR, "อนุญาต"),
    ):
        state = DocumentPage.objects.get(pk=page.pk).current_workflow_task_state
        if state is None:
            steps.append((role, "no step"))
            break
        client.force_login(people[role])
        response = client.post(
            reverse("wagtail_disclosure_admin:review_task", args=[state.pk]),
            {"action": "approve", "allow-comment": comment},
        )
        steps.append((state.task.specific.step, response.status_code))
    client.logout()
    page = DocumentPage.objects.get(pk=page.pk)
    return {
        "steps": steps,
        "live": page.live,
        "public_status": client.get(page.url).status_code if page.live else None,
    }


def main():
    django.setup()
    from django.test import Client

    import wagtail_disclosure

    seed = json.loads(sys.argv[1])
    client = Client()
    print(
        json.dumps(
            {
                "app": wagtail_disclosure.__file__,
                "prefix": sys.prefix,
                "old": old_content(client, seed),
                "uploads": new_uploads(client),
                "hub": hub(client),
                "chain": chain(client),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())

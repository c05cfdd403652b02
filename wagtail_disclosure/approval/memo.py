"""The request memo (บันทึกข้อความ) of one revision as a PDF, built from the chain's records.

Official layout (Garuda, ส่วนราชการ / ที่ / วันที่ / เรื่อง / เรียน, body, then one box per step of
the chain the memo went through, each signed with the name and position of who took it: the group
director's opinion, the deputy's endorsement, the director's order with "ปฏิบัติราชการแทน" where a
deputy acted, and who put it online), Buddhist-Era dates, Thai digits.
The memo names the indicator's address, where the reader finds the item: a page's own address is a
Thai slug that prints as lines of percent-encoding.
"""

from django.core.files.base import ContentFile
from django.templatetags.static import static
from django.utils import timezone
from django.utils.encoding import uri_to_iri

from wagtail_disclosure import conf
from wagtail_disclosure.links import page_url
from wagtail_disclosure.models import ApprovalDecision, OfficeProfile, Person, RequestMemo
from wagtail_disclosure.pdf import render_pdf
from wagtail_disclosure.thai import format_thai_date, thai_digits

TEMPLATE = "wagtail_disclosure/print/request_memo.html"


def _decision(revision, step):
    return (
        ApprovalDecision.objects.filter(revision=revision, step=step)
        .exclude(decision=ApprovalDecision.Decision.BLOCKED)
        .select_related("user", "acting_as", "on_behalf_of", "delegation")
        .order_by("-created_at", "-pk")
        .first()
    )


def _signer(decision):
    if decision is None:
        return None
    person = decision.acting_as
    name = person.full_name if person else (decision.user.get_full_name() if decision.user else "")
    return {
        "decision": decision,
        "allowed": decision.decision in ("allowed", "published"),
        "name": name,
        "position": person.position if person else "",
        "on_behalf_of": decision.on_behalf_of,
        "delegation": decision.delegation,
        "date": format_thai_date(decision.created_at, digits=True),
        "reason": decision.reason,
    }


# The box of each step after the author's, as the announcements' memos print it: heading, the
# "allowed" and "not allowed" lines. The สพป.ปทุมธานี เขต 1 chain asks the director's approval
# (ความเห็นชอบ) where the others ask for an order (คำสั่ง).
BOXES = {
    "group_review": ("ความเห็นของผู้อำนวยการกลุ่ม", "อนุญาต", "ไม่อนุญาต เนื่องจาก"),
    "deputy_endorsement": (
        "ความเห็นของรองผู้อำนวยการ",
        "เรียน เสนอ ผู้อำนวยการ เห็นควรอนุญาต",
        "ไม่เห็นควรอนุญาต เนื่องจาก",
    ),
    "director_order": ("คำสั่ง", "อนุญาต", "ไม่อนุญาต เนื่องจาก"),
}
APPROVAL_BOX = ("ความเห็นชอบของผู้อำนวยการ", "เห็นชอบ", "ไม่เห็นชอบ เนื่องจาก")


def chain_steps(memo):
    """The step codes of the chain ``memo`` went through, in order (the author's first)."""
    tasks = memo.workflow_state.workflow.tasks.filter(active=True).specific()
    return [task.step for task in tasks if getattr(task, "step", None)]


def _boxes(memo, codes):
    verification = bool(codes) and codes[0] == "verification"
    boxes = []
    for code in codes:
        if code not in BOXES:
            continue
        heading, allow, refuse = (
            APPROVAL_BOX if code == "director_order" and verification else BOXES[code]
        )
        boxes.append(
            {
                "step": code,
                "heading": heading,
                "allow": allow,
                "refuse": refuse,
                "signer": _signer(_decision(memo.revision, code)),
            }
        )
    return boxes


def memo_for(revision):
    return (
        RequestMemo.objects.filter(revision=revision)
        .select_related("author", "page", "workflow_state")
        .first()
    )


def memo_context(memo):
    page = memo.page.specific
    site = page.get_site()
    profile = OfficeProfile.for_site(site) if site else None
    author_person = (
        Person.objects.filter(site=site, user=memo.author).first() if memo.author else None
    )
    emblem = conf.get("MEMO_EMBLEM")
    indicator = page.get_parent().specific
    codes = chain_steps(memo)
    return {
        "memo": memo,
        "page": page,
        "indicator": indicator,
        "page_url": uri_to_iri(page_url(indicator) or page_url(page)),
        "office": profile,
        "emblem_url": static(emblem) if emblem else "",
        "number": thai_digits(memo.number, force=True),
        "date": format_thai_date(memo.date, digits=True),
        "attachments": [thai_digits(a, force=True) for a in memo.attachment_list],
        "author": {
            "name": author_person.full_name
            if author_person
            else (memo.author.get_full_name() if memo.author else ""),
            "position": author_person.position if author_person else "",
        },
        "verification": codes[:1] == ["verification"],
        "boxes": _boxes(memo, codes),
        "publication": _signer(_decision(memo.revision, "publication"))
        if "publication" in codes
        else None,
        "printed": format_thai_date(timezone.now(), digits=True),
    }


def render_memo_pdf(memo):
    return render_pdf(TEMPLATE, memo_context(memo))


def store_memo_pdf(workflow_state, revision):
    """Freeze the memo of ``revision`` as a PDF file: the evidence of an approval that went live."""
    memo = memo_for(revision)
    if memo is None:
        return None
    pdf = render_memo_pdf(memo)
    memo.pdf.save(f"memo-{memo.page_id}-{revision.pk}.pdf", ContentFile(pdf), save=True)
    return memo

"""The request memo (บันทึกข้อความ) of one revision as a PDF, built from the chain's records.

Official layout (Garuda, ส่วนราชการ / ที่ / วันที่ / เรื่อง / เรียน, body, the group director's opinion,
the director's order with "ปฏิบัติราชการแทน" where a deputy acted), Buddhist-Era dates, Thai digits.
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
        "group": _signer(_decision(memo.revision, "group_review")),
        "order": _signer(_decision(memo.revision, "director_order")),
        "publication": _signer(_decision(memo.revision, "publication")),
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

"""Each office's chain as its announcement has it, walked end to end.

The demo office is put on each preset of ``approval/presets.yaml`` in turn and a request for an
approval-required page (O11, the policy group's) is taken through every step: at each step only
its takers may act, in order; nobody takes two steps (a deputy who endorsed does not also order
on the director's behalf, the author does not publish what they wrote); nobody approves their
own work; nobody of another office acts; the page goes live only when the last step is taken;
and the memo prints every step with the name of who signed it.
"""

import io
import re

import pypdfium2
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader
from wagtail.models import Page, Site

from tests.utils.approval import MEMO, act, current_step, make_draft
from tests.utils.pdf_text import skeleton
from wagtail_disclosure.approval import chains
from wagtail_disclosure.approval import request as publication_request
from wagtail_disclosure.approval.memo import memo_for, render_memo_pdf
from wagtail_disclosure.models import ApprovalDecision, DocumentPage, Person, WorkGroup

pytestmark = pytest.mark.django_db

THAI = re.compile(r"[\u0e00-\u0e7f]")
VERIFICATION = dict(MEMO, subject="ขอความเห็นชอบเผยแพร่แผนดำเนินงานประจำปี", lawful=True)

# preset → [(step, who takes it, who else may take it)]: everyone else of both offices may not.
WALKS = {
    "memo-group-director": [
        ("memo", "author", ()),
        ("group_review", "groupdirector", ()),
        ("director_order", "director", ("deputy",)),  # the deputy under the delegation in force
    ],
    "group-deputy-director": [
        ("memo", "author", ()),
        ("group_review", "groupdirector", ()),
        ("deputy_endorsement", "deputy", ()),  # deputy2 oversees another group
        ("director_order", "director", ()),  # the deputy endorsed: not also on behalf
        ("publication", "author2", ("publisher",)),  # not the author: they wrote it
    ],
    "deputy-endorsement": [
        ("memo", "author", ()),
        ("group_review", "groupdirector", ()),
        ("deputy_endorsement", "deputy", ()),
        ("director_order", "director", ()),
        ("publication", "publisher", ()),  # the ICT group only: no group officer
    ],
    "verify-approve-publish": [
        ("verification", "author", ()),
        ("director_order", "director", ()),  # the director in person: no deputy on behalf
        ("publication", "publisher", ("author2",)),
    ],
}

# The heading of each step's box on the printed memo.
HEADINGS = {
    "group_review": "ความเห็นของผู้อำนวยการกลุ่ม",
    "deputy_endorsement": "ความเห็นของรองผู้อำนวยการ",
}


def _person(site, username, full_name, position, role, group=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.go.th", "x")
    Person.objects.create(
        site=site,
        user=user,
        full_name=full_name,
        position=position,
        role=role,
        work_group=group,
    )
    return user


@pytest.fixture
def people(demo, users):
    """The demo's people, a second web officer of the policy group and a second deputy who
    oversees the finance group (the demo's deputy oversees policy)."""
    site = demo["site"]
    policy = WorkGroup.objects.get(site=site, code="policy")
    finance = WorkGroup.objects.get(site=site, code="finance")
    found = dict(users)
    found["author2"] = _person(
        site, "author2", "นายวีระ ขยันยิ่ง", "เจ้าหน้าที่ดูแลเว็บไซต์", Person.Role.AUTHOR, policy
    )
    found["deputy2"] = _person(
        site, "deputy2", "นายชาญ ชัยชนะ", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", Person.Role.DEPUTY
    )
    Person.objects.get(user=found["deputy2"]).oversees.set([finance])
    Person.objects.get(user=users["deputy"]).oversees.set([policy])
    return found


@pytest.fixture
def outsiders(demo):
    """Another office on the install, with a person in every role of its own policy group."""
    home = Page.get_first_root_node().add_child(instance=Page(title="อีกสำนักงาน", slug="other"))
    site = Site.objects.create(hostname="other.example", port=80, root_page=home)
    WorkGroup.create_defaults(site)
    policy = WorkGroup.objects.get(site=site, code="policy")
    found = []
    for role in Person.Role:
        group = policy if role in (Person.Role.AUTHOR, Person.Role.GROUP_DIRECTOR) else None
        found.append(_person(site, f"other-{role.value}", f"คนนอก {role.label}", "", role, group))
    deputy = Person.objects.get(site=site, role=Person.Role.DEPUTY)
    deputy.oversees.set([policy])
    return found


def file_request(page, user, slug):
    data = (
        VERIFICATION if chains.presets()[slug].as_dict()["first_step"] == "verification" else MEMO
    )
    publication_request.file_memo(page, user, data)


@pytest.mark.parametrize("slug", list(WALKS))
def test_each_preset_runs_as_its_announcement_says(
    slug, demo, indicator, people, outsiders, artifacts
):
    site = demo["site"]
    chain = chains.set_chain(site, slug)
    assert chain.preset == slug
    page = make_draft(indicator, people["author"], slug=f"walk-{slug}")
    walk = WALKS[slug]
    assert [step.task_class.step for step in chains.steps(chain)] == [s for s, *_ in walk]

    everyone = {**people}
    everyone.update({u.username: u for u in outsiders})
    taken = []
    for number, (step, taker, also) in enumerate(walk):
        if number == 0:
            file_request(page, people[taker], slug)
            taken.append(taker)
            continue
        assert current_step(page) == step, (slug, step)
        live = DocumentPage.objects.get(pk=page.pk)
        assert not live.live, f"online before the step “{step}” was taken"
        task = live.current_workflow_task.specific
        allowed = {taker, *also}
        for name, user in everyone.items():
            actions = task.get_actions(live, user)
            if name in allowed:
                assert actions, (slug, step, name)
            else:
                assert actions == [], (slug, step, name)
        # Those who took a step already are refused in so many words, not just hidden.
        for name in taken:
            with pytest.raises(PermissionDenied):
                act(page, people[name], comment="อนุญาต")
        act(page, people[taker], comment="เห็นควรอนุญาต")
        taken.append(taker)

    page = DocumentPage.objects.get(pk=page.pk)
    assert page.live and page.live_revision_id == page.latest_revision_id
    decisions = ApprovalDecision.objects.filter(page=page).order_by("created_at", "pk")
    assert [(d.step, d.user.username) for d in decisions] == [(s, t) for s, t, _ in walk]
    assert len({d.user_id for d in decisions}) == len(walk), "one person, one step"

    # The memo prints each step of the chain with the name and position of who signed it.
    memo = memo_for(page.live_revision)
    data = render_memo_pdf(memo)
    (artifacts / f"memo-{slug}.pdf").write_bytes(data)
    pages = pypdfium2.PdfDocument(data)
    assert len(pages) == 1, "the memo and every signature fit on one page"
    image = pages[0].render(scale=1.5).to_pil()
    image.save(artifacts / f"memo-{slug}.png")
    assert image.getbbox() is not None
    text = skeleton(PdfReader(io.BytesIO(data)).pages[0].extract_text())
    for step, taker, _also in walk:
        person = Person.objects.get(user=people[taker])
        assert skeleton(person.full_name) in text, (step, person.full_name)
        if step not in ("memo", "verification"):  # the author's position prints under "ผู้ขออนุญาต"
            assert skeleton(person.position) in text, (step, person.position)
        if step in HEADINGS:
            assert skeleton(HEADINGS[step]) in text, step
    absent = set(HEADINGS) - {s for s, *_ in walk}
    for step in absent:
        assert skeleton(HEADINGS[step]) not in text, f"{step} printed but not in the chain"
    if walk[0][0] == "verification":
        assert skeleton("ความเห็นชอบของผู้อำนวยการ") in text
        assert skeleton("พระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์") in text


def test_the_verification_needs_every_box_ticked(demo, indicator, people):
    chains.set_chain(demo["site"], "verify-approve-publish")
    page = make_draft(indicator, people["author"], slug="unverified")
    with pytest.raises(PermissionDenied):
        publication_request.file_memo(page, people["author"], dict(VERIFICATION, lawful=False))
    # Refused as a whole: the chain did not even start.
    assert DocumentPage.objects.get(pk=page.pk).current_workflow_state is None
    assert not ApprovalDecision.objects.filter(page=page).exists()


def test_a_deputy_line_falls_back_to_another_deputy(demo, indicator, people):
    """The deputy of the page's line wrote it: the office's other deputy endorses instead."""
    chains.set_chain(demo["site"], "deputy-endorsement")
    page = make_draft(indicator, people["author"], slug="deputy-edited")
    draft = page.get_latest_revision_as_object()
    draft.title = "แผนดำเนินงาน (รองผู้อำนวยการแก้ไข)"
    draft.save_revision(user=people["deputy"])
    publication_request.file_memo(DocumentPage.objects.get(pk=page.pk), people["author"], MEMO)
    act(page, people["groupdirector"])
    assert current_step(page) == "deputy_endorsement"
    with pytest.raises(PermissionDenied):
        act(page, people["deputy"])
    act(page, people["deputy2"])
    assert current_step(page) == "director_order"


# preset → [(who acts, who gets the one e-mail of the event)] after the request is filed.
MAILS = {
    "deputy-endorsement": [
        (None, {"groupdirector"}),  # the request filed: the group director
        ("groupdirector", {"deputy"}),  # the deputy of the policy group's line, not deputy2
        ("deputy", {"director"}),  # not the deputy again on the director's behalf
        ("director", {"publisher"}),
        ("publisher", {"author"}),  # the chain is complete
    ],
    "verify-approve-publish": [
        (None, {"director"}),  # the director in person: no deputy on behalf
        ("director", {"publisher", "author2"}),  # either, but not the author
        ("author2", {"author"}),
    ],
}


@pytest.mark.parametrize("slug", list(MAILS))
def test_one_thai_mail_per_event_for_the_new_steps(slug, demo, indicator, people, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    chains.set_chain(demo["site"], slug)
    page = make_draft(indicator, people["author"], slug=f"mail-{slug}")
    for actor, recipients in MAILS[slug]:
        mail.outbox.clear()
        if actor is None:
            file_request(page, people["author"], slug)
        else:
            act(page, people[actor], comment="เห็นควรอนุญาต")
        assert len(mail.outbox) == 1, [(m.subject, m.to) for m in mail.outbox]
        message = mail.outbox[0]
        assert set(message.to) == {people[name].email for name in recipients}, (actor, message.to)
        assert THAI.search(message.subject) and "has been" not in message.body
    assert DocumentPage.objects.get(pk=page.pk).live

"""The office's chain in the admin, and what a change of chain does to the requests and the policy.

A web administrator proposes a chain (an announcement's preset, or step by step) with its reason;
it is in force once the office's director, not the proposer, confirms it. A request filed before
finishes under the chain it was filed under; a request returned for changes starts again on the
new chain; a workflow short of a step of the office's chain never puts a page online.
"""

import io
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Site, Workflow, WorkflowPage

from tests.utils.approval import MEMO, act, current_step, make_draft
from tests.utils.offices import build_office_b
from wagtail_disclosure.approval import chains
from wagtail_disclosure.approval import request as publication_request
from wagtail_disclosure.approval.setup import approval_workflow
from wagtail_disclosure.models import ApprovalChain, DocumentPage, TransparencyHubPage

pytestmark = pytest.mark.django_db

INDEX = reverse("wagtail_disclosure_admin:approval_chain")
THAI = re.compile(r"[\u0e00-\u0e7f]")
REASON = "ประกาศ สพม.หนองคาย เรื่อง มาตรการเผยแพร่ข้อมูลสาธารณะ ลงวันที่ ๓๑ มีนาคม ๒๕๖๖"


def hub_workflow(site):
    hub = TransparencyHubPage.objects.descendant_of(site.root_page).get()
    return WorkflowPage.objects.get(page=hub).workflow


def step_codes(workflow):
    return [task.step for task in workflow.tasks.specific()]


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_the_office_sees_its_chain_with_who_takes_each_step(client, demo, users):
    client.force_login(users["author"])
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    for expected in ("ความเห็นผู้อำนวยการกลุ่ม", "คำสั่งผู้อำนวยการ", "นายสมชาย รักงาน"):
        assert expected in html, expected
    assert "data-wd-chain-preset-form" not in html  # an author does not propose the chain
    assert "ประกาศ สพม.พะเยา" in html  # the preset in force names its announcement

    before = ApprovalChain.objects.count()
    response = client.post(INDEX, {"propose-preset": "1", "preset-preset": "deputy-endorsement"})
    assert response.status_code in (302, 403)  # Wagtail's admin turns the refusal into a redirect
    assert ApprovalChain.objects.count() == before


def test_proposed_by_the_administrator_in_force_once_the_director_confirms(client, demo, users):
    site = demo["site"]
    before = hub_workflow(site)
    mail.outbox.clear()
    client.force_login(users["admin"])
    response = client.post(
        INDEX,
        {"propose-preset": "1", "preset-preset": "deputy-endorsement", "preset-reason": REASON},
        follow=True,
    )
    assert any(THAI.search(m) for m in messages_of(response)), messages_of(response)
    proposal = chains.pending(site).get()
    assert proposal.preset == "deputy-endorsement" and proposal.reason == REASON
    assert hub_workflow(site) == before, "nothing changes before the director confirms"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [users["director"].email]
    assert THAI.search(mail.outbox[0].subject)
    assert "รองผู้อำนวยการ" in mail.outbox[0].body

    confirm = reverse("wagtail_disclosure_admin:approval_chain_confirm", args=[proposal.pk])
    response = client.post(confirm, follow=True)  # the proposer confirms their own: refused
    assert any("ผู้อำนวยการ" in m for m in messages_of(response)), messages_of(response)
    assert ApprovalChain.objects.get(pk=proposal.pk).confirmed_at is None
    assert hub_workflow(site) == before

    mail.outbox.clear()
    client.force_login(users["director"])
    page = client.get(confirm).content.decode()
    assert "ความเห็นรองผู้อำนวยการ" in page and "data-wd-chain-confirm-button" in page
    response = client.post(confirm, follow=True)
    assert any("ยืนยัน" in m for m in messages_of(response)), messages_of(response)
    chain = chains.in_force(site)
    assert chain.pk == proposal.pk and chain.confirmed_by == users["director"]
    workflow = hub_workflow(site)
    assert workflow == chain.workflow != before
    assert step_codes(workflow) == [
        "memo",
        "group_review",
        "deputy_endorsement",
        "director_order",
        "publication",
    ]
    assert not Workflow.objects.get(pk=before.pk).active, "nothing waits on the old chain"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [users["admin"].email]


def test_a_form_with_errors_keeps_what_was_typed_and_changes_nothing(client, demo, users):
    client.force_login(users["admin"])
    before = ApprovalChain.objects.count()
    response = client.post(
        INDEX,
        {
            "propose-steps": "1",
            "steps-first_step": "memo",
            "steps-group_review": "on",
            "steps-deputy_endorsement": "on",
            "steps-publication": "group_officer",
            "steps-reason": "   ",
        },
    )
    assert response.status_code == 200
    form = response.context["steps_form"]
    assert "reason" in form.errors and THAI.search(str(form.errors["reason"]))
    html = response.content.decode()
    assert re.search(r'name="steps-deputy_endorsement"[^>]*checked', html)
    assert re.search(r'value="group_officer"[^>]*checked', html)
    assert ApprovalChain.objects.count() == before


def test_the_chain_in_force_cannot_be_proposed_again(client, demo, users):
    client.force_login(users["admin"])
    response = client.post(
        INDEX,
        {"propose-preset": "1", "preset-preset": "memo-group-director", "preset-reason": REASON},
        follow=True,
    )
    assert any("มีผลอยู่แล้ว" in m for m in messages_of(response)), messages_of(response)
    assert not chains.pending(demo["site"]).exists()


def test_steps_set_one_by_one(client, demo, users):
    client.force_login(users["admin"])
    client.post(
        INDEX,
        {
            "propose-steps": "1",
            "steps-first_step": "verification",
            "steps-on_behalf": "on",
            "steps-publication": "publisher",
            "steps-reason": REASON,
        },
    )
    proposal = chains.pending(demo["site"]).get()
    assert proposal.preset == ""  # no announcement has exactly this chain
    chains.confirm(proposal, users["director"])
    codes = step_codes(hub_workflow(demo["site"]))
    assert codes == ["verification", "director_order", "publication"]


def test_another_office_neither_sees_nor_confirms_this_offices_chain(client, demo, users):
    proposal = chains.propose(
        demo["site"], users["admin"], REASON, **chains.preset_settings("deputy-endorsement")
    )
    office_b = build_office_b()
    client.force_login(office_b["users"]["b_director"])
    html = client.get(INDEX).content.decode()
    assert REASON not in html and "data-wd-chain-proposal" not in html
    url = reverse("wagtail_disclosure_admin:approval_chain_confirm", args=[proposal.pk])
    assert client.post(url).status_code == 404
    assert ApprovalChain.objects.get(pk=proposal.pk).confirmed_at is None
    with pytest.raises(PermissionDenied):
        chains.confirm(proposal, office_b["users"]["b_director"])


def test_requests_filed_before_a_change_finish_under_their_chain(demo, indicator, users):
    site = demo["site"]
    waiting = make_draft(indicator, users["author"], slug="filed-before")
    refused = make_draft(indicator, users["author"], slug="refused-before")
    for page in (waiting, refused):
        publication_request.file_memo(page, users["author"], MEMO)
    act(refused, users["groupdirector"], "reject", comment="แก้ไขตัวเลข")

    chains.set_chain(site, "deputy-endorsement")

    # Waiting at the group director: it goes on under the chain it was filed under.
    act(waiting, users["groupdirector"])
    assert current_step(waiting) == "director_order"
    act(waiting, users["director"])
    assert DocumentPage.objects.get(pk=waiting.pk).live

    # Returned for changes: filed again, it starts over on the chain now in force.
    page = DocumentPage.objects.get(pk=refused.pk)
    page.save_revision(user=users["author"])
    publication_request.file_memo(page, users["author"], MEMO)
    act(refused, users["groupdirector"])
    assert current_step(refused) == "deputy_endorsement"


def test_a_workflow_short_of_the_offices_chain_never_publishes(demo, indicator, users):
    """The office's chain has the deputy's step; a workflow without it (the old fixed chain,
    assigned or started by hand) is refused: at its last step, and at the request."""
    chains.set_chain(demo["site"], "group-deputy-director")
    page = make_draft(indicator, users["author"], slug="short-chain")
    short = approval_workflow()
    short.start(page, users["author"])
    act(page, users["author"], **MEMO)
    act(page, users["groupdirector"])
    with pytest.raises(PermissionDenied):
        act(page, users["director"])
    assert not DocumentPage.objects.get(pk=page.pk).live

    other = make_draft(indicator, users["author"], slug="short-assigned")
    WorkflowPage.objects.create(page=indicator, workflow=short)
    with pytest.raises(PermissionDenied) as refused:
        publication_request.file_memo(other, users["author"], MEMO)
    assert "สายการอนุมัติ" in str(refused.value)
    assert DocumentPage.objects.get(pk=other.pk).current_workflow_state is None


# -- disclosure_setup_office --chain ---------------------------------------------------------------


@pytest.fixture
def office_site(demo):
    home = Page.get_first_root_node().add_child(instance=Page(title="Home", slug="home-chain"))
    return Site.objects.create(hostname="chain.example", port=80, root_page=home)


def setup(**options):
    out = io.StringIO()
    call_command("disclosure_setup_office", site="chain.example", stdout=out, **options)
    return out.getvalue()


def test_setup_office_puts_a_preset_in_force_and_running_it_again_changes_nothing(office_site):
    out = setup(chain="verify-approve-publish")
    assert "ผู้จัดทำตรวจสอบ" in out
    workflow = hub_workflow(office_site)
    assert step_codes(workflow) == ["verification", "director_order", "publication"]
    counts = (Workflow.objects.count(), ApprovalChain.objects.count(), WorkflowPage.objects.count())
    setup(chain="verify-approve-publish")
    setup()  # without --chain: the office keeps its chain
    assert hub_workflow(office_site) == workflow
    assert (
        Workflow.objects.count(),
        ApprovalChain.objects.count(),
        WorkflowPage.objects.count(),
    ) == counts


def test_setup_office_refuses_an_unknown_preset_and_changes_nothing(office_site):
    setup()
    before = (hub_workflow(office_site), ApprovalChain.objects.count())
    with pytest.raises(CommandError) as refused:
        setup(chain="no-such-chain")
    assert "verify-approve-publish" in str(refused.value)  # it lists the presets
    assert (hub_workflow(office_site), ApprovalChain.objects.count()) == before


def test_offices_set_up_before_chains_were_data_keep_their_chain(demo):
    """The data migration records the chain an office ran (the fixed memo → group director →
    director's order) as its chain in force, on the workflow its hub already has."""
    from importlib import import_module
    from pathlib import Path

    from django.apps import apps

    from wagtail_disclosure import migrations

    path = next(Path(migrations.__file__).parent.glob("*_approval_chain.py"))
    migration = import_module(f"wagtail_disclosure.migrations.{path.stem}")
    site = demo["site"]
    workflow = hub_workflow(site)
    ApprovalChain.objects.filter(site=site).delete()
    assert chains.in_force(site) is None
    migration.chain_of_existing_offices(apps, None)
    chain = chains.in_force(site)
    assert chain.preset == "memo-group-director" and chain.workflow == workflow
    assert chains.office_workflow(site) == workflow  # nothing rebuilt: nothing changes

"""The finish action of the approval workflow: publish the revision every step approved.

Set ``WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail_disclosure.approval.finish.publish_workflow_state"``
(a system check says so): Wagtail's default publishes with the last approver's permissions, and on
approval-required sections nobody on the approval chain holds publish permission.

Alone in its module because Wagtail imports it while ``wagtail.models`` loads.
"""


def publish_workflow_state(workflow_state, user=None):
    """Publish the revision the workflow approved, without direct publish rights; keep the memo.

    An office that wants the publisher to put content online adds the publisher step as the last
    task; without it, the workflow publishes when the director's order is given. The publication
    policy checks again that every step approved this revision and that no blocking compliance
    finding stands; the memo PDF is then frozen as evidence of the approval.
    """
    # Imported here: Wagtail imports this module while wagtail.models, which these need, loads.
    from wagtail_disclosure.approval import memo, policy

    revision = workflow_state.current_task_state.revision
    policy.Publication.of(revision).check()
    revision.publish(user=user, skip_permission_checks=True)
    memo.store_memo_pdf(workflow_state, revision)

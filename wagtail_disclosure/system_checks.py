"""Django system checks: the settings the approval workflow relies on."""

from django.conf import settings
from django.core import checks

FINISH_ACTION = "wagtail_disclosure.approval.finish.publish_workflow_state"


@checks.register()
def check_finish_action(app_configs, **kwargs):
    if getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", None) != FINISH_ACTION:
        return [
            checks.Error(
                "WAGTAIL_FINISH_WORKFLOW_ACTION must be %r: Wagtail's default publishes with the "
                "last approver's permissions, which approvers of the disclosure chain do not hold."
                % FINISH_ACTION,
                id="wagtail_disclosure.E001",
            )
        ]
    return []


@checks.register()
def check_document_serve_method(app_configs, **kwargs):
    """Documents must pass through Wagtail's serve view, where the approval chain's hook runs."""
    if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) == "direct":
        return [
            checks.Error(
                'WAGTAILDOCS_SERVE_METHOD = "direct" links documents straight to the storage, past '
                'the hook that withholds the attachments of drafts: use "serve_view".',
                id="wagtail_disclosure.E002",
            )
        ]
    return []

"""Fixtures of the approval-chain tests: demo people, the indicators, the demo's chain, a draft."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Workflow

from tests.utils.approval import make_draft
from wagtail_disclosure.models import IndicatorPage


@pytest.fixture
def users(demo):
    User = get_user_model()
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def indicator(demo):
    """O11, the annual operation plan: approval required, owned by the policy group."""
    return IndicatorPage.objects.get(item__code="O11")


@pytest.fixture
def quick_indicator(demo):
    """O1, the organisation structure: may be published at once."""
    return IndicatorPage.objects.get(item__code="O1")


@pytest.fixture
def workflow(demo):
    return Workflow.objects.get(workflow_pages__page=demo["hub"])


@pytest.fixture
def draft(indicator, users):
    return make_draft(indicator, users["author"])

"""What the Wagtail line under test has: the suite runs on Wagtail 7.4 LTS and on 8.x (.ci/run)."""

from importlib.util import find_spec

import pytest

# Wagtail 8's API v3 preview (page writes and publish actions, with bearer tokens); 7.4 has v2 only.
API_V3 = find_spec("wagtail.api.v3") is not None

needs_api_v3 = pytest.mark.skipif(not API_V3, reason="Wagtail's API v3 is in Wagtail 8 only")


def api_v3_key(user, name="test"):
    """A bearer token's key for ``user`` (``APIToken`` exists from Wagtail 8 on)."""
    from wagtail.models import APIToken

    _token, key = APIToken.create_token(user=user, name=name)
    return key

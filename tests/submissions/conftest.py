import pytest
from django.core.cache import cache

from wagtail_disclosure.models import CorruptionComplaintPage, FeedbackPage, QuestionBoardPage


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_media(settings, tmp_path):
    settings.WAGTAIL_DISCLOSURE = dict(
        settings.WAGTAIL_DISCLOSURE, PRIVATE_MEDIA_ROOT=str(tmp_path)
    )
    return tmp_path


@pytest.fixture
def board(demo):
    return QuestionBoardPage.objects.get()


@pytest.fixture
def complaint_page(demo):
    return CorruptionComplaintPage.objects.get()


@pytest.fixture
def feedback_page(demo):
    return FeedbackPage.objects.get()


@pytest.fixture
def route():
    """``route(page, "track")``: the public URL of one of a channel page's routes."""

    def _route(page, name=None):
        return page.url + (page.reverse_subpage(name) if name else "")

    return _route


@pytest.fixture
def read_code():
    """Follow the redirect after filing to the thanks page and read the code shown there once."""
    import re

    def _read(client, response):
        assert response.status_code == 302, response.content.decode()[:3000]
        html = client.get(response["Location"]).content.decode()
        return re.search(r'id="tracking-code">([^<]+)<', html).group(1)

    return _read

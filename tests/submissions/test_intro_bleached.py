"""The channel pages' introductions go through bleach even when saved outside the admin."""

import pytest

from wagtail_disclosure.models import QuestionBoardPage, SubmissionStatisticsPage

pytestmark = pytest.mark.django_db

SCRIPT = '<p>ยินดีต้อนรับ</p><script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.mark.parametrize("model", [QuestionBoardPage, SubmissionStatisticsPage])
def test_intro_saved_from_code_is_cleaned_and_the_page_runs_no_script(client, demo, model):
    page = model.objects.first()
    page.intro = SCRIPT
    page.save()
    page.refresh_from_db()
    assert "ยินดีต้อนรับ" in page.intro
    assert "<script" not in page.intro and "onerror" not in page.intro
    html = client.get(page.url).content.decode()
    assert "alert(1)" not in html and "onerror" not in html

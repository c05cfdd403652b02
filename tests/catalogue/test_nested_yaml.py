"""A catalogue file nested past what the parser can follow ends in a clean message, not a
RecursionError traceback, and changes nothing."""

import pytest
from django.utils import translation

from wagtail_disclosure.catalogue.loader import CatalogueError, parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text", ["[" * 20000 + "]" * 20000, "a:\n" + "".join(" " * n + "b:\n" for n in range(1, 3000))]
)
def test_deeply_nested_file_is_refused_with_a_message(tmp_path, text):
    path = tmp_path / "nested.yaml"
    path.write_text(text, encoding="utf-8")
    with translation.override("en"), pytest.raises(CatalogueError) as error:
        parse(path)
    assert "nested.yaml" in str(error.value) and "nested too deeply" in str(error.value)
    with translation.override("th"), pytest.raises(CatalogueError) as error:
        parse(path)
    assert "ซ้อนกันลึกเกินไป" in str(error.value)

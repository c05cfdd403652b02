"""Every signal receiver of the app, connected once from ``WagtailDisclosureConfig.ready()``.

The approval guard and e-mails (``approval.signals``) and the search index upkeep
(``search.signals``, connected by its ``@receiver`` decorators when imported).
"""

from wagtail_disclosure.approval import signals as approval_signals
from wagtail_disclosure.search import signals as search_signals

__all__ = ["connect", "search_signals"]


def connect():
    approval_signals.connect()

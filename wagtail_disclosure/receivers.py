"""Every signal receiver of the app, connected once from ``WagtailDisclosureConfig.ready()``.

The page kinds an indicator takes, on every move (``guard_page_kind_move``), the approval guard and
e-mails (``approval.signals``), the search index upkeep (``search.signals``, connected by its
``@receiver`` decorators when imported), forgetting who acts for which office when a person
record, a site, an agency's members or a group's members change (``models.offices``), and
forgetting an edition's items when an item, a section or an edition is saved or deleted
(``models.catalogue``).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Site
from wagtail.signals import pre_page_move

from wagtail_disclosure.approval import signals as approval_signals
from wagtail_disclosure.models import (
    Agency,
    CatalogueEdition,
    CatalogueItem,
    CatalogueSection,
    DisclosurePage,
    Person,
)
from wagtail_disclosure.models.catalogue import forget_items
from wagtail_disclosure.models.offices import forget_standing
from wagtail_disclosure.search import signals as search_signals

__all__ = ["connect", "search_signals"]


def guard_page_kind_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """Refuse to move content under an indicator whose item it cannot answer, whatever moves it
    (the admin's move screen asks first, with a message: ``views.explorer``)."""
    if parent_page_before.pk != parent_page_after.pk and issubclass(sender, DisclosurePage):
        sender.check_parent(parent_page_after)


def connect():
    # First: a move to the wrong kind of indicator is refused for that, before the approval guard.
    pre_page_move.connect(guard_page_kind_move, dispatch_uid="disclosure_guard_page_kind_move")
    approval_signals.connect()
    for model in (Person, Site):
        post_save.connect(
            forget_standing, sender=model, dispatch_uid=f"disclosure_forget_{model.__name__}"
        )
        post_delete.connect(
            forget_standing, sender=model, dispatch_uid=f"disclosure_forget_{model.__name__}"
        )
    for through in (Agency.members.through, get_user_model().groups.through):
        m2m_changed.connect(
            forget_standing, sender=through, dispatch_uid=f"disclosure_forget_{through.__name__}"
        )
    for model in (CatalogueEdition, CatalogueSection, CatalogueItem):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_items, sender=model, dispatch_uid=f"disclosure_forget_{model.__name__}"
            )

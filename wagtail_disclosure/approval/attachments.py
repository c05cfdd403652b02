"""Attachments inside the chain: the public downloads only what the chain approved.

The disclosed PDF *is* the disclosure (ประกาศคณะกรรมการข้อมูลข่าวสารของราชการ on the publication
of official information): a document or image of an approval-required page may reach the public
only while a live revision that the chain approved uses it, and once it does, its file may not be
changed under the approval.

- **Serving** (documents): Wagtail's ``before_serve_document`` hook refuses (404) a document to
  anyone outside the admin unless a live page uses it in its live revision, and, where that page
  needs approval, the live revision went through the chain (``policy.approved``). The site's own
  documents from before the install keep their URLs (``is_public``).
- **Freezing** (documents and images): a save that changes the file of a document or image that
  a live approval-required page uses, or that a revision in the chain uses, is refused (the
  library's form says why before Wagtail deletes anything; the model's save refuses any other
  path). The new
  file is uploaded as a new document, attached in a new revision, and that goes through the chain.
- **Image files** are served by the web server from ``MEDIA_ROOT`` (originals and renditions),
  outside Django: each new image file gets an unguessable name, so a draft's image cannot be found
  by guessing; public pages render only live content, so its name reaches the public only then.

Model-agnostic: the models are ``get_document_model()`` and ``get_image_model()``; which pages use
a file comes from Wagtail's reference index, and what a revision uses from the compliance content
reader (``compliance.extract``), which reads the revision itself.
"""

import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from wagtail_disclosure.approval import policy
from wagtail_disclosure.compliance.extract import PageContent
from wagtail_disclosure.models.media import rights_of
from wagtail_disclosure.models.offices import offices_of, single_office_id

FROZEN = _(
    "This file is part of “%(title)s”, which the approval chain approved (or is approving): it "
    "cannot be replaced. Upload the new file as a new document and attach it to the page; the "
    "change then goes through the approval chain."
)


def _kind(obj):
    return "image" if isinstance(obj, get_image_model()) else "document"


def uses(page, obj):
    """Whether ``page`` (content as it would be shown, e.g. a revision's object) uses ``obj``."""
    kind = _kind(obj)
    return any(m.kind == kind and m.pk == obj.pk for m in PageContent.gather(page).media)


def _pages_referencing(obj):
    """The pages whose stored rows refer to ``obj`` (the reference index), specific."""
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in={int(i) for i in ids if str(i).isdigit()}).specific()


def _live_content(page):
    """``page``'s live revision as a page, or None when nothing of it is live."""
    if not page.live:
        return None
    revision = page.live_revision
    return (revision, revision.as_object()) if revision else (None, page)


def is_public(obj):
    """Whether ``obj`` may be served to anyone.

    A file is public while a live page shows it, approved by the chain where the page needs
    approval. A file no live page shows is withheld (a draft's attachment, an upload not yet
    attached: ids are sequential), except the site's own files from before the app was installed
    (no rights record, ``models.media``) that no approval-required page is about to disclose:
    their URLs keep working as they did.
    """
    withheld = False
    for page in _pages_referencing(obj):
        live = _live_content(page)
        if live is not None and uses(live[1], obj):
            revision, content = live
            if not policy.requires_approval(content) or policy.approved(page, revision):
                return True
            withheld = True
            continue
        latest = page.get_latest_revision_as_object()
        if policy.requires_approval(latest) and uses(latest, obj):
            withheld = True
    return not withheld and rights_of(obj).pk is None


def _approving_page(obj):
    """A page whose live approval-required revision, or whose revision in the chain, uses ``obj``."""
    for page in _pages_referencing(obj):
        live = _live_content(page)
        if live is not None and policy.requires_approval(live[1]) and uses(live[1], obj):
            return page
        if page.workflow_in_progress:
            latest = page.get_latest_revision_as_object()
            if policy.requires_approval(latest) and uses(latest, obj):
                return page
    return None


# -- Receivers and hooks -------------------------------------------------------------------------


def may_read_unpublished(user, document):
    """Whether an admin user may read ``document`` before the public may: with one office, all of
    them; with several, superusers, its uploader and the people of an office a page of which uses
    it (an office's drafts stay with the office: ``models.offices``)."""
    if user.is_superuser or single_office_id() is not None:
        return True
    if getattr(document, "uploaded_by_user_id", None) == user.pk:
        return True
    roots = list(offices_of(user).values_list("root_page__path", flat=True))
    return any(
        page.path.startswith(root) for page in _pages_referencing(document) for root in roots
    )


def before_serve_document(document, request):
    """Wagtail's ``before_serve_document`` hook: the people of the admin read drafts (of their own
    office, on an install with several); others download a document only while it is public
    (``is_public``)."""
    user = request.user
    if (
        user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and may_read_unpublished(user, document)
    ):
        return None
    if not is_public(document):
        raise Http404
    return None


def _stored_file(sender, instance):
    stored = sender.objects.filter(pk=instance.pk).values("file").first() if instance.pk else None
    return stored["file"] if stored else None


def replacement_refusal(sender, instance, **kwargs):
    """The library form's question (``media_forms.file_replacement``): may this file be replaced?

    Asked before Wagtail deletes the old file, so the editor reads why on the form itself."""
    page = _approving_page(instance)
    return FROZEN % {"title": page.title} if page is not None else None


def guard_file_change(sender, instance, raw=False, **kwargs):
    """Refuse to change the file of a document or image that the chain approved or is approving."""
    if raw or not instance.pk:
        return
    stored = _stored_file(sender, instance)
    if stored is None or stored == instance.file.name:
        return
    page = _approving_page(instance)
    if page is not None:
        raise PermissionDenied(FROZEN % {"title": page.title})


def unguessable_image_name(sender, instance, raw=False, **kwargs):
    """Give a newly uploaded image file a name nobody can guess, before the storage writes it."""
    file = instance.file
    if raw or not file or getattr(file, "_committed", True):
        return
    folder, _slash, name = file.name.rpartition("/")
    file.name = f"{folder}{_slash}{secrets.token_hex(8)}_{name}"


def connected_models():
    return get_document_model(), get_image_model()

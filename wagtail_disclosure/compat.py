"""What differs between the two Wagtail lines the app supports: 7.4 LTS and 8.x.

Offices run the LTS for its long support and upgrade when they can (README, "Installing it in an
office's site"); CI runs the suite on both lines (``.ci/run``). Every branch on Wagtail's version
lives here, so that the rest of the app reads as code for one Wagtail, and dropping 7.4 is the
deletion of this module's fallbacks.
"""

import wagtail

WAGTAIL_8 = wagtail.VERSION >= (8, 0)


def permission_policy_for(model):
    """The permission policy Wagtail uses for ``model``'s admin screens.

    Wagtail 8 looks policies up in ``wagtail.permissions.policy_registry``; 7.4 builds a
    ``ModelPermissionPolicy`` per viewset (as its ModelViewSet does).
    """
    try:
        from wagtail.permissions import policy_registry
    except ImportError:  # Wagtail 7.4
        from wagtail.permission_policies import ModelPermissionPolicy

        return ModelPermissionPolicy(model)
    return policy_registry.get_by_type(model)


def media_permission_policy(model):
    """The permission policy of Wagtail's image or document library for ``model`` (the site's
    image or document model): 8 keeps it in the registry, 7.4 in its ``permissions`` module."""
    from wagtail.documents import get_document_model

    try:
        from wagtail.permissions import policy_registry
    except ImportError:  # Wagtail 7.4
        if model is get_document_model():
            from wagtail.documents.permissions import permission_policy
        else:
            from wagtail.images.permissions import permission_policy
        return permission_policy
    return policy_registry.get_by_type(model)


def use_page_permission_policy(policy_class):
    """``policy_class`` (a subclass of Wagtail's ``PagePermissionPolicy`` that adds no state) in
    place of Wagtail's page policy.

    Wagtail 8 looks the policy up in its registry at each use: an instance is registered for every
    page model. Wagtail 7.4's views imported its one policy object when they were loaded: that
    object becomes an instance of ``policy_class``.
    """
    if WAGTAIL_8:
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        register_permission_policy(AbstractPage, policy_class())
        return
    from wagtail import permissions
    from wagtail.admin.api import views as admin_api_views

    permissions.page_permission_policy.__class__ = policy_class
    # 7.4's admin API (the page chooser's) builds a new stock policy on each request.
    admin_api_views.PagePermissionPolicy = policy_class


def use_media_permission_policy(policy_class):
    """``policy_class`` (a subclass of Wagtail's ``CollectionOwnershipPermissionPolicy`` that adds
    no state) in place of Wagtail's policy for the site's image and document models.

    Wagtail 8: an instance built as ``wagtail.images`` / ``wagtail.documents`` build theirs,
    registered for the exact model, so that it wins over theirs whichever app's ``ready()`` runs
    first. Wagtail 7.4: the policy objects of ``wagtail.images.permissions`` and
    ``wagtail.documents.permissions`` (which its views imported) become instances of
    ``policy_class``.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if WAGTAIL_8:
        from wagtail.permissions import register_permission_policy

        for model, auth_model in (
            (get_image_model(), "wagtailimages.Image"),
            (get_document_model(), "wagtaildocs.Document"),
        ):
            policy = policy_class(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
            register_permission_policy(model, policy, exact_class=True)
        return
    for model in (get_image_model(), get_document_model()):
        media_permission_policy(model).__class__ = policy_class
    _check_choose_on_select_format()


def _check_choose_on_select_format():
    """Wagtail 7.4's image chooser "select format" step (rich text) opens any image by its id,
    without asking the policy whether the user may choose it (8 asks, in ``get_object``): here it
    asks too, so that another office's image neither shows nor embeds."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404
    from wagtail.images import get_image_model
    from wagtail.images.views.chooser import ImageSelectFormatView

    if getattr(ImageSelectFormatView, "_wd_checks_choose", False):
        return

    def guarded(method):
        def view_method(self, request, image_id):
            model = self.model or get_image_model()
            image = get_object_or_404(model, id=image_id)
            policy = media_permission_policy(model)
            if not policy.user_has_permission_for_instance(request.user, "choose", image):
                raise PermissionDenied
            return method(self, request, image_id)

        return view_method

    ImageSelectFormatView.get = guarded(ImageSelectFormatView.get)
    ImageSelectFormatView.post = guarded(ImageSelectFormatView.post)
    ImageSelectFormatView._wd_checks_choose = True


def page_permission_policy():
    """The page permission policy in force (the app's per-office one, ``apps.ready``)."""
    if WAGTAIL_8:
        from wagtail.models import Page
        from wagtail.permissions import policy_registry

        return policy_registry.get_by_type(Page)
    from wagtail.permissions import page_permission_policy as policy

    return policy

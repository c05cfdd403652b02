"""The admin API's image and document endpoints, each listing only what the user may choose or
change in the library (Wagtail's own list every item of the install to every admin user).

With several offices on one install, that is what lies in the collections of the user's offices
(``models.offices.OfficeMediaPermissionPolicy``); with one, what Wagtail's permissions give.
Registered over Wagtail's endpoints by the ``construct_admin_api`` hook (``wagtail_hooks``).
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from wagtail_disclosure.compat import media_permission_policy

ACTIONS = ["choose", "change"]


class PermittedMediaMixin:
    def get_queryset(self):
        policy = media_permission_policy(self.model)
        permitted = policy.instances_user_has_any_permission_for(self.request.user, ACTIONS)
        return super().get_queryset().filter(pk__in=permitted.values("pk"))


class ImagesAPIViewSet(PermittedMediaMixin, ImagesAdminAPIViewSet):
    pass


class DocumentsAPIViewSet(PermittedMediaMixin, DocumentsAdminAPIViewSet):
    pass


def construct_admin_api(router):
    router.register_endpoint("images", ImagesAPIViewSet)
    router.register_endpoint("documents", DocumentsAPIViewSet)

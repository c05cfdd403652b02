from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import urls as wagtaildocs_urls

# Wagtail's APIs, installed as an office would: v2 (read-only) and, on Wagtail 8, the v3 preview
# (with writes).
api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("api/v2/", api_v2.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("disclosure/", include("wagtail_disclosure.urls")),
]

if settings.WAGTAIL_API_V3:
    from wagtail.api.v3.urls import api as api_v3

    urlpatterns.insert(1, path("api/v3/", api_v3.urls))

if settings.DEBUG:
    # Only the image files: documents go through /documents/, where the approval chain decides.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

urlpatterns += [path("", include(wagtail_urls))]

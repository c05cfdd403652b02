"""Public URLs of the app, namespaced ``wagtail_disclosure``. Include under any prefix."""

app_name = "wagtail_disclosure"

urlpatterns = []

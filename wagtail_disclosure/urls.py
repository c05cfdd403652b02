"""Public URLs of the app, namespaced ``wagtail_disclosure``. Include under any prefix."""

from django.urls import path

from wagtail_disclosure.search import views as search_views

app_name = "wagtail_disclosure"

urlpatterns = [
    path("search/", search_views.search, name="search"),
]

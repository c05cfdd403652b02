"""Admin URLs of the chain, namespaced ``wagtail_disclosure_workflows`` under /admin/disclosure/."""

from django.urls import path

from wagtail_disclosure.views import approval as views

app_name = "wagtail_disclosure_workflows"

urlpatterns = [
    path("memo/<int:revision_id>/", views.memo_pdf, name="memo_pdf"),
    path("history/", views.history, name="history"),
    path("decision/<int:pk>/", views.decision_notice, name="decision"),
    path("emergency/<int:page_id>/", views.emergency_publish, name="emergency_publish"),
    path("emergency/review/<int:pk>/", views.emergency_review, name="emergency_review"),
]

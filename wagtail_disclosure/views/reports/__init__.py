"""The app's reports (Reports menu), one module per report, like ``wagtail.admin.views.reports``.

They filter, show and export; the figures come from the services in ``wagtail_disclosure.reports``
and ``wagtail_disclosure.models.submission_stats``. Who may open each one is its ``permission_policy``.
"""

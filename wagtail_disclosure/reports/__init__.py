"""Reports for supervisors: OIT readiness, ITAS export, follow-up per period and channel, tracking
forms, workflow turnaround, freshness, the operating calendar and the printable annual report.

Figures are computed by plain functions over the content (``readiness``, ``followup``); the admin
views (``views``) only filter, show and export them.
"""

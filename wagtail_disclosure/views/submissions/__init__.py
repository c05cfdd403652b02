"""Admin screens of the public submissions: Q&A moderation, corruption complaints, feedback, survey
responses and personal data requests, one module per screen.

Complaint screens are our own, not a generic snippet or model viewset, and every one of them (list,
search, export, detail, evidence download) asks ``permissions.complaints`` before doing anything.
Lists and exports of complaints never include the complainant's identity.
"""

"""E-mails of the channels, through Django's e-mail backends.

Complaint e-mails go only to integrity group members and carry only the reference and the type:
never the complainant's identity or the complaint's text, since mail travels and gets forwarded.
Failures are logged by reference, never with personal data.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail_disclosure.submissions.permissions import integrity_members

logger = logging.getLogger(__name__)


def _admin_url(name, *args):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse(f"wagtail_disclosure_admin:{name}", args=args)


def _send(subject, body, recipients, what):
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return 0
    try:
        return send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception("Could not send the e-mail about %s", what)
        return 0


def _officers(page, permission):
    """E-mails of the page's responsible work group, else of everyone holding ``permission``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    from wagtail_disclosure.models import Person

    emails = []
    if page is not None and page.responsible_group_id:
        emails = list(
            Person.objects.filter(
                work_group_id=page.responsible_group_id, active=True, user__is_active=True
            ).values_list("user__email", flat=True)
        )
    if not emails:
        app_label, codename = permission.split(".")
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is not None:
            emails = list(
                get_user_model()
                .objects.filter(is_active=True)
                .filter(Q(user_permissions=perm) | Q(groups__permissions=perm))
                .values_list("email", flat=True)
                .distinct()
            )
    return emails


def submission_received(obj):
    from wagtail_disclosure.models import CorruptionComplaint, Feedback, Question

    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(obj, CorruptionComplaint):
            recipients = integrity_members(obj.site).values_list("email", flat=True)
            _send(
                _("New corruption complaint %(ref)s") % {"ref": obj.reference},
                _(
                    "A corruption complaint was filed: reference %(ref)s, type: %(type)s.\n"
                    "Sign in to read it (integrity group only):\n%(url)s"
                )
                % {
                    "ref": obj.reference,
                    "type": obj.get_complaint_type_display(),
                    "url": _admin_url("complaint", obj.pk),
                },
                recipients,
                f"complaint {obj.reference}",
            )
        elif isinstance(obj, Question):
            _send(
                _("New question on the Q&A board: %(subject)s") % {"subject": obj.subject},
                _("A question waits for an answer:\n%(url)s")
                % {"url": _admin_url("question", obj.pk)},
                _officers(obj.page, "wagtail_disclosure.answer_question"),
                f"question {obj.pk}",
            )
        elif isinstance(obj, Feedback):
            _send(
                _("New feedback: %(topic)s") % {"topic": obj.get_topic_display()},
                _("Feedback was received:\n%(url)s") % {"url": _admin_url("feedback", obj.pk)},
                _officers(obj.page, "wagtail_disclosure.change_feedback"),
                f"feedback {obj.pk}",
            )


def question_published(question):
    if not question.email:
        return
    page_url = question.page.full_url if question.page else ""
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            _("Your question has been answered"),
            _("The answer to your question “%(subject)s” is published:\n%(url)s")
            % {"subject": question.subject, "url": page_url},
            [question.email],
            f"question {question.pk}",
        )


def complaint_status_changed(complaint, change):
    """Tell a named complainant that their complaint moved on (only to them, by reference)."""
    if complaint.anonymous or not complaint.complainant_email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            _("Your complaint %(ref)s: %(status)s")
            % {"ref": complaint.reference, "status": change.get_status_display()},
            _(
                "The status of your complaint %(ref)s is now: %(status)s.\n%(note)s\n"
                "Follow it with your tracking code on the complaint page."
            )
            % {
                "ref": complaint.reference,
                "status": change.get_status_display(),
                "note": change.public_note,
            },
            [complaint.complainant_email],
            f"complaint {complaint.reference}",
        )

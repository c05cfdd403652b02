"""E-mails of the public submissions: who gets which, sent through ``mail.send_notification``.

The texts are the templates ``wagtail_disclosure/mail/<name>_subject.txt`` and ``<name>.txt``.
Complaint e-mails go only to integrity group members and carry only the reference and the type:
never the complainant's identity or the complaint's text, since mail travels and gets forwarded.
A failure is logged by reference or number, never with personal data, and the action goes on.

``submission_received`` is registered for the ``after_disclosure_submission`` hook, which the
submission pages call once a submission is stored; the admin screens call the other two.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q

from wagtail_disclosure.links import admin_url, page_url
from wagtail_disclosure.mail import send_notification
from wagtail_disclosure.models import CorruptionComplaint, Feedback, Person, Question
from wagtail_disclosure.models.offices import users_of
from wagtail_disclosure.submissions.permissions import integrity_members

NS = "wagtail_disclosure_admin"


def _officers(site, page, permission):
    """E-mails of the page's responsible work group, else of everyone of ``site``'s office holding
    ``permission``: another office's people never hear of it."""
    emails = []
    if page is not None and page.responsible_group_id:
        emails = list(
            Person.objects.filter(
                site=site,
                work_group_id=page.responsible_group_id,
                active=True,
                user__is_active=True,
            ).values_list("user__email", flat=True)
        )
    if not emails:
        app_label, codename = permission.split(".")
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is not None:
            emails = list(
                users_of(site)
                .filter(Q(user_permissions=perm) | Q(groups__permissions=perm))
                .values_list("email", flat=True)
                .distinct()
            )
    return emails


def submission_received(submission):
    """Tell those who handle it that a submission came in (surveys need nobody's attention)."""
    if isinstance(submission, CorruptionComplaint):
        send_notification(
            integrity_members(submission.site).values_list("email", flat=True),
            "complaint_received",
            {
                "complaint": submission,
                "url": admin_url(f"{NS}:complaint", submission.pk),
            },
            about=f"complaint {submission.reference}",
        )
    elif isinstance(submission, Question):
        send_notification(
            _officers(submission.site, submission.page, "wagtail_disclosure.answer_question"),
            "question_received",
            {"question": submission, "url": admin_url(f"{NS}:question", submission.pk)},
            about=f"question {submission.pk}",
        )
    elif isinstance(submission, Feedback):
        send_notification(
            _officers(submission.site, submission.page, "wagtail_disclosure.change_feedback"),
            "feedback_received",
            {"feedback": submission, "url": admin_url(f"{NS}:feedback", submission.pk)},
            about=f"feedback {submission.pk}",
        )


def question_published(question):
    """Tell the asker, if they left an e-mail, that the answer is on the board."""
    if not question.email:
        return
    send_notification(
        [question.email],
        "question_published",
        {"question": question, "url": page_url(question.page) if question.page else ""},
        about=f"question {question.pk}",
    )


def complaint_status_changed(complaint, change):
    """Tell a named complainant that their complaint moved on (only to them, by reference)."""
    if complaint.anonymous or not complaint.complainant_email:
        return
    send_notification(
        [complaint.complainant_email],
        "complaint_status_changed",
        {"complaint": complaint, "change": change},
        about=f"complaint {complaint.reference}",
    )

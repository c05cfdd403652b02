"""PDPA duties of the public submissions after filing: removing personal data when its retention
period is over, and telling one person what is held about them. (The notice each form shows is the
page's: ``models/submission_pages.py``.)

Retention counts from the field a model names in ``RETENTION_FROM``: receipt, except for complaints,
whose clock starts when they are concluded (an open investigation keeps what it needs). The period
is the page's ``retention_days`` when set, else ``WAGTAIL_DISCLOSURE["RETENTION_DAYS"]``.
Anonymising blanks the fields a model lists in ``PERSONAL_FIELDS`` (and deletes complaint evidence);
the counts behind O16/O17/O29/O30 stay.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from wagtail_disclosure import conf
from wagtail_disclosure.models import (
    CorruptionComplaint,
    CorruptionComplaintPage,
    Feedback,
    FeedbackPage,
    Question,
    QuestionBoardPage,
    SatisfactionSurveyPage,
    SurveyResponse,
)
from wagtail_disclosure.models.offices import for_office

# form name -> (submission model, the page that serves its form)
FORMS = {
    "question": (Question, QuestionBoardPage),
    "complaint": (CorruptionComplaint, CorruptionComplaintPage),
    "feedback": (Feedback, FeedbackPage),
    "survey": (SurveyResponse, SatisfactionSurveyPage),
}


def retention_days(form_name, page=None):
    days = getattr(page, "retention_days", None)
    return days if days is not None else conf.get("RETENTION_DAYS")[form_name]


def expired(form_name, now=None):
    """Submissions of ``form_name`` whose personal data is due for removal."""
    model, page_model = FORMS[form_name]
    start_field = model.RETENTION_FROM
    now = now or timezone.now()
    condition = Q()
    overrides = dict(
        page_model.objects.filter(retention_days__isnull=False).values_list("pk", "retention_days")
    )
    for pk, days in overrides.items():
        condition |= Q(page_id=pk, **{f"{start_field}__lt": now - datetime.timedelta(days=days)})
    default_cutoff = now - datetime.timedelta(days=retention_days(form_name))
    condition |= ~Q(page_id__in=list(overrides)) & Q(**{f"{start_field}__lt": default_cutoff})
    qs = model.objects.filter(anonymised_at__isnull=True).filter(condition)
    if form_name == "complaint":
        qs = qs.filter(status=CorruptionComplaint.Status.CONCLUDED)
    return qs


def purge(now=None, dry_run=False):
    """Anonymise every expired submission; returns ``{form name: count}``."""
    counts = {}
    for form_name in FORMS:
        qs = expired(form_name, now)
        counts[form_name] = qs.count()
        if not dry_run:
            for obj in qs.iterator():
                obj.anonymise()
    return counts


def _match(model, site, email="", name="", phone=""):
    fields = {
        Question: {"email": "email", "name": "name"},
        Feedback: {"email": "email", "name": "name"},
        CorruptionComplaint: {
            "email": "complainant_email",
            "name": "complainant_name",
            "phone": "complainant_phone",
        },
    }[model]
    condition = Q()
    if email and "email" in fields:
        condition |= Q(**{f"{fields['email']}__iexact": email})
    if name and "name" in fields:
        condition |= Q(**{f"{fields['name']}__iexact": name})
    if phone and "phone" in fields:
        condition |= Q(**{fields["phone"]: phone})
    if not condition:
        return model.objects.none()
    return for_office(model.objects.filter(condition), site)


def person_data(site, email="", name="", phone="", include_complaints=False):
    """Everything ``site``'s office holds about one person (PDPA access request), as JSON-ready
    data. Each office answers for its own records only.

    Complaints are included only when ``include_complaints`` is set, which the admin view does
    for integrity group members alone; the survey holds no identity and is not searched.
    """
    result = {"questions": [], "feedback": []}
    for q in _match(Question, site, email, name, phone):
        result["questions"].append(
            {
                "received": q.received_at.isoformat(),
                "subject": q.subject,
                "question": q.body,
                "name": q.name,
                "email": q.email,
                "status": q.get_status_display(),
                "answer": q.answer,
            }
        )
    for f in _match(Feedback, site, email, name, phone):
        result["feedback"].append(
            {
                "received": f.received_at.isoformat(),
                "topic": f.get_topic_display(),
                "message": f.message,
                "name": f.name,
                "email": f.email,
                "response": f.response,
            }
        )
    if include_complaints:
        result["complaints"] = [
            {
                "reference": c.reference,
                "received": c.received_at.isoformat(),
                "type": c.get_complaint_type_display(),
                "subject": c.subject,
                "details": c.details,
                "name": c.complainant_name,
                "phone": c.complainant_phone,
                "email": c.complainant_email,
                "status": c.get_status_display(),
                "evidence": [e.original_name for e in c.evidence.all()],
            }
            for c in _match(CorruptionComplaint, site, email, name, phone)
        ]
    return result

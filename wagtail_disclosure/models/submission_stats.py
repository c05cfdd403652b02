"""Figures of the public submissions per fiscal year: O16 (service statistics), O17 (satisfaction),
O29 (corruption complaints by type and status), O30 (feedback). Counts only, never contents, so the
public pages show them (``SubmissionStatisticsPage``, the feedback and survey pages) and the admin
reports and the annual report reuse them.

Every function takes a Wagtail ``Site`` and a fiscal year (B.E.) and returns plain dicts/lists.
"""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.models.submissions import (
    CorruptionComplaint,
    Feedback,
    Question,
    SurveyResponse,
)
from wagtail_disclosure.numbers import percent
from wagtail_disclosure.thai.dates import fiscal_year

ASPECT_LABELS = {
    name: SurveyResponse._meta.get_field(name).verbose_name for name in SurveyResponse.ASPECTS
}

# The rows of the service statistics (O16), one per public form.
FORM_LABELS = {
    "question": _("Questions (Q&A)"),
    "complaint": _("Corruption complaints"),
    "feedback": _("Opinions and suggestions"),
    "survey": _("Satisfaction survey responses"),
}


def _pct(part, whole):
    return percent(part, whole) if whole else None  # no responses: no share to show


def requested_year(request):
    """The fiscal year asked for in ``?year=``, else the current one."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return fiscal_year()
    return year if 2500 <= year <= 2700 else fiscal_year()


def available_years(site, *models):
    years = {fiscal_year()}
    for model in models:
        years.update(
            model.objects.filter(site=site).values_list("fiscal_year", flat=True).distinct()
        )
    return sorted(years, reverse=True)


def complaint_figures(site, year):
    """O29: corruption complaints of ``year`` by type, by status, and by type × status."""
    qs = CorruptionComplaint.objects.filter(site=site, fiscal_year=year)
    counts = {
        (row["complaint_type"], row["status"]): row["n"]
        for row in qs.values("complaint_type", "status").annotate(n=Count("pk"))
    }
    statuses = CorruptionComplaint.Status.choices
    by_type = []
    for code, label in CorruptionComplaint.Type.choices:
        cells = [counts.get((code, s), 0) for s, _label in statuses]
        by_type.append({"code": code, "label": label, "cells": cells, "total": sum(cells)})
    by_status = [
        {
            "code": s,
            "label": label,
            "count": sum(counts.get((t, s), 0) for t, _l in CorruptionComplaint.Type.choices),
        }
        for s, label in statuses
    ]
    outcomes = {
        row["outcome"]: row["n"]
        for row in qs.filter(status=CorruptionComplaint.Status.CONCLUDED)
        .values("outcome")
        .annotate(n=Count("pk"))
    }
    total = sum(counts.values())
    return {
        "fiscal_year": year,
        "total": total,
        "statuses": [label for _s, label in statuses],
        "by_type": by_type,
        "by_status": by_status,
        "by_outcome": [
            {"code": code, "label": label, "count": outcomes.get(code, 0)}
            for code, label in CorruptionComplaint.Outcome.choices
        ],
    }


def question_figures(site, year):
    qs = Question.objects.filter(site=site, fiscal_year=year)
    S = Question.Status
    agg = qs.aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(status__in=[S.ANSWERED, S.PUBLISHED])),
        published=Count("pk", filter=Q(status=S.PUBLISHED)),
        refused=Count("pk", filter=Q(status=S.REFUSED)),
        pending=Count("pk", filter=Q(status=S.PENDING)),
    )
    agg["fiscal_year"] = year
    return agg


def feedback_figures(site, year):
    """O30: opinions received in ``year`` by topic, and how many got a response."""
    qs = Feedback.objects.filter(site=site, fiscal_year=year)
    counts = dict(qs.values_list("topic").annotate(n=Count("pk")))
    total = sum(counts.values())
    return {
        "fiscal_year": year,
        "total": total,
        "responded": qs.exclude(response="").count(),
        "by_topic": [
            {"code": code, "label": label, "count": counts.get(code, 0)}
            for code, label in Feedback.Topic.choices
        ],
    }


def satisfaction_figures(site, year, page=None):
    """O17: responses of ``year``, mean score (1–5) and share satisfied (4 or 5) per aspect."""
    qs = SurveyResponse.objects.filter(site=site, fiscal_year=year)
    if page is not None:
        qs = qs.filter(page=page)
    aggregates = {}
    for name in SurveyResponse.ASPECTS:
        aggregates[f"{name}_mean"] = Avg(name)
        aggregates[f"{name}_ok"] = Count("pk", filter=Q(**{f"{name}__gte": 4}))
    agg = qs.aggregate(responses=Count("pk"), **aggregates)
    n = agg["responses"]
    aspects = [
        {
            "name": name,
            "label": ASPECT_LABELS[name],
            "mean": round(agg[f"{name}_mean"], 2) if agg[f"{name}_mean"] is not None else None,
            "satisfied_pct": _pct(agg[f"{name}_ok"], n),
        }
        for name in SurveyResponse.ASPECTS
    ]
    means = [a["mean"] for a in aspects if a["mean"] is not None]
    services = [
        {
            "service": row["service"],
            "responses": row["n"],
            "mean": round(row["mean"], 2),
            "satisfied_pct": _pct(row["ok"], row["n"]),
        }
        for row in qs.values("service")
        .annotate(n=Count("pk"), mean=Avg("overall"), ok=Count("pk", filter=Q(overall__gte=4)))
        .order_by("-n", "service")
    ]
    return {
        "fiscal_year": year,
        "responses": n,
        "aspects": aspects,
        "mean": round(sum(means) / len(means), 2) if means else None,
        "satisfied_pct": _pct(agg["overall_ok"], n),
        "services": services,
    }


def service_figures(site, year):
    """O16: what the public forms received and handled in ``year``, form by form."""
    q = question_figures(site, year)
    complaints = CorruptionComplaint.objects.filter(site=site, fiscal_year=year)
    fb = feedback_figures(site, year)
    survey = satisfaction_figures(site, year)
    rows = [
        {"form": "question", "received": q["received"], "handled": q["answered"]},
        {
            "form": "complaint",
            "received": complaints.count(),
            "handled": complaints.filter(status=CorruptionComplaint.Status.CONCLUDED).count(),
        },
        {"form": "feedback", "received": fb["total"], "handled": fb["responded"]},
        {"form": "survey", "received": survey["responses"], "handled": survey["responses"]},
    ]
    for row in rows:
        row["label"] = FORM_LABELS[row["form"]]
        row["handled_pct"] = _pct(row["handled"], row["received"])
    return {"fiscal_year": year, "forms": rows, "services": survey["services"]}

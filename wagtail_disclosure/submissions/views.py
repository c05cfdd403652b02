"""Public request handling of the channel pages: forms, the one-time code page, tracking by code.

Every POST counts against the per-IP rate limit and is checked for the honeypot before anything
is validated or stored; a refused form is shown again with everything the person typed (files
cannot be kept by browsers, and the message says so).
"""

from pathlib import Path

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail_disclosure.models import ComplaintEvidence, CorruptionComplaint, Question
from wagtail_disclosure.submissions import notifications as notify
from wagtail_disclosure.submissions import protection, stats
from wagtail_disclosure.submissions.forms import (
    ComplaintForm,
    FeedbackForm,
    QuestionForm,
    SurveyForm,
    TrackForm,
    plain_text,
)
from wagtail_disclosure.submissions.tracking import hash_code, new_code

SESSION_KEY = "wagtail_disclosure_filed"
FORMS = {
    "question": QuestionForm,
    "complaint": ComplaintForm,
    "feedback": FeedbackForm,
    "survey": SurveyForm,
}


def _urls(page):
    base = page.url
    urls = {"index": base, "thanks": base + page.reverse_subpage("thanks")}
    for name in ("ask", "track"):
        try:
            urls[name] = base + page.reverse_subpage(name)
        except Exception:  # noqa: S112 - the route exists on some page types only
            continue
    return urls


def _context(page, request, **extra):
    context = page.get_context(request)
    context.update(channel_urls=_urls(page), honeypot_field=protection.HONEYPOT_FIELD)
    context.update(extra)
    return context


def _render(page, request, template, status=200, **extra):
    return TemplateResponse(
        request, f"wagtail_disclosure/submissions/{template}", _context(page, request, **extra),
        status=status,
    )  # fmt: skip


def _form_kwargs(page):
    if page.form_name == "survey":
        return {"services": page.service_list}
    return {}


def _page_extra(page, request):
    """What a form page shows next to the form: the year's public figures."""
    if page.form_name == "feedback":
        return {"figures": stats.feedback_figures(page.get_site(), stats.requested_year(request))}
    if page.form_name == "survey":
        return {
            "figures": stats.satisfaction_figures(
                page.get_site(), stats.requested_year(request), page=page
            )
        }
    return {}


def serve_index(page, request):
    if page.form_name == "question":
        return serve_question_board(page, request)
    return serve_form(page, request)


def serve_question_board(page, request):
    questions = Question.objects.filter(page=page, status=Question.Status.PUBLISHED).order_by(
        "-published_at", "-pk"
    )
    query = (request.GET.get("q") or "").strip()[:100]
    if query:
        questions = questions.filter(
            Q(subject__icontains=query) | Q(body__icontains=query) | Q(answer__icontains=query)
        )
    questions = Paginator(questions.only("subject", "body", "answer", "published_at"), 20)
    return _render(
        page,
        request,
        "question_board.html",
        questions=questions.get_page(request.GET.get("page")),
        query=query,
    )


def serve_form(page, request):
    form_class = FORMS[page.form_name]
    template = (
        "question_form.html" if page.form_name == "question" else f"{page.form_name}_page.html"
    )
    if request.method != "POST":
        return _render(
            page,
            request,
            template,
            form=form_class(**_form_kwargs(page)),
            **_page_extra(page, request),
        )
    form = form_class(request.POST, request.FILES, **_form_kwargs(page))
    status = 200
    if protection.hit_rate_limit(request, page.form_name):
        form.is_valid()
        form.add_error(None, protection.RATE_LIMIT_MESSAGE)
        status = 429
    elif protection.honeypot_tripped(request):
        form.is_valid()
        form.add_error(None, protection.HONEYPOT_MESSAGE)
        status = 400
    elif form.is_valid():
        code, obj = _save(page, form)
        request.session[SESSION_KEY] = {
            "page": page.pk,
            "code": code,
            "reference": getattr(obj, "reference", ""),
        }
        return redirect(page.url + page.reverse_subpage("thanks"))
    return _render(page, request, template, status=status, form=form, **_page_extra(page, request))


@transaction.atomic
def _save(page, form):
    """Store what was filed; returns ``(tracking code or None, object)``."""
    site = page.get_site()
    obj = form.save(commit=False)
    obj.site, obj.page = site, page
    code = None
    if page.form_name in ("question", "complaint"):
        code, obj.tracking_hash = new_code()
    obj.save()
    if page.form_name == "complaint":
        obj.history.create(status=CorruptionComplaint.Status.RECEIVED)
        for upload, kind in form.cleaned_data.get("evidence") or []:
            ComplaintEvidence.objects.create(
                complaint=obj,
                file=upload,
                original_name=plain_text(Path(upload.name).name)[:255],
                kind=kind,
                size=upload.size,
            )
    transaction.on_commit(lambda: notify.submission_received(obj))
    return code, obj


def serve_thanks(page, request):
    filed = request.session.pop(SESSION_KEY, None)
    if not filed or filed.get("page") != page.pk:
        return redirect(page.url)
    return _render(page, request, "thanks.html", filed=filed)


def serve_track(page, request):
    form = TrackForm(request.POST or None)
    found = None
    status = 200
    if request.method == "POST":
        if protection.hit_rate_limit(request, "track"):
            form.is_valid()
            form.add_error(None, protection.RATE_LIMIT_MESSAGE)
            status = 429
        elif protection.honeypot_tripped(request):
            form.is_valid()
            form.add_error(None, protection.HONEYPOT_MESSAGE)
            status = 400
        elif form.is_valid():
            model = Question if page.form_name == "question" else CorruptionComplaint
            found = model.objects.filter(
                site=page.get_site(), tracking_hash=hash_code(form.cleaned_data["code"])
            ).first()
            if found is None:
                form.add_error(
                    "code",
                    _(
                        "No submission has this code. Check it and try again (letters A–Z, digits 2–7)."
                    ),
                )
                status = 404
    return _render(page, request, "track.html", status=status, form=form, found=found)

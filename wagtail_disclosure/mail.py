"""The one way the app sends e-mail: texts from templates an office can override, in the site language.

Every e-mail is a pair of templates, as Wagtail's own notifications are
(``wagtailadmin/notifications/``): ``wagtail_disclosure/mail/<name>_subject.txt`` (rendered on one
line) and ``wagtail_disclosure/mail/<name>.txt`` (the body). Both are plain text, rendered with
nothing HTML-escaped. An office rewords an e-mail by putting a template of the same name in its
project's templates folder. They are rendered in ``LANGUAGE_CODE`` (Thai) whoever triggered them,
and sent through Django's e-mail backend from ``DEFAULT_FROM_EMAIL``.

Sending never raises. An e-mail tells someone about an action that has already happened (a complaint
filed, a step approved); if the template or the mail server fails, that action must stand, so the
failure is logged and the caller goes on. The log names the e-mail, what it was about (a reference
or a number, given by the caller) and the error class; never an address or a text someone wrote,
so not the error's message either (a mail server's names the recipients).
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template import Context, Engine
from django.utils import translation

logger = logging.getLogger(__name__)

TEMPLATES = "wagtail_disclosure/mail/"


def _render_text(template_name, context):
    # Plain text: nothing is HTML-escaped, so "R&D" stays "R&D" in every template, overrides too.
    template = Engine.get_default().get_template(template_name)
    return template.render(Context(context, autoescape=False))


def render(notification, context):
    """``(subject, body)`` of the e-mail ``notification``, in the site language."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _render_text(f"{TEMPLATES}{notification}_subject.txt", context)
        body = _render_text(f"{TEMPLATES}{notification}.txt", context)
    subject = " ".join(line.strip() for line in subject.splitlines() if line.strip())
    return subject, body.strip()


def send_notification(recipients, notification, context, about=""):
    """E-mail ``notification`` to the addresses ``recipients``; returns 1 if it was sent, else 0.

    ``about`` says in the log which item a failure concerns; it must hold no personal data.
    """
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    try:
        subject, body = render(notification, context)
        return send_mail(subject, body, None, recipients)
    except Exception as error:
        # The error's message is left out: a mail server's names the recipients.
        logger.error(
            "Could not send the %s e-mail%s: %s",
            notification,
            f" about {about}" if about else "",
            type(error).__name__,
        )
        return 0

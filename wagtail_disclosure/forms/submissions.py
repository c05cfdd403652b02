"""How the public forms ask: labels, widgets, sizes and the checks across fields.

Each class is the base of a ``ModelForm`` that its page builds with ``modelform_factory`` over the
submission model and the fields the model lists in ``PUBLIC_FIELDS`` (see
``models/submission_pages.py``), as Wagtail's form pages build theirs from ``forms.py``. So this
module knows field names, never the models.

Every text field goes through ``sanitising.clean_text`` before it is stored; sizes are bounded;
evidence files are accepted by content and photos lose GPS/serial EXIF (``uploads.check_and_clean``).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure import conf
from wagtail_disclosure.forms.dates import BuddhistDateField
from wagtail_disclosure.sanitising import CleanTextMixin
from wagtail_disclosure.uploads import check_and_clean

PRIVACY_CONSENT = _("I have read the privacy notice above and agree to it.")


def consent_field():
    return forms.BooleanField(
        label=PRIVACY_CONSENT,
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
    )


def textarea(max_length, rows=6):
    return forms.Textarea(attrs={"rows": rows, "maxlength": max_length})


class QuestionForm(CleanTextMixin, forms.ModelForm):
    body = forms.CharField(label=_("Your question"), max_length=3000, widget=textarea(3000))
    consent = consent_field()

    class Meta:
        labels = {"name": _("Your name (optional, not published)")}
        help_texts = {
            "email": _("Optional, not published: we write to you when the answer is published.")
        }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files in one input, each checked by content, size and number."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        files = [f for f in files if f]
        if len(files) > conf.get("EVIDENCE_MAX_FILES"):
            raise forms.ValidationError(
                _("Attach at most %(count)d files.") % {"count": conf.get("EVIDENCE_MAX_FILES")}
            )
        checked = []
        errors = []
        for f in files:
            try:
                checked.append(
                    check_and_clean(f, conf.get("EVIDENCE_KINDS"), conf.get("EVIDENCE_MAX_BYTES"))
                )
            except forms.ValidationError as e:
                errors.extend(e.messages)
        if errors:
            raise forms.ValidationError(errors)
        return checked


class ComplaintForm(CleanTextMixin, forms.ModelForm):
    details = forms.CharField(
        label=_("What happened"),
        max_length=10000,
        widget=textarea(10000, rows=10),
        help_text=_("Who, what, when, where; the more precise, the easier to investigate."),
    )
    incident_date = BuddhistDateField(
        label=_("Date of the incident (if known)"),
        required=False,
    )
    anonymous = forms.BooleanField(
        label=_("File anonymously (we will not ask who you are)"),
        required=False,
        initial=True,
    )
    evidence = EvidenceField(
        label=_("Evidence (optional)"),
        required=False,
        help_text=_("Up to 3 files: PDF, JPEG, PNG or Word (DOCX), 10 MB each."),
    )
    consent = consent_field()

    class Meta:
        labels = {
            "complainant_name": _("Your name"),
            "complainant_phone": _("Your phone"),
            "complainant_email": _("Your e-mail"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = _(
            "Up to %(count)d files: PDF, JPEG, PNG or Word (DOCX), %(size)d MB each. "
            "If the form is refused, attach them again."
        ) % {
            "count": conf.get("EVIDENCE_MAX_FILES"),
            "size": conf.get("EVIDENCE_MAX_BYTES") // (1024 * 1024),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("anonymous"):
            # An anonymous complaint never stores identity, even if some was typed.
            for name in ("complainant_name", "complainant_phone", "complainant_email"):
                cleaned[name] = ""
        else:
            if not cleaned.get("complainant_name"):
                self.add_error("complainant_name", _("Give your name, or tick “file anonymously”."))
            if not (cleaned.get("complainant_phone") or cleaned.get("complainant_email")):
                self.add_error(
                    "complainant_phone",
                    _("Give a phone number or an e-mail address so that we can reach you."),
                )
        return cleaned


class FeedbackForm(CleanTextMixin, forms.ModelForm):
    message = forms.CharField(label=_("Your opinion"), max_length=5000, widget=textarea(5000))
    consent = consent_field()

    class Meta:
        labels = {"name": _("Your name (optional)"), "email": _("Your e-mail (optional)")}


RATING_CHOICES = [
    (5, _("5 – excellent")),
    (4, _("4 – good")),
    (3, _("3 – fair")),
    (2, _("2 – poor")),
    (1, _("1 – very poor")),
]


class SurveyForm(CleanTextMixin, forms.ModelForm):
    """The services come from the page; every rated aspect of the model is asked 5 to 1."""

    comment = forms.CharField(
        label=_("Suggestions (optional)"),
        max_length=2000,
        required=False,
        widget=textarea(2000, rows=4),
    )

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"] = forms.ChoiceField(
            label=_("Service you used"),
            choices=[("", "---------")] + [(s, s) for s in services],
        )
        for name in self._meta.model.ASPECTS:
            self.fields[name] = forms.TypedChoiceField(
                label=self.fields[name].label,
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "wd-rating"}),
            )


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

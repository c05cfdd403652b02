"""The forms officers fill in on the submissions' admin screens: answers, refusals, complaint status,
responses to feedback, and the PDPA personal data search. (The public forms are in
``forms/submissions.py``.) Every text goes through ``sanitising.clean_text`` before it is stored.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.forms.submissions import textarea
from wagtail_disclosure.models import CorruptionComplaint
from wagtail_disclosure.sanitising import CleanTextMixin


class AnswerForm(CleanTextMixin, forms.Form):
    answer = forms.CharField(label=_("Answer"), max_length=10000, widget=textarea(10000, 10))


class RefuseForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for not publishing (the asker sees it)"),
        max_length=2000,
        widget=textarea(2000, 3),
    )


class ComplaintStatusForm(CleanTextMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CorruptionComplaint.Status.choices)
    outcome = forms.ChoiceField(
        label=_("Outcome (when concluded)"),
        choices=[("", "---------")] + list(CorruptionComplaint.Outcome.choices),
        required=False,
    )
    public_note = forms.CharField(
        label=_("Note to the complainant (shown when they follow the complaint)"),
        max_length=3000,
        required=False,
        widget=textarea(3000, 3),
    )
    internal_note = forms.CharField(
        label=_("Internal note (integrity group only)"),
        max_length=5000,
        required=False,
        widget=textarea(5000, 3),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == CorruptionComplaint.Status.CONCLUDED and not cleaned.get(
            "outcome"
        ):
            self.add_error("outcome", _("Give the outcome when concluding a complaint."))
        return cleaned


class FeedbackResponseForm(CleanTextMixin, forms.Form):
    response = forms.CharField(
        label=_("Response or action taken"), max_length=5000, widget=textarea(5000, 4)
    )


class PersonalDataRequestForm(CleanTextMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail"), required=False)
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(k) for k in ("email", "name", "phone")):
            raise forms.ValidationError(_("Give at least an e-mail, a name or a phone number."))
        return cleaned

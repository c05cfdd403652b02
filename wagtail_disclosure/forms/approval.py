"""Forms shown in Wagtail's workflow action modal: the request memo, an opinion, a mandatory reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.sanitising import CleanTextMixin


class RequestMemoForm(CleanTextMixin, forms.Form):
    """The memo fields of the สพม.พะเยา (1 เม.ย. 2565) and สพป.ชุมพร เขต 1 (2565) announcements, and the
    author's certification."""

    subject = forms.CharField(
        label=_("Subject (เรื่อง)"),
        max_length=500,
        help_text=_("e.g. ขออนุญาตเผยแพร่ข้อมูลข่าวสารทางราชการ ผ่านเว็บไซต์ของหน่วยงาน"),
    )
    work_unit = forms.CharField(label=_("Government unit (ส่วนราชการ)"), max_length=255)
    number = forms.CharField(label=_("Number (ที่)"), max_length=100)
    body = forms.CharField(
        label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    attachments = forms.CharField(
        label=_("Attachments, one per line"), widget=forms.Textarea(attrs={"rows": 3})
    )
    certified = forms.BooleanField(
        label=_(
            "I certify that the content was checked against the Official Information Act B.E. 2540 "
            "and the office's disclosure measures, and is accurate, clear, complete and current."
        ),
        required=True,
    )


class OpinionForm(CleanTextMixin, forms.Form):
    comment = forms.CharField(
        label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class OnBehalfForm(OpinionForm):
    """A deputy's order: they confirm acting on the director's behalf under the delegation shown."""

    on_behalf = forms.BooleanField(
        label=_("I give this order on the director's behalf, under the delegation shown above."),
        required=True,
        error_messages={
            "required": _("Confirm that you act on the director's behalf under the delegation.")
        },
    )


class ReasonForm(CleanTextMixin, forms.Form):
    comment = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=True,
        error_messages={"required": _("Give the reason, so the author knows what to fix.")},
    )

    def clean_comment(self):
        value = self.cleaned_data["comment"].strip()
        if not value:
            raise forms.ValidationError(_("Give the reason, so the author knows what to fix."))
        return value


class EmergencyPublicationForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why it cannot wait for the approval chain"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=True,
    )


class EmergencyReviewForm(CleanTextMixin, forms.Form):
    confirmed = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Confirm the publication")), ("0", _("Do not confirm: take it offline"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=True
    )

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


class VerificationForm(RequestMemoForm):
    """The author's verification and request for approval of the สพป.ปทุมธานี เขต 1 announcement
    (5 ก.ค. 2565), items 2.1–2.3: the content is checked for correctness and completeness before
    it is proposed, and what goes online obeys the Computer Crime Act B.E. 2550."""

    subject = forms.CharField(
        label=_("Subject (เรื่อง)"),
        max_length=500,
        help_text=_("e.g. ขอความเห็นชอบเผยแพร่ข้อมูลข่าวสาร ผ่านเว็บไซต์ของหน่วยงาน"),
    )
    number = forms.CharField(label=_("Number (ที่)"), max_length=100, required=False)
    certified = forms.BooleanField(
        label=_(
            "I prepared this content and verified that it is correct, complete and current, "
            "against the Official Information Act B.E. 2540 and the office's disclosure measures."
        ),
        required=True,
    )
    lawful = forms.BooleanField(
        label=_(
            "It obeys the Computer Crime Act B.E. 2550 (amended B.E. 2560): nothing false or "
            "distorted, no defamation, no altered pictures of people, and no infringed copyright."
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


class ChainReasonMixin(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("e.g. the office's announcement, with its date, that sets this chain"),
        error_messages={"required": _("Give the reason: the announcement that sets this chain.")},
    )

    def clean_reason(self):
        value = self.cleaned_data["reason"].strip()
        if not value:
            raise forms.ValidationError(
                _("Give the reason: the announcement that sets this chain.")
            )
        return value


class ChainPresetForm(CleanTextMixin, ChainReasonMixin):
    """Propose one of the announcements' chains (``approval/presets.yaml``) for the office."""

    preset = forms.ChoiceField(label=_("Chain of the announcement"), widget=forms.RadioSelect)
    field_order = ["preset", "reason"]

    def __init__(self, *args, presets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preset"].choices = list(presets)


class ChainStepsForm(CleanTextMixin, ChainReasonMixin):
    """Propose the office's chain step by step: which steps, and who takes each."""

    first_step = forms.ChoiceField(label=_("The author's step"), widget=forms.RadioSelect)
    group_review = forms.BooleanField(
        label=_("The director of the page's work group reviews it"), required=False
    )
    deputy_endorsement = forms.BooleanField(
        label=_("A deputy director of the page's line endorses it to the director"),
        required=False,
    )
    on_behalf = forms.BooleanField(
        label=_("A deputy may give the director's order on the director's behalf (ปฏิบัติราชการแทน)"),
        required=False,
    )
    publication = forms.ChoiceField(
        label=_("Who puts it online"), widget=forms.RadioSelect, required=False
    )
    field_order = [
        "first_step",
        "group_review",
        "deputy_endorsement",
        "on_behalf",
        "publication",
        "reason",
    ]

    def __init__(self, *args, first_steps=(), publications=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_step"].choices = list(first_steps)
        self.fields["publication"].choices = list(publications)

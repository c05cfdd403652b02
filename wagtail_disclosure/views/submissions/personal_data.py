"""A data subject's access request: find and download what the public submissions hold about them.

Complaints are searched only for integrity group members; for anyone else the result does not
even say whether complaints exist.
"""

import json

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from wagtail_disclosure.submissions.forms import PersonalDataRequestForm
from wagtail_disclosure.submissions.permissions import can_see_complaints
from wagtail_disclosure.submissions.privacy import person_data
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.mixins import CurrentSiteMixin


class PersonalDataView(
    CurrentSiteMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """What the office the user acts for holds about one person; other offices answer for theirs."""

    permission_policy = permissions.personal_data
    permission_required = "view"
    template_name = "wagtail_disclosure/submissions/admin/personal_data.html"
    header_icon = "user"
    page_title = _("Personal data request")

    def get(self, request):
        form = PersonalDataRequestForm(request.GET or None)
        data = None
        if request.GET and form.is_valid():
            data = person_data(
                self.site,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                phone=form.cleaned_data["phone"],
                include_complaints=can_see_complaints(request.user, self.site),
            )
            if request.GET.get("download"):
                response = HttpResponse(
                    json.dumps(data, ensure_ascii=False, indent=2),
                    content_type="application/json; charset=utf-8",
                )
                response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
                return response
        context = self.get_context_data(
            form=form,
            data=data,
            counts={k: len(v) for k, v in (data or {}).items()},
            download_url=request.get_full_path() + "&download=1" if data is not None else "",
        )
        return self.render_to_response(context)

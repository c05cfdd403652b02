"""The office switcher: a person with roles in several offices picks the one they act for.

The choice is kept in the session (``models.offices.OFFICE_SESSION_KEY``); only an office the user
acts for can be chosen. Someone with a single office never needs it: that office is their default.
"""

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.models.offices import (
    OFFICE_SESSION_KEY,
    acting_office,
    listed_offices,
    offices_of,
)


def switch_office(request):
    offices = offices_of(request.user).order_by("-is_default_site", "pk")
    if request.method == "POST":
        chosen = offices.filter(pk=request.POST.get("office") or 0).first()
        if chosen is None:
            return HttpResponseBadRequest(_("You do not act for this office."))
        request.session[OFFICE_SESSION_KEY] = chosen.pk
        target = request.POST.get("next") or "wagtailadmin_home"
        if target != "wagtailadmin_home" and not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}
        ):
            target = "wagtailadmin_home"
        return redirect(target)
    current = acting_office(request)
    return TemplateResponse(
        request,
        "wagtail_disclosure/offices/switch.html",
        {
            "offices": [(site, OfficeProfile.for_site(site)) for site in offices],
            "current": current,
            "next": request.GET.get("next", ""),
        },
    )


class OfficeMenuItem(MenuItem):
    """Shown to people of several offices only: the office they act for, and where to change it."""

    def is_shown(self, request):
        return len(listed_offices(request.user)) > 1

    def render_component(self, request):
        site = acting_office(request)
        office = OfficeProfile.for_site_in_request(site, request)
        label = _("Office: %(office)s") % {"office": office}
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs
        )


def office_menu_item():
    return OfficeMenuItem(
        _("Office"),
        reverse("wagtail_disclosure_admin:office_switch"),
        name="disclosure-office",
        icon_name="site",
        order=50,
    )

"""The rollover screen: the office's supervisor picks next year's edition, sees what will happen,
and confirms; the same service as ``disclosure_rollover`` then runs (``office_setup.roll_over``).

A GET never changes anything: the choice, then the preview (``reports.rollover.preview``, a dry
run rolled back). Only the POST of the confirmation moves the office, the one the user acts for;
running it again changes nothing more. Who may: ``permissions.rollover``.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from wagtail_disclosure.catalogue.rollover import RolloverError, current_hub
from wagtail_disclosure.models import CatalogueEdition
from wagtail_disclosure.office_setup import roll_over
from wagtail_disclosure.reports.rollover import preview
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.mixins import CurrentSiteMixin


class EditionChoiceForm(forms.Form):
    edition = forms.ModelChoiceField(
        label=_("New edition"),
        queryset=CatalogueEdition.objects.none(),
        empty_label=_("Choose the edition"),
        help_text=_("Load next year's list first (load_disclosure_catalogue)."),
    )

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        editions = CatalogueEdition.objects.order_by("-year", "slug")
        if current is not None:
            editions = editions.exclude(pk=current.pk)
        self.fields["edition"].queryset = editions


class RolloverView(CurrentSiteMixin, PermissionCheckedMixin, View):
    permission_policy = permissions.rollover
    permission_required = "change"
    template_name = "wagtail_disclosure/catalogue/rollover.html"
    page_title = _("Move to next year's edition")
    header_icon = "resubmit"
    index_url_name = "wagtail_disclosure_admin:rollover"

    @cached_property
    def hub(self):
        return current_hub(self.site) if self.site is not None else None

    def get(self, request):
        current = self.hub.active_edition if self.hub is not None else None
        form = EditionChoiceForm(request.GET or None, current=current)
        context = {"form": form, "hub": self.hub, "current": current, "preview": None}
        if self.hub is None:
            context["error"] = _g("This office has no live transparency hub yet.")
        elif form.is_bound and form.is_valid():
            edition = form.cleaned_data["edition"]
            try:
                context["preview"] = preview(self.site, edition)
            except RolloverError as exc:
                context["error"] = str(exc)
        return self.render(context)

    def post(self, request):
        edition = CatalogueEdition.objects.filter(pk=request.POST.get("edition") or 0).first()
        if edition is None or self.hub is None:
            messages.error(request, _g("Choose a loaded edition."))
            return redirect(self.index_url_name)
        try:
            result = roll_over(self.site, edition)
        except RolloverError as exc:
            messages.error(request, str(exc))
            return redirect(self.index_url_name)
        if result.already_done:
            messages.info(
                request,
                _g("The office already shows %(edition)s; what was missing has been added.")
                % {"edition": edition.name},
            )
        else:
            messages.success(
                request,
                _g(
                    "The office now shows %(edition)s: %(created)d indicator pages created, "
                    "%(linked)d links to last year's content; last year's hub is archived."
                )
                % {
                    "edition": edition.name,
                    "created": len(result.created_indicators),
                    "linked": sum(result.linked.values()),
                },
            )
        return redirect("wagtail_disclosure_admin:oit_readiness")

    def render(self, context):
        context.update(
            page_title=self.page_title,
            header_icon=self.header_icon,
            office=self.office,
            form_url=reverse(self.index_url_name),
        )
        return TemplateResponse(self.request, self.template_name, context)

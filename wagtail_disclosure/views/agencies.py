"""The supervising agencies, created and edited in the admin (Settings → Supervising agencies).

An agency (the supervising agency, a region, a province) is a named set of offices and the people
who look on its behalf: its members see those offices' readiness side by side
(``views.reports.agency``). Whoever manages agencies decides who watches which offices, a level
above every office, so the screens follow Wagtail's own for sites and locales: a ``ModelViewSet``
over the model's own permissions (superusers, or a group given "add/change/delete supervising
agency" in Settings → Groups), and a Settings menu entry that asks the same permission policy. An
office's own staff hold none of these permissions and never see the screens.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from wagtail_disclosure.models import Agency, OfficeProfile


def office_label(site, names):
    """An office as the agency knows it: its short name (else its name), then its host name."""
    name = names.get(site.pk)
    return f"{name} ({site.hostname})" if name else str(site)


def user_label(user):
    full_name = user.get_full_name()
    return f"{user.get_username()} — {full_name}" if full_name else user.get_username()


class AgencyForm(WagtailAdminModelForm):
    """Offices listed by their office names (one query for all), members by username and name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = {
            site_id: short_name or name
            for site_id, short_name, name in OfficeProfile.objects.values_list(
                "site_id", "short_name", "name"
            )
        }
        offices = self.fields["offices"]
        offices.queryset = Site.objects.order_by("hostname", "port")
        offices.label_from_instance = lambda site: office_label(site, names)
        offices.help_text = _("The offices whose readiness the members see side by side.")
        members = self.fields["members"]
        members.queryset = get_user_model().objects.order_by("username")
        members.label_from_instance = user_label
        members.help_text = _(
            "The people who look on the agency's behalf. They see the readiness of these offices "
            "only: never their submissions, personal data or drafts."
        )


class AgencyIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                office_count=Count("offices", distinct=True),
                member_count=Count("members", distinct=True),
            )
        )


class AgencyViewSet(ModelViewSet):
    model = Agency
    name = "disclosure_agencies"
    url_prefix = "disclosure/agencies"
    url_namespace = "wagtail_disclosure_admin_agencies"
    icon = "site"
    index_view_class = AgencyIndexView
    add_to_reference_index = False
    copy_view_enabled = False
    list_filter = ["level"]
    search_fields = ["name"]
    ordering = ["level", "name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("level"),
            FieldPanel("offices", widget=forms.CheckboxSelectMultiple),
            FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=AgencyForm,
    )

    @property
    def list_display(self):
        return [
            TitleColumn("name", label=_("name"), url_name=self.get_url_name("edit")),
            Column("level", label=_("level"), accessor="get_level_display"),
            Column("office_count", label=_("Offices"), sort_key="office_count"),
            Column("member_count", label=_("Members"), sort_key="member_count"),
        ]

"""Admin screens where the office keeps its follow-up records: the channel log (PR unit),
tracking forms (each group, per round) and the operating calendar. Wagtail ``ModelViewSet``s,
permissions from the models' own add/change/delete/view permissions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.models import Site

from wagtail_disclosure.models.followup import CalendarEntry, ChannelLog, TrackingForm
from wagtail_disclosure.thai.dates import fiscal_round


class PrefilledCreateView(generic.CreateView):
    """Starts a new record on the current site, with fields given in the query string."""

    prefill = ()

    def get_initial(self):
        initial = super().get_initial()
        site = Site.find_for_request(self.request)
        if site:
            initial.setdefault("site", site.pk)
        for name in self.prefill:
            if name in self.request.GET:
                initial[name] = self.request.GET[name]
        return initial


class ChannelLogCreateView(PrefilledCreateView):
    prefill = ("channel", "work_group", "catalogue_item", "date")

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class TrackingFormCreateView(PrefilledCreateView):
    prefill = ("work_group", "fiscal_year", "round")

    def get_initial(self):
        initial = super().get_initial()
        initial.setdefault("round", fiscal_round())
        return initial


class CalendarEntryCreateView(PrefilledCreateView):
    prefill = ("fiscal_year",)


class ChannelLogViewSet(ModelViewSet):
    model = ChannelLog
    name = "disclosure_channel_log"
    url_prefix = "disclosure/channel-log"
    icon = "globe"
    menu_label = _("Channel log")
    add_view_class = ChannelLogCreateView
    list_display = ["date", "channel", "outlet", "quantity", "title", "work_group"]
    list_filter = ["channel", "work_group", "date"]
    list_export = [
        "date",
        "channel",
        "outlet",
        "quantity",
        "title",
        "work_group",
        "catalogue_item",
        "url",
    ]
    search_fields = ["title", "outlet", "note"]
    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("outlet")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("quantity")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("work_group"), FieldPanel("catalogue_item")]),
        FieldPanel("page"),
        FieldPanel("url"),
        FieldPanel("note"),
        FieldPanel("site"),
    ]


class TrackingFormViewSet(ModelViewSet):
    model = TrackingForm
    name = "disclosure_tracking_forms"
    url_prefix = "disclosure/tracking-forms"
    icon = "form"
    menu_label = _("Tracking forms")
    add_view_class = TrackingFormCreateView
    list_display = ["work_group", "fiscal_year", "round", "updated_at"]
    list_filter = ["fiscal_year", "round", "work_group"]
    panels = [
        FieldRowPanel([FieldPanel("work_group"), FieldPanel("fiscal_year"), FieldPanel("round")]),
        FieldPanel("responsible_people"),
        MultiFieldPanel(
            [FieldPanel("results"), FieldPanel("improvements"), FieldPanel("help_wanted")],
            heading=_("Follow-up"),
        ),
        FieldPanel("site"),
    ]


class CalendarEntryViewSet(ModelViewSet):
    model = CalendarEntry
    name = "disclosure_calendar"
    url_prefix = "disclosure/operating-calendar"
    icon = "calendar"
    menu_label = _("Operating calendar")
    add_view_class = CalendarEntryCreateView
    list_display = ["title", "fiscal_year", "sort_order", "responsible"]
    list_filter = ["fiscal_year"]
    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("sort_order")]),
        FieldPanel("title"),
        FieldPanel("months"),
        FieldPanel("responsible"),
        FieldPanel("site"),
    ]


class FollowUpViewSetGroup(ModelViewSetGroup):
    menu_label = _("Follow-up")
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (ChannelLogViewSet, TrackingFormViewSet, CalendarEntryViewSet)

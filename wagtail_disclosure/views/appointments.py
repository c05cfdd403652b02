"""One appointment order printed as the office files it: HTML to print, or PDF (``?format=pdf``)
in the project's Thai font (``pdf.render_pdf``), always in Thai as the official document is.

Only an order of the office the user acts for: another office's answers 404."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views import View
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from wagtail_disclosure.models import AppointmentOrder
from wagtail_disclosure.models.offices import for_office
from wagtail_disclosure.pdf import render_pdf
from wagtail_disclosure.reports.appointments import order_context
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.mixins import CurrentSiteMixin

TEMPLATE = "wagtail_disclosure/print/appointment_order.html"


def render_order_pdf(order, request=None):
    with translation.override("th"):
        return render_pdf(TEMPLATE, order_context(order), request=request)


class AppointmentOrderPrintView(CurrentSiteMixin, PermissionCheckedMixin, View):
    permission_policy = permissions.appointment_orders
    permission_required = "view"

    def get(self, request, pk):
        order = get_object_or_404(for_office(AppointmentOrder.objects.all(), self.site), pk=pk)
        if request.GET.get("format") == "pdf":
            response = HttpResponse(
                render_order_pdf(order, request), content_type="application/pdf"
            )
            name = order.number.replace("/", "-")
            response["Content-Disposition"] = f'inline; filename="order-{name}.pdf"'
            return response
        with translation.override("th"):
            return render(request, TEMPLATE, order_context(order))

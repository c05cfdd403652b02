"""What the app's admin screens share: the site and office a screen works on.

That is the office the user acts for (``models.offices.acting_office``), never merely the office
the request's host name points to: a supervisor of office B opening office A's host name still
sees office B.
"""

from django.utils.functional import cached_property

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.models.offices import acting_office
from wagtail_disclosure.views.permissions import OfficeBoundMixin


class CurrentSiteMixin(OfficeBoundMixin):
    """``self.site``: the site the user acts for; ``self.office``: that site's office profile;
    ``permission_policy``: bound to that office."""

    @cached_property
    def site(self):
        return acting_office(self.request)

    @cached_property
    def office(self):
        return OfficeProfile.for_site_in_request(self.site, self.request)

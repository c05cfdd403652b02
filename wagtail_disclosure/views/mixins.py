"""What the app's admin screens share: the site and office a screen works on."""

from django.utils.functional import cached_property

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.sites import site_for_request


class CurrentSiteMixin:
    """``self.site``: the site the request is for; ``self.office``: that site's office profile."""

    @cached_property
    def site(self):
        return site_for_request(self.request)

    @cached_property
    def office(self):
        return OfficeProfile.for_site(self.site)

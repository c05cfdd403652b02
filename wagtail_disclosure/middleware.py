"""Per-request activation of the office's conventions (Thai digits) for the site being served."""

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.sites import site_for_request
from wagtail_disclosure.thai.digits import thai_digits_active


class ThaiDigitsMiddleware:
    """Show digits as the office of the requested site wants them (``OfficeProfile.use_thai_digits``).

    Put it after ``LocaleMiddleware``; without it every site follows the ``THAI_DIGITS`` default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = site_for_request(request)
        with thai_digits_active(OfficeProfile.wants_thai_digits(site, request) if site else None):
            return self.get_response(request)

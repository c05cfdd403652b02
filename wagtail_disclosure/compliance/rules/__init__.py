"""The built-in rules: importing this package registers them (``WagtailDisclosureConfig.ready()``)."""

from wagtail_disclosure.compliance.rules import content, personal_data, rights

__all__ = ["content", "personal_data", "rights"]

"""Public-disclosure (ITA/OIT) management for Thai government offices, as a Wagtail app."""

__version__ = "0.1.0"

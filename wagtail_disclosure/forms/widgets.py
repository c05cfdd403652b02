"""Widgets the public and admin forms share.

``PlainSelect`` writes a ``<select>`` out directly: Django renders one template per option, which
made the filter forms the dearest part of the public search page and of the admin reports (a
catalogue of 43 items and more per select).
"""

from django import forms
from django.utils.html import format_html, format_html_join


class PlainSelect(forms.Select):
    """A ``<select>`` with the same markup as Django's, written without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) == selected else "", label)
                for key, label in self.choices
            ),
        )
        attributes = format_html_join("", ' {}="{}"', sorted(attrs.items()))
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)

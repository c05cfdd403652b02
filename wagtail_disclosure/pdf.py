"""Render a Django template to PDF with WeasyPrint (Pango shapes Thai stacked vowels and tone marks).

One place for PDFs: request memos, the annual report, printable forms.
"""

from django.template.loader import render_to_string


def render_pdf(template_name, context=None, request=None, base_url=None):
    """Return the PDF bytes of ``template_name`` rendered with ``context``."""
    from weasyprint import HTML  # imported lazily: it loads Pango

    html = render_to_string(template_name, context or {}, request=request)
    if base_url is None and request is not None:
        base_url = request.build_absolute_uri("/")
    return HTML(string=html, base_url=base_url).write_pdf()

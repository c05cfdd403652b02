"""Render a Django template to PDF with WeasyPrint (Pango shapes Thai stacked vowels and tone marks).

One place for PDFs: request memos, the annual report, printable forms.

The documents name their font and images by ``{% static %}`` URLs, so that the same template prints
from the browser and from WeasyPrint. WeasyPrint reads those files from the static files here, never
over the network: nothing a document shows can make the server fetch an outside address. The font
is Sarabun (OFL, shipped in ``static/wagtail_disclosure/fonts``), given by ``@font-face``: the name
"TH Sarabun New" would let Debian's fontconfig answer with Laksaman shrunk to 0.66.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string

# WeasyPrint needs a base to resolve "/static/…"; only static files are served, whatever the host.
DEFAULT_BASE_URL = "http://localhost/"


def static_name(url):
    """The static file's name that ``url`` points at, or None when it is no static URL."""
    static = urlsplit(settings.STATIC_URL)
    parts = urlsplit(url)
    if static.netloc and parts.netloc != static.netloc:
        return None
    prefix = static.path if static.path.endswith("/") else f"{static.path}/"
    if not parts.path.startswith(prefix):
        return None
    return unquote(parts.path[len(prefix) :])


def read_static(name):
    """The bytes of the static file ``name``: from the finders (development), else the storage."""
    path = finders.find(name)
    if path:
        with open(path, "rb") as f:
            return f.read()
    with staticfiles_storage.open(name) as f:
        return f.read()


def static_files_fetcher():
    """A WeasyPrint URL fetcher of the project's static files and ``data:`` URLs, and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # lazily: importing loads Pango

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            name = static_name(url)
            if name is None or ".." in name.split("/"):
                raise ValueError(f"not a static file: {url}")
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, read_static(name), {"Content-Type": content_type})

    return StaticFilesFetcher()


def render_pdf(template_name, context=None, request=None, base_url=None):
    """Return the PDF bytes of ``template_name`` rendered with ``context``."""
    from weasyprint import HTML  # lazily: importing loads Pango

    html = render_to_string(template_name, context or {}, request=request)
    if base_url is None:
        base_url = request.build_absolute_uri("/") if request is not None else DEFAULT_BASE_URL
    return HTML(string=html, base_url=base_url, url_fetcher=static_files_fetcher()).write_pdf()

"""Render a Django template to PDF with WeasyPrint (Pango shapes Thai stacked vowels and tone marks).

One place for PDFs: request memos, the annual report, printable forms.

The documents name their font and images by ``{% static %}`` URLs, so that the same template prints
from the browser and from WeasyPrint. WeasyPrint reads those files from the static files here, never
over the network: nothing a document shows can make the server fetch an outside address. The font
is Sarabun (OFL, shipped in ``static/wagtail_disclosure/fonts``), given by ``@font-face``: the name
"TH Sarabun New" would let Debian's fontconfig answer with Laksaman shrunk to 0.66.
"""

import hashlib
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.template.loader import render_to_string

from wagtail_disclosure import __version__, conf

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
    html = render_to_string(template_name, context or {}, request=request)
    return html_to_pdf(html, _base_url(request, base_url))


def html_to_pdf(html, base_url=DEFAULT_BASE_URL):
    from weasyprint import HTML  # lazily: importing loads Pango

    return HTML(string=html, base_url=base_url, url_fetcher=static_files_fetcher()).write_pdf()


def _base_url(request, base_url):
    if base_url is not None:
        return base_url
    return request.build_absolute_uri("/") if request is not None else DEFAULT_BASE_URL


def cached_pdf(template_name, context=None, request=None, base_url=None):
    """``render_pdf``, built once per content: the PDF of the same HTML comes from the cache.

    The HTML is rendered on every request (a few queries); WeasyPrint, which takes about a
    second on a report, runs only when the HTML differs from every one printed within
    ``PDF_CACHE_SECONDS``. The document holds its office, its year and everything it shows, so a
    publication that changes what it says changes the key, and the PDF is built again. Static
    files (the font, the styles) change with the package's version, which is part of the key.
    """
    html = render_to_string(template_name, context or {}, request=request)
    base_url = _base_url(request, base_url)
    seconds = conf.get("PDF_CACHE_SECONDS")
    if not seconds:
        return html_to_pdf(html, base_url)
    digest = hashlib.sha256(f"{__version__}\n{base_url}\n{html}".encode()).hexdigest()
    key = f"wagtail_disclosure:pdf:{digest}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html, base_url)
        cache.set(key, pdf, seconds)
    return pdf

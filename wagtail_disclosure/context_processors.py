"""What the app's public templates need from the site's settings in every render.

``disclosure_base_template``: the template ``wagtail_disclosure/base.html`` extends, so that the
app's pages keep the office's own navigation, header and footer (``WAGTAIL_DISCLOSURE
["BASE_TEMPLATE"]``, README install step 2). A template tag cannot choose what a template extends;
a context variable can, and a context processor gives it to pages, forms and search alike.
"""

from wagtail_disclosure import conf


def disclosure(request):
    return {"disclosure_base_template": conf.get("BASE_TEMPLATE")}

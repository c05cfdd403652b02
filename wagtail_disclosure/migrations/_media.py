"""What the migrations of the media side records need to know of the site's own media models.

Wagtail's image and document models are not declared swappable, so ``makemigrations`` writes a
literal model name (``'wagtailimages.image'``) for a key to them: a migration of this package
that touches ``ImageRights``, ``DocumentRights`` or ``DocumentText`` must name the model through
``get_image_model_string()`` / ``get_document_model_string()`` instead (edit the generated file),
and depend on ``media_dependencies()``, or a site with its own models would get a migration
written into the installed package.
"""

from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string

# The last migration of Wagtail's own models that every supported Wagtail line (7.4 LTS, 8.x)
# ships: the media moved from this app's old models need all of their fields in place.
STOCK = {
    "wagtailimages.Image": ("wagtailimages", "0027_image_description"),
    "wagtaildocs.Document": ("wagtaildocs", "0014_alter_document_file_size"),
}


def media_dependencies():
    """The migrations that create the site's image and document models."""
    dependencies = []
    for model in (get_image_model_string(), get_document_model_string()):
        dependencies.append(STOCK.get(model) or (model.split(".")[0], "__first__"))
    return dependencies

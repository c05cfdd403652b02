"""``manage.py load_disclosure_catalogue ita-2566`` or ``… path/to/edition.yaml``: load or reload."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wagtail_disclosure.catalogue import shipped_editions
from wagtail_disclosure.catalogue.loader import CatalogueError, load


class Command(BaseCommand):
    help = "Load (or reload) a disclosure catalogue edition from a shipped name or a YAML file."

    def add_arguments(self, parser):
        parser.add_argument(
            "name", nargs="?", help="Shipped edition (%s) or a path" % ", ".join(shipped_editions())
        )
        parser.add_argument(
            "--prune", action="store_true", help="Delete items no longer in the file and unused."
        )
        parser.add_argument("--list", action="store_true", help="List the shipped editions.")

    def handle(self, *args, **options):
        if options["list"] or not options["name"]:
            for slug in shipped_editions():
                self.stdout.write(slug)
            if not options["name"]:
                return
        try:
            result = load(options["name"], prune=options["prune"])
        except CatalogueError as exc:
            raise CommandError(
                "%s\n%s" % (exc, _("Nothing was loaded: the database is unchanged."))
            ) from exc
        verb = _("Created") if result.created else _("Updated")
        self.stdout.write(
            self.style.SUCCESS(
                _("%(verb)s %(slug)s: %(sections)d sections, %(items)d items")
                % {
                    "verb": verb,
                    "slug": result.edition.slug,
                    "sections": result.sections,
                    "items": result.items,
                }
            )
        )
        if result.removed:
            self.stdout.write(
                _("Removed %(n)d unused items no longer in the file.") % {"n": result.removed}
            )
        if result.stale:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Still in the database but no longer in the file: %(codes)s "
                        "(kept; --prune deletes those no page uses)."
                    )
                    % {"codes": ", ".join(result.stale)}
                )
            )

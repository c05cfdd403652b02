from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ...catalogue import shipped_editions
from ...catalogue.loader import CatalogueError, load


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
            raise CommandError(str(exc)) from exc
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

"""``manage.py disclosure_setup_office [--site HOST] [--edition SLUG] [--chain PRESET]``: set up a
real office.

Work groups, the hub, one indicator page per item, the Wagtail groups and page permissions, the
office's collection of the image and document library and the approval workflow of the office's chain (``wagtail_disclosure.office_setup``; ``--chain``
puts one of the presets of ``approval/presets.yaml`` in force). No users; idempotent.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_disclosure.approval.chains import ChainError, in_force, presets, steps
from wagtail_disclosure.catalogue.loader import CatalogueError
from wagtail_disclosure.links import page_url
from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.office_setup import SetupError, set_up_office


class Command(BaseCommand):
    help = (
        "Set up the office of a Wagtail Site: work groups, the hub, the indicator pages, groups, "
        "page permissions and the approval workflow. Creates no users; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            help="Hostname (or hostname:port, or id) of the Site; default: the default site.",
        )
        parser.add_argument("--edition", help="Catalogue edition slug; default: the office's.")
        parser.add_argument(
            "--chain",
            help="Approval chain preset to put in force (%s); default: the office's chain."
            % ", ".join(presets()),
        )

    def handle(self, *args, **options):
        site = self.site(options["site"])
        try:
            with transaction.atomic():
                result = set_up_office(
                    site, edition_slug=options["edition"], chain=options["chain"]
                )
        except (CatalogueError, SetupError, ChainError) as exc:
            raise CommandError(
                "%s\n%s" % (exc, _("Nothing was changed: the database is unchanged."))
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Office ready on %(site)s: hub %(url)s, %(items)d indicator pages (%(edition)s).")
                % {
                    "site": site,
                    "url": page_url(result.hub),  # the public address, not the tree path
                    "items": result.edition.items.count(),
                    "edition": result.edition.slug,
                }
            )
        )
        self.stdout.write(
            _("Images and documents: the collection “%(collection)s”.")
            % {"collection": result.collection.name}
        )
        if result.adopted is not None:
            self.stdout.write(
                _(
                    "The install now hosts several offices: the image and document library of "
                    "%(site)s (what was outside every office's collection) moved into its collection "
                    "“%(collection)s”; files and addresses are unchanged."
                )
                % {
                    "site": result.adopted,
                    "collection": OfficeProfile.for_site(result.adopted).collection.name,
                }
            )
        chain = in_force(site)
        self.stdout.write(
            _("Approval chain: %(steps)s")
            % {"steps": " → ".join(step.name for step in steps(chain))}
        )
        self.stdout.write(
            _(
                "Next, in the admin: Settings → Office profile (name, short name); Disclosure → "
                "People (one per user, with a role and a work group); then run this command again to put the users into their roles' groups."
            )
        )

    def site(self, name):
        if not name:
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                raise CommandError(_("There is no default Wagtail Site: give --site."))
            return site
        hostname, _sep, port = name.partition(":")
        sites = Site.objects.filter(hostname=hostname)
        if port:
            sites = sites.filter(port=port)
        if name.isdigit():
            sites = Site.objects.filter(pk=name) | sites
        if sites.count() != 1:
            raise CommandError(
                _("No single Wagtail Site matches “%(name)s”. Sites: %(sites)s")
                % {"name": name, "sites": ", ".join(str(s) for s in Site.objects.all())}
            )
        return sites.get()

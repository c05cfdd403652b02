"""``manage.py disclosure_rollover NEW_EDITION [--site S]``: move an office's hub to next year's
edition and give the new hub the approval chain (``office_setup.roll_over``, the service the
admin's rollover screen runs too), and list per new item what it still lacks. Safe to run again."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_disclosure.catalogue.rollover import RolloverError
from wagtail_disclosure.models import CatalogueEdition
from wagtail_disclosure.office_setup import roll_over
from wagtail_disclosure.reports.readiness import Status, readiness


class Command(BaseCommand):
    help = "Move an office's transparency hub to a new catalogue edition, keeping last year's."

    def add_arguments(self, parser):
        parser.add_argument("edition", help="slug of the new edition (load it first)")
        parser.add_argument("--site", help="host name or id of the site (default: every site)")

    def handle(self, *args, **options):
        edition = CatalogueEdition.objects.filter(slug=options["edition"]).first()
        if edition is None:
            raise CommandError(
                _("No catalogue edition “%(slug)s” is loaded: run load_disclosure_catalogue first.")
                % {"slug": options["edition"]}
            )
        sites = Site.objects.all()
        if options["site"]:
            key = options["site"]
            sites = sites.filter(pk=int(key)) if key.isdigit() else sites.filter(hostname=key)
            if not sites:
                raise CommandError(_("No site “%(site)s”.") % {"site": key})
        for site in sites:
            try:
                result = roll_over(site, edition)
            except RolloverError as exc:
                raise CommandError(str(exc)) from exc
            self.report(site, edition, result)

    def report(self, site, edition, result):
        write = self.stdout.write
        if result.already_done:
            write(_("%(site)s already shows %(edition)s; filled in what was missing.") % {
                "site": site, "edition": edition.slug})  # fmt: skip
        elif result.archive is not None:
            write(_("%(site)s: last year's hub archived at %(url)s") % {
                "site": site, "url": result.archive.url_path})  # fmt: skip
        write(
            _("Indicator pages created: %(n)d; pages linked: %(linked)d")
            % {"n": len(result.created_indicators), "linked": sum(result.linked.values())}
        )
        for row in readiness(site, edition):
            if row.status != Status.COMPLETE:
                write(f"  {row.item.code} [{row.status_label}] {row.reason}")

"""List the messages the admin and public screens show untranslated; keep the Wagtail supplement.

``--write`` adds the Wagtail admin messages found to ``locale/<language>/LC_MESSAGES/
wagtail_supplement.po`` (untranslated, for a maintainer to translate) and drops the entries that
Wagtail's own catalogue now translates (``i18n.supplement``).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.client import RequestFactory

from wagtail_disclosure.i18n import audit as i18n_audit
from wagtail_disclosure.i18n import supplement


class Command(BaseCommand):
    help = "List the messages the admin and public screens show untranslated in Thai."

    def add_arguments(self, parser):
        parser.add_argument(
            "--user",
            nargs="+",
            default=["admin", "supervisor", "author"],
            help="Users to crawl the admin as (each sees other menus and buttons).",
        )
        parser.add_argument("--language", default="th")
        parser.add_argument(
            "--write",
            action="store_true",
            help=(
                "Add the Wagtail messages found to locale/<language>/LC_MESSAGES/"
                "wagtail_supplement.po and drop those Wagtail now translates itself."
            ),
        )

    def handle(self, *args, **options):
        language = options["language"]
        folder = i18n_audit.catalogue_folder(language)
        stale = []
        if folder is not None:
            stale = supplement.translated_upstream(
                folder, supplement.upstream_translations(language)
            )
        for entry in stale:
            self.stderr.write(
                f"Wagtail now translates {entry.msgid!r}: drop it from the supplement"
            )
        found, screens = self._crawl(options["user"], language)
        for call in sorted(found):
            self.stdout.write(f"{call!r}\t{found[call][0]}")
        if options["write"]:
            if folder is None:
                raise CommandError(f"No {supplement.SUPPLEMENT} for {language!r} in LOCALE_PATHS")
            own = i18n_audit.own_messages(language)
            wagtail_calls = {call for call in found if call[-1] not in own and call[1] not in own}
            added, dropped = supplement.update(
                folder, wagtail_calls, drop={supplement.key(e) for e in stale}
            )
            self.stderr.write(
                f"{folder / supplement.SUPPLEMENT}: {added} Wagtail messages added, {dropped} "
                "dropped; translate the new entries, then run scripts/update-translation.sh compile"
            )
        self.stderr.write(f"{len(found)} untranslated messages on {screens} screens")

    def _crawl(self, usernames, language):
        User = get_user_model()
        found, screens = {}, 0
        for username in usernames:
            try:
                user = User.objects.get(username=username)
            except User.DoesNotExist as exc:
                raise CommandError(f"No user {username!r}") from exc
            client = Client()
            client.force_login(user)
            request = RequestFactory().get("/admin/")
            request.user = user
            urls = i18n_audit.admin_menu_urls(request) + i18n_audit.page_urls()
            screens += len(urls)
            for call, where in i18n_audit.audit(client, urls, language).items():
                found.setdefault(call, []).extend(where)
        return found, screens

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.client import RequestFactory

from wagtail_disclosure.i18n import audit as i18n_audit


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
            help="Add the Wagtail messages found to wagtail_disclosure/wagtail_strings.py for makemessages.",
        )

    def handle(self, *args, **options):
        User = get_user_model()
        found, screens = {}, 0
        for username in options["user"]:
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
            for call, where in i18n_audit.audit(client, urls, options["language"]).items():
                found.setdefault(call, []).extend(where)
        for call in sorted(found):
            self.stdout.write(f"{call!r}\t{found[call][0]}")
        if options["write"]:
            own = i18n_audit.own_messages()
            wagtail_calls = {call for call in found if call[-1] not in own and call[1] not in own}
            path = Path(i18n_audit.__file__).with_name("wagtail_strings.py")
            existing = i18n_audit.read_wagtail_strings(path)
            i18n_audit.write_wagtail_strings(existing | wagtail_calls, path)
            self.stderr.write(f"{len(wagtail_calls)} Wagtail messages listed in {path.name}")
        self.stderr.write(f"{len(found)} untranslated messages on {screens} screens")

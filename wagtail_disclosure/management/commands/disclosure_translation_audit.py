from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.client import RequestFactory

from ... import i18n_audit


class Command(BaseCommand):
    help = "List the messages the admin and public screens show untranslated in Thai."

    def add_arguments(self, parser):
        parser.add_argument("--user", default="admin", help="Superuser to crawl the admin as.")
        parser.add_argument("--language", default="th")

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=options["user"])
        except User.DoesNotExist as exc:
            raise CommandError(f"No user {options['user']!r}") from exc
        client = Client()
        client.force_login(user)
        request = RequestFactory().get("/admin/")
        request.user = user
        urls = i18n_audit.admin_menu_urls(request) + i18n_audit.page_urls()
        found = i18n_audit.audit(client, urls, options["language"])
        for message in sorted(found):
            self.stdout.write(f"{message!r}\t{found[message][0]}")
        self.stderr.write(f"{len(found)} untranslated messages on {len(urls)} screens")

"""Django's makemessages, also reading ``_g(...)``: the app's reports call ``gettext`` as ``_g``
where ``_`` is ``gettext_lazy``, and their messages were left out of the catalogue (and so shown
in English). ``scripts/update-translation.sh`` runs it through the example site."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = makemessages.Command.xgettext_options + ["--keyword=_g"]

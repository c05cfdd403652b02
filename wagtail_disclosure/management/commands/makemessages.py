"""``makemessages`` that also extracts ``_g("...")``.

The app's modules import ``gettext_lazy as _`` and, where a string is needed at once (a reason
readiness gives, a message after a POST, an export's heading), ``gettext as _g``. Django's
``makemessages`` knows ``_`` and ``gettext`` but not ``_g``: without this, those messages never
reached the Thai catalogue and showed in English on Thai screens.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_g"]

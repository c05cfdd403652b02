"""Model fields that clean what they store."""

from wagtail.fields import RichTextField

from wagtail_disclosure.sanitising import clean_rich_text


class SanitisedRichTextField(RichTextField):
    """A ``RichTextField`` whose value goes through bleach whenever it is saved.

    ``pre_save`` runs for database writes and also when a page revision is serialised
    (modelcluster reads fields through it), so drafts, revisions, the API, imports and the admin
    form all store cleaned HTML: there is no save path around it.
    """

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = clean_rich_text(value)
            setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self):
        # Stored like a plain RichTextField: switching to it needs no migration.
        name, _path, args, kwargs = super().deconstruct()
        return name, "wagtail.fields.RichTextField", args, kwargs

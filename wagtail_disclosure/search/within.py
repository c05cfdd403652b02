"""Searching one office's pages inside the text match, not after it.

One install may hold 245 offices in one index. Filtering the pages of one office after the text
match would rank every office's matches of a common word first. Instead every page is indexed
with one token per page of its branch, itself included (``zp`` + the page's id: ASCII letters and
digits, one token for both engines), and a query limited to a subtree asks for that token too, so
the full-text index itself narrows the match to the office.

Ids, not tree paths: reordering pages changes their paths, never their ancestors. Moving a page
under another parent changes its ancestors, and the branch is indexed again (``search.signals``).
The token only narrows the match: the queryset searched still says which pages may be shown
(``descendant_of`` the office), so a page not yet indexed again after a move is left out, never
shown to another office.
"""

from modelsearch.query import PlainText
from wagtail.models import Page

SUBTREE_MARKER = "zp"


def subtree_token(page_id):
    """The index token of the subtree whose root is page ``page_id``."""
    return f"{SUBTREE_MARKER}{page_id}"


class Branches:
    """The ids of the ancestors of a batch of pages, read in one query when first asked for.

    The tree's root (depth 1) holds every page: its token would match everything, so it is left
    out. Objects that are not pages have no branch.
    """

    def __init__(self, objs):
        self.objs = objs
        self._ids = None

    def _ancestor_paths(self, obj):
        path, steplen = getattr(obj, "path", None), getattr(obj, "steplen", None)
        if not isinstance(path, str) or not steplen:
            return []
        return [path[:end] for end in range(2 * steplen, len(path), steplen)]

    def tokens(self, obj):
        """The subtree tokens of ``obj``: its ancestors' (below the root) and its own."""
        paths = self._ancestor_paths(obj)
        if not paths and not isinstance(getattr(obj, "path", None), str):
            return ""
        if self._ids is None:
            wanted = {p for o in self.objs for p in self._ancestor_paths(o)}
            self._ids = dict(Page.objects.filter(path__in=wanted).values_list("path", "pk"))
        ids = [self._ids[p] for p in paths if p in self._ids]
        if getattr(obj, "depth", 0) > 1:
            ids.append(obj.pk)
        return " ".join(subtree_token(pk) for pk in ids)


class PlainTextWithin(PlainText):
    """A plain-text query for the pages under page ``root_id`` (the office's root page).

    The Thai backend matches the subtree's token with the words; another backend reads it as
    the plain-text query it is (the queryset still limits the pages).
    """

    def __init__(self, query_string, root_id, operator=PlainText.DEFAULT_OPERATOR):
        super().__init__(query_string, operator=operator)
        self.root_id = root_id

    def __repr__(self):
        return (
            f"<PlainTextWithin {self.query_string!r} root_id={self.root_id!r} "
            f"operator={self.operator!r}>"
        )

"""Read a Wagtail admin form the way a browser would, so test-client POSTs send what a person sends.

``form_data(html)`` collects every field's current value (checked boxes only, selected options,
textarea text), leaving out the empty templates of inline formsets (``__prefix__``).
"""

import json
from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.done = False
        self.data = []
        self._select = None
        self._select_options = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done:
            if (self.form_id and attrs.get("id") == self.form_id) or (
                not self.form_id and (attrs.get("method") or "").upper() == "POST"
            ):
                self.inside = True
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
                return
            self.data.append((name, attrs.get("value") or ""))
        elif tag == "select" and name and "__prefix__" not in name:
            self._select = (name, "multiple" in attrs)
            self._select_options = []
        elif tag == "option" and self._select is not None:
            self._select_options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
            self.done = True
        elif tag == "select" and self._select is not None:
            name, multiple = self._select
            chosen = [v for v, selected in self._select_options if selected]
            if not chosen and not multiple and self._select_options:
                chosen = [self._select_options[0][0]]
            self.data.extend((name, v) for v in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # Browsers drop the newline that follows <textarea>.
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_data(html, form_id="page-edit-form"):
    """The fields of form ``form_id`` (None: the first POST form) in ``html`` as a dict."""
    parser = _FormParser(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.data:
        if name in data:
            data[name] = data[name] if isinstance(data[name], list) else [data[name]]
            data[name].append(value)
        else:
            data[name] = value
    return data


def rich_text(*paragraphs):
    """Draftail's content state for plain paragraphs: what the rich-text editor posts."""
    blocks = [
        {"key": f"k{i}", "type": "unstyled", "depth": 0, "text": text,
         "inlineStyleRanges": [], "entityRanges": [], "data": {}}
        for i, text in enumerate(paragraphs)
    ]  # fmt: skip
    return json.dumps({"blocks": blocks, "entityMap": {}})


def add_inline_rows(data, prefix, rows):
    """Append ``rows`` (dicts of field values) to inline formset ``prefix`` like "Add" does."""
    start = int(data[f"{prefix}-TOTAL_FORMS"])
    for offset, row in enumerate(rows):
        index = start + offset
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
        data.setdefault(f"{prefix}-{index}-ORDER", str(index + 1))
        data.setdefault(f"{prefix}-{index}-DELETE", "")
        data.setdefault(f"{prefix}-{index}-id", "")
    data[f"{prefix}-TOTAL_FORMS"] = str(start + len(rows))
    return data

"""What a browser posts back from a form of a page it was sent (over HTTP,
without the test client's context): for tests that drive real server processes."""

from html.parser import HTMLParser

#: Inputs a browser never sends as a field of the form (or only when clicked).
NOT_SENT = {"submit", "button", "image", "reset", "file"}


class _FormFields(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
            return
        if not self.inside or "disabled" in attributes:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text").lower()
            if kind in NOT_SENT or (kind in ("checkbox", "radio") and "checked" not in attributes):
                return
            self.fields.append((name, attributes.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": []}
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attributes, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {"value": attributes.get("value"), "selected": "selected" in attributes, "text": []}
            self._select["options"].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"].append(data)
        elif self._option is not None:
            self._option["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the newline that follows <textarea>.
            self.fields.append((self._textarea["name"], "".join(self._textarea["text"]).removeprefix("\n")))
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [option for option in options if option["selected"]]
            if not chosen and options and not self._select["multiple"]:
                chosen = options[:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else "".join(option["text"]).strip()
                self.fields.append((self._select["name"], value))
            self._select = self._option = None


def form_fields(page: str, form_id: str, **changes: str) -> list[tuple[str, str]]:
    """The fields of the form ``form_id`` as a browser would post them back,
    with ``changes`` replacing the values of those fields. An admin formset's
    empty template (``__prefix__``) is left out, as its script does."""
    parser = _FormFields(form_id)
    parser.feed(page)
    parser.close()
    missing = set(changes) - {name for name, _ in parser.fields}
    if missing:
        raise ValueError(f"the form «{form_id}» has no field {sorted(missing)}")
    return [
        (name, changes.get(name, value)) for name, value in parser.fields if "__prefix__" not in name
    ]

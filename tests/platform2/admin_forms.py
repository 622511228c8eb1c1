"""Submit a Wagtail admin form as the browser would: read its fields from the page, change some, post it."""

from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The successful controls of the first form with the given id: inputs, checked boxes, selects, textareas."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append([attrs["name"], attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")])
        elif tag == "select":
            self.select = [attrs["name"], None, None]
        elif tag == "option" and self.select:
            if self.select[2] is None:
                self.select[2] = attrs.get("value", "")
            if "selected" in attrs:
                self.select[1] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self.select:
            name, selected, first = self.select
            self.fields.append([name, selected if selected is not None else (first or "")])
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append([self.textarea[0], self.textarea[1].removeprefix("\n")])
            self.textarea = None


def page_form(client, url, form_id="page-edit-form"):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    parser = FormFields(form_id)
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, value)
    return data

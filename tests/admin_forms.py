"""Fetch an admin form the way a browser would, then post it back with changes."""

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield


def admin_form(client, url, form_id="w-editor-form"):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    if form_id == "page-edit-form" and "body-count" not in data:
        # The body editor is drawn by JavaScript; an empty body is what an untouched one posts.
        data.update(nested_form_data({"body": streamfield([])}))
    return data


def post_form(client, url, form_id="w-editor-form", **changes):
    data = admin_form(client, url, form_id)
    for key, value in changes.items():
        data[key] = value
    return client.post(url, data)

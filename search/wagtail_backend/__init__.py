"""Wagtail's own search backend (WAGTAILSEARCH_BACKENDS): the admin's and Page.objects.search()'s, not the
site search."""

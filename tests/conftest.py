import pytest

from tests.factories import ensure_site_tree


@pytest.fixture
def home(db):
    return ensure_site_tree()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    client.user = user
    return client


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(marker and marker.kwargs.get("transaction")) or bool({"live_server", "transactional_db"} & fixtures)


def pytest_collection_modifyitems(items):
    """Tests marked migrated_data run first among the transactional tests (pytest-django has already put those
    after the others). A transactional test's database is emptied after it and refilled only by post_migrate, so
    what data migrations made (the role groups, their page and collection permissions) is there for the first one
    alone; re-creating it by hand would copy the migrations."""
    transactional = [index for index, item in enumerate(items) if _transactional(item)]
    if not transactional:
        return
    marked = [items[index] for index in transactional if items[index].get_closest_marker("migrated_data")]
    rest = [items[index] for index in transactional if not items[index].get_closest_marker("migrated_data")]
    for index, item in zip(transactional, marked + rest):
        items[index] = item

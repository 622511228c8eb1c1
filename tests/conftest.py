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


def pytest_collection_modifyitems(items):
    """Every transactional test (the live server's, on_commit's) starts from the database as migrated.

    Such a test's database is emptied after it and refilled only by post_migrate (content types, permissions),
    so what data migrations made — the role groups and their permissions, the domain synonyms — would be gone for
    the next one, and which tests saw it would depend on their order. Serialized rollback restores it."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        fixtures = getattr(item, "fixturenames", ())
        if (marker and marker.kwargs.get("transaction")) or {"live_server", "transactional_db"} & set(fixtures):
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)

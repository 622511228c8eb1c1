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

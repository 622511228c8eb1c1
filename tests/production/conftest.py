import pytest

from .served import prepare_demo, site_env


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory):
    """Environment of a served site on SQLite in a fresh data folder holding the demo content."""
    env = site_env(tmp_path_factory.mktemp("served-site"))
    prepare_demo(env)
    return env

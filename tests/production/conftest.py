import pytest

from .served import prepare_demo, shegong, site_env


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory):
    """Environment of a served site on SQLite in a fresh data folder holding the demo content."""
    env = site_env(tmp_path_factory.mktemp("served-site"))
    prepare_demo(env)
    return env


@pytest.fixture
def served_env(demo_env):
    """demo_env with the shared cache, the comment counts and the login lockouts emptied, so each test starts
    with every address's allowance whole."""
    shegong(
        demo_env,
        "shell",
        "-c",
        "from django.core.cache import cache; cache.clear(); "
        "from shegong.feedback.models import SubmissionCount; SubmissionCount.objects.all().delete()",
    )
    shegong(demo_env, "axes_reset")
    return demo_env

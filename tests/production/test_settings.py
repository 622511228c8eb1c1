"""Deployment settings come from the environment and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def shegong(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "shegong.cli", *args], env=environment, capture_output=True, text=True, cwd=REPO
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = shegong(
        "check", DJANGO_SETTINGS_MODULE="shegong.settings.production", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_checks(tmp_path):
    result = shegong(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="shegong.settings.production",
        SECRET_KEY="x" * 20 + "-long-random-secret-for-the-check-0123456789",
        ALLOWED_HOSTS="shegong.example.gov.cn",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        SHEGONG_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout

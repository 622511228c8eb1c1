"""The demo runs with DEBUG off, so a citizen meets the site's Chinese 404, and its images are still served."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_demo_script_turns_debug_off_unless_asked():
    script = (ROOT / "scripts" / "demo").read_text()
    assert 'export DEBUG="${DEBUG:-0}"' in script


def test_dev_settings_with_debug_off_still_serve_uploaded_images(tmp_path):
    code = (
        "import django; django.setup();"
        "from django.conf import settings; from django.urls import resolve;"
        "print(settings.DEBUG, resolve('/media/original_images/demo.png').func.__name__)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shegong.settings.dev",
        "DEBUG": "0",
        "SHEGONG_DATA_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "serve"]


@pytest.mark.django_db
def test_an_unknown_address_is_the_chinese_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面未找到" in page and "Page not found" not in page
    assert 'aria-label="主导航"' in page  # the whole frame, so the citizen can go on from here

"""shegong backup and shegong restore, as an operator runs them: the restored site has the same pages, the
same uploaded files and answers the same searches. On SQLite always; on PostgreSQL when DATABASE_URL is set."""

import json
import os
import tarfile
from pathlib import Path

import pytest

from .served import empty_postgres, prepare_demo, shegong, site_env

PROBE = """
import json
from wagtail.models import Page
from wagtail.images import get_image_model
from shegong.search.service import search
print(json.dumps({
    "pages": Page.objects.count(),
    "live": Page.objects.live().count(),
    "images": sorted(image.file.name for image in get_image_model().objects.all()),
    "search": {q: [hit.title for hit in search(q=q, page_size=20).hits] for q in ["社工", "养老服务", "儿童"]},
}))
"""


def state(env):
    return json.loads(shegong(env, "shell", "-c", PROBE).stdout.strip().splitlines()[-1])


def round_trip(source_env, target_env, tmp_path, wipe=None):
    before = state(source_env)
    assert before["pages"] > 100 and all(before["search"].values())
    archive = tmp_path / "shegong.tar.gz"
    assert "已备份" in shegong(source_env, "backup", str(archive)).stdout
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["counts"]["pages"] == before["pages"]
    assert any(name.startswith("media/original_images/") for name in names)

    if wipe:
        wipe()
    restored = shegong(target_env, "restore", str(archive))
    assert "恢复完成" in restored.stdout, restored.stderr
    after = state(target_env)
    assert after == before
    media = Path(target_env["SHEGONG_DATA_DIR"]) / "media"
    assert all((media / name).is_file() for name in after["images"])

    refused = shegong(target_env, "restore", str(archive), check=False)
    assert refused.returncode != 0 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert "恢复完成" in shegong(target_env, "restore", "--force", str(archive)).stdout


def test_round_trip_on_sqlite(demo_env, tmp_path):
    round_trip(demo_env, site_env(tmp_path / "restored"), tmp_path)


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="DATABASE_URL 未指向 PostgreSQL"
)
def test_round_trip_on_postgresql(tmp_path):
    url = os.environ["DATABASE_URL"]
    empty_postgres(url)
    env = site_env(tmp_path / "pg", database_url=url)
    prepare_demo(env)
    restored_env = site_env(tmp_path / "pg-restored", database_url=url)
    round_trip(env, restored_env, tmp_path, wipe=lambda: empty_postgres(url))


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    env = site_env(tmp_path)
    (tmp_path / "notes.tar").write_bytes(b"not a tar file")
    result = shegong(env, "restore", str(tmp_path / "notes.tar"), check=False)
    assert result.returncode != 0 and "无法打开备份文件" in result.stderr and "Traceback" not in result.stderr

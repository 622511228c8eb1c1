"""One backup archive: the database (SQLite's online backup or pg_dump's custom format), the media folder
and a manifest. The embedded search index lives in the database; Elasticsearch is rebuilt on restore."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def vendor():
    if connection.vendor not in DATABASE_FILES:
        raise CommandError(f"不支持备份 {connection.vendor} 数据库：仅支持 SQLite 与 PostgreSQL。")
    return connection.vendor


def pg_environment():
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(db.get("HOST") or ""),
            "PGPORT": str(db.get("PORT") or ""),
            "PGUSER": str(db.get("USER") or ""),
            "PGPASSWORD": str(db.get("PASSWORD") or ""),
            "PGDATABASE": str(db["NAME"]),
        }
    )
    return {key: value for key, value in env.items() if value}


def run_pg(*args):
    if shutil.which(args[0]) is None:
        raise CommandError(
            f"找不到 {args[0]}：请安装与服务器同一主版本的 PostgreSQL 客户端（apt-get install postgresql-client）。"
        )
    result = subprocess.run(args, env=pg_environment(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CommandError(f"{args[0]} 失败：{result.stderr.strip()[:500]}")


def counts():
    from wagtail.models import Page

    from shegong.search.models import SearchDocument

    return {"pages": Page.objects.count(), "search_documents": SearchDocument.objects.count()}


def dump_database(target: Path):
    if vendor() == "sqlite":
        connection.close()
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # consistent even while other processes write
        finally:
            copy.close()
            source.close()
    else:
        run_pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}")


def write(out: Path):
    kind = vendor()
    with tempfile.TemporaryDirectory(prefix="shegong-backup-") as work:
        work = Path(work)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "shegong_version": version("shegong"),
            "database": kind,
            "database_file": DATABASE_FILES[kind],
            "media": "media",
            "search_index": "embedded index in the database; Elasticsearch is rebuilt by restore",
            "counts": counts(),
        }
        dump_database(work / DATABASE_FILES[kind])
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        partial = out.with_name(out.name + ".partial")
        mode = "w:gz" if out.name.endswith((".gz", ".tgz")) else "w"
        with tarfile.open(partial, mode) as archive:
            archive.add(work / MANIFEST, MANIFEST)
            archive.add(work / DATABASE_FILES[kind], DATABASE_FILES[kind])
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, "media")
        partial.replace(out)  # a half-written archive never carries the final name
    return manifest


def read_manifest(archive: tarfile.TarFile):
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, json.JSONDecodeError, AttributeError) as error:
        raise CommandError("这不是 Shegong 备份文件：缺少或无法读取 manifest.json。") from error
    if manifest.get("format") != FORMAT:
        raise CommandError(f"备份格式 {manifest.get('format')} 不受支持（本版本读取格式 {FORMAT}）。")
    return manifest


def database_has_content():
    tables = connection.introspection.table_names()
    if "wagtailcore_page" not in tables:
        return False
    with connection.cursor() as cursor:
        # A freshly migrated database holds Wagtail's root and welcome pages and no account.
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page")
        pages = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM auth_user")
        users = cursor.fetchone()[0]
    return pages > 2 or users > 0


def restore_database(kind, source: Path):
    if kind == "sqlite":
        connection.close()
        backup = sqlite3.connect(source)
        live = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        try:
            backup.backup(live)
        finally:
            live.close()
            backup.close()
    else:
        connection.close()
        run_pg(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            f"--dbname={settings.DATABASES['default']['NAME']}",
            str(source),
        )


def read(path: Path, force=False):
    try:
        is_tar = tarfile.is_tarfile(path)
    except OSError as error:
        raise CommandError(f"无法打开备份文件 {path}：{error.strerror or error}") from error
    if not is_tar:
        raise CommandError(f"无法打开备份文件 {path}：它不是 tar 归档。")
    with tarfile.open(path) as archive, tempfile.TemporaryDirectory(prefix="shegong-restore-") as work:
        return restore_from(archive, Path(work), force)


def restore_from(archive: tarfile.TarFile, work: Path, force):
    manifest = read_manifest(archive)
    kind = vendor()
    if manifest["database"] != kind:
        raise CommandError(f"备份来自 {manifest['database']} 数据库，当前数据库是 {kind}：请在同类数据库上恢复。")
    if database_has_content() and not force:
        raise CommandError("当前数据库已有内容，恢复会覆盖它。确认要覆盖时请加 --force。")
    archive.extractall(work, filter="data")
    restore_database(kind, work / manifest["database_file"])
    media = work / manifest["media"]
    if media.is_dir():
        shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest

"""docs/deploy/nginx.conf is a server block an operator drops into Debian's nginx: `nginx -t` accepts it.

Run with the nginx installed on the machine (Debian 12's is 1.22, older than most examples on the web), inside a
minimal main config as /etc/nginx/nginx.conf would include it, with a throwaway certificate in place of the
operator's."""

import shutil
import subprocess
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "docs" / "deploy" / "nginx.conf"
CERTIFICATE = "/etc/ssl/shegong/fullchain.pem"
KEY = "/etc/ssl/shegong/privkey.pem"

pytestmark = pytest.mark.skipif(
    not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()) or not shutil.which("openssl"),
    reason="nginx and openssl are not installed (apt-get install nginx-light openssl); .ci/run installs them",
)


def nginx_test(tmp_path, server_blocks):
    certificate, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=shegong.example.gov.cn",
        ]
        + ["-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    site = tmp_path / "shegong.conf"
    site.write_text(server_blocks.replace(CERTIFICATE, str(certificate)).replace(KEY, str(key)))
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    access_log off;\n    include {site};\n}}\n"
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return subprocess.run(
        [nginx, "-t", "-c", str(main), "-e", str(tmp_path / "error.log")], capture_output=True, text=True
    )


def test_the_example_nginx_config_passes_nginx_t(tmp_path):
    text = CONFIG.read_text()
    assert CERTIFICATE in text and KEY in text  # else the test would check the operator's real paths
    result = nginx_test(tmp_path, text)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def test_nginx_t_catches_a_broken_config(tmp_path):
    """The check itself can fail: a directive this nginx does not know is refused."""
    result = nginx_test(tmp_path, CONFIG.read_text().replace("proxy_read_timeout", "proxy_read_timeuot"))
    assert result.returncode != 0 and "proxy_read_timeuot" in result.stderr

"""A consuming site's use of the Shegong API, with Python's standard library only.

    python consumer.py page https://shegong.example.gov.cn/api/v2/ > shegong.html
    python consumer.py listen 8001 <the subscriber's secret>

`page` builds a page of the latest notices and the 2022 projects with their funds; `listen` receives
webhooks on http://127.0.0.1:8001/, checks each signature and prints the events.
"""

import hashlib
import hmac
import html
import http.server
import json
import sys
import time
import urllib.parse
import urllib.request

TOLERANCE_SECONDS = 300  # a delivery signed longer ago than this is refused as a possible replay


def get(api, endpoint, **params):
    """One API answer as JSON; `api` is the address of /api/v2/."""
    url = urllib.parse.urljoin(api, endpoint) + "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def build_page(api, year=2022):
    """The latest notices and the year's projects with their funds, as an HTML fragment."""
    notices = get(api, "notices/", limit=10, fields="title,kind_label,published_on,publicity_until")
    projects = get(api, "projects/", year=year, limit=100, fields="title,organization,stage_label,funds")
    parts = ["<h2>最新通知公告</h2>", "<ul>"]
    for notice in notices["items"]:
        until = f"（公示至 {notice['publicity_until']}）" if notice["publicity_until"] else ""
        parts.append(
            f"<li>{notice['published_on']} [{html.escape(notice['kind_label'])}] "
            f'<a href="{html.escape(notice["meta"]["html_url"])}">{html.escape(notice["title"])}</a>{until}</li>'
        )
    parts += [
        "</ul>",
        f"<h2>{year} 年服务项目（共 {projects['meta']['total_count']} 个）</h2>",
        "<table>",
        "<tr><th>项目</th><th>承接组织</th><th>阶段</th><th>预算（元）</th><th>已拨付（元）</th></tr>",
    ]
    for project in projects["items"]:
        organization = project["organization"]["name"] if project["organization"] else ""
        parts.append(
            f'<tr><td><a href="{html.escape(project["meta"]["html_url"])}">{html.escape(project["title"])}</a></td>'
            f"<td>{html.escape(organization)}</td><td>{html.escape(project['stage_label'])}</td>"
            f"<td>{project['funds']['budget']}</td><td>{project['funds']['spent']}</td></tr>"
        )
    parts.append("</table>")
    return "\n".join(parts)


def verify_signature(secret, header, body, tolerance=TOLERANCE_SECONDS, now=None):
    """Whether `X-Shegong-Signature` (t=…,v1=…) signs this body with the secret, recently enough."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))


def receiver(secret, on_event):
    """An HTTP handler class that checks each delivery and passes the event to `on_event`."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if not verify_signature(secret, self.headers.get("X-Shegong-Signature", ""), body):
                self.send_response(403)
                self.end_headers()
                return
            on_event(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


def main(argv):
    if len(argv) == 2 and argv[0] == "page":
        print(build_page(argv[1]))
    elif len(argv) == 3 and argv[0] == "listen":

        def show(event):
            print(event["event"], event["html_url"], event["api_url"], flush=True)

        http.server.ThreadingHTTPServer(("127.0.0.1", int(argv[1])), receiver(argv[2], show)).serve_forever()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

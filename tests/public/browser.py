"""What the browser tests share: Debian's Chromium, the two widths, screenshots kept for people, axe-core on every page."""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
WIDTHS = {"desktop": 1280, "phone": 390}

needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"没有可用的 Chromium（{CHROMIUM}），跳过浏览器测试"),
]


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def screenshot_dir(tmp_path_factory):
    """SHEGONG_SCREENSHOTS, so CI can keep the pictures as artifacts; a pytest temporary folder otherwise."""
    folder = Path(os.environ.get("SHEGONG_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def describe(violations):
    lines = []
    for violation in violations:
        targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


# The innermost elements that stick out past the right edge, to say what overflows.
WIDEST = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter(el => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-scroll"))
        .filter(el => ![...el.children].some(child => child.getBoundingClientRect().right > width + 1))
        .slice(0, 5).map(el => el.tagName.toLowerCase() + "." + el.className + " " + Math.round(el.getBoundingClientRect().right));
}"""


class Visit:
    """One citizen's browser at one width: every page it reaches is photographed and checked by axe-core."""

    def __init__(self, page, width_name, folder):
        from axe_playwright_python.sync_playwright import Axe

        self.page, self.width_name, self.folder, self.axe = page, width_name, folder, Axe()
        self.checked = []

    def check(self, name):
        self.page.wait_for_load_state("load")
        self.page.screenshot(path=str(self.folder / f"{self.width_name}-{name}.png"), full_page=True)
        results = self.axe.run(self.page)
        violations = results.response["violations"]
        assert not violations, f"axe-core 在“{name}”（{self.width_name}）发现问题：\n{describe(violations)}"
        overflow = self.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"“{name}”（{self.width_name}）横向溢出 {overflow}px：{self.page.evaluate(WIDEST)}"
        self.checked.append(name)

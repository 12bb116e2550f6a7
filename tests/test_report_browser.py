"""The HTML report in a real headless browser (Debian's chromium), driven over the DevTools protocol.

The report is rendered from records the pipeline extracts from the seed articles (plus one
hostile article), opened from disk, and checked as a person would see it: the page loads with no
console or page errors and no request beyond the file itself, the findings and the charts are in
the DOM, a script in an article's text stays text, and a screenshot is not blank.

Chromium is driven through ``--remote-debugging-pipe`` (JSON messages on file descriptors 3 and 4),
so the test needs no client library and no browser download. Without /usr/bin/chromium (or
``$HMICFRS_CHROMIUM``) the test fails, saying how to install it (``.ci/run`` installs it); set
``HMICFRS_SKIP_BROWSER=1`` to skip it locally (not in CI, where ``CI=true``).

Run as a script to refresh the README's screenshot::

    PYTHONPATH=$PWD .venv/bin/python tests/test_report_browser.py --screenshot docs/report.png
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from types import TracebackType
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("HMICFRS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--remote-debugging-pipe")
TIMEOUT = 30.0
HOSTILE_TEXT = ("Kent Police recorded 90 per cent of crime, HMICFRS said. <script>document.title='pwned';"
                "window.pwned=1</script> <img src=x onerror=\"window.pwned=2\"> & \"quotes\" </div></article>")


class DevTools:
    """A headless Chromium and one page of it, spoken to over the DevTools pipe."""

    def __init__(self, width: int = 1280, height: int = 900) -> None:
        self.profile = tempfile.mkdtemp(prefix="hmicfrs-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # in the child: the browser reads fd 3 and writes fd 4
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen(
            [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire_pipes, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)

    def __enter__(self) -> DevTools:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError, EOFError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _messages(self, deadline: float) -> Iterator[dict[str, Any]]:
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the DevTools pipe")
            self._buffer += chunk

    def call(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> dict[str, Any]:
        """Send one command and wait for its answer; events that come meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        for answer in self._messages(time.monotonic() + TIMEOUT):
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return dict(answer["result"])
            self.events.append(answer)
        raise AssertionError("unreachable")

    def wait_for(self, event: str) -> dict[str, Any]:
        for seen in self.events:
            if seen.get("method") == event:
                return seen
        for message in self._messages(time.monotonic() + TIMEOUT):
            self.events.append(message)
            if message.get("method") == event:
                return message
        raise AssertionError("unreachable")

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, full_page: bool = False, clip_height: int | None = None) -> bytes:
        params: dict[str, Any] = {"format": "png"}
        if full_page or clip_height:
            height = clip_height or int(self.evaluate("document.documentElement.scrollHeight"))
            width = int(self.evaluate("document.documentElement.clientWidth"))
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": width, "height": height,
                                                            "scale": 1})
        return base64.b64decode(self.call("Page.captureScreenshot", params, session=True)["data"])

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, log errors (CSP violations among them) and any request
        for something other than the page itself."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"page error: {params['exceptionDetails']}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console error: {params.get('args')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"log error: {params['entry'].get('text')} {params['entry'].get('url', '')}")
            elif method == "Network.requestWillBeSent" and not params["request"]["url"].startswith("file:"):
                found.append(f"network request: {params['request']['url']}")
        return found


def png_colours(png: bytes) -> set[bytes]:
    """The distinct pixel colours of an 8-bit RGB or RGBA PNG (what Chromium writes), by decoding it."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, data, header = 8, b"", b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunk = png[pos + 8:pos + 8 + length]
        header = chunk if kind == b"IHDR" else header
        data += chunk if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in (2, 6), f"unexpected PNG format: depth {depth}, colour type {colour_type}"
    step = 3 if colour_type == 2 else 4
    stride = width * step
    raw = zlib.decompress(data)
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for row in range(height):
        kind = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, step * 7))  # every 7th pixel is plenty
        previous = line
    return colours


def _browser_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("HMICFRS_SKIP_BROWSER") == "1" and os.environ.get("CI") != "true":  # never in CI
        pytest.skip("HMICFRS_SKIP_BROWSER=1 and no chromium")
    pytest.fail(f"no chromium at {CHROMIUM}: install it (apt-get install chromium; .ci/run does), point "
                "HMICFRS_CHROMIUM at one, or set HMICFRS_SKIP_BROWSER=1 to skip the browser tests locally")


def render_seed_report(nlp: Any, out: Path, hostile: bool = True) -> tuple[Path, list[dict[str, Any]]]:
    """Extract the seed articles with the pipeline (and a hostile article), write their report."""
    from pipeline.extract import extract_records
    from pipeline.html_report import facts_from_records, write_report
    from pipeline.io import Article, InputProblem

    seeds = sorted((ROOT / "corpus" / "articles" / "seeds").glob("*.txt"))
    articles = [Article(p.stem, p.read_text(encoding="utf-8"), None, p.name) for p in seeds]
    if hostile:
        articles.append(Article("hostile<b>", HOSTILE_TEXT, "2024-01-02", "javascript:alert(1)"))
    records = [r for r in extract_records(nlp, articles) if not isinstance(r, InputProblem)]
    assert len(records) == len(articles)
    page = out / "report.html"
    write_report(records, facts_from_records(records), page, inputs=["corpus/articles/seeds"])
    return page, records


@pytest.fixture(scope="module")
def seed_page(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    return render_seed_report(nlp, tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def browser() -> Iterator[DevTools]:
    _browser_or_skip()
    with DevTools() as tools:
        yield tools


def test_report_loads_in_chromium_without_errors_or_network(browser: DevTools,
                                                           seed_page: tuple[Path, list[dict[str, Any]]]) -> None:
    page, _ = seed_page
    browser.open(page)
    assert browser.evaluate("document.readyState") == "complete"
    assert browser.problems() == []
    # Only the page itself was fetched: no font, script, image or style from anywhere.
    requests = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    assert requests == [page.resolve().as_uri()]


def test_findings_charts_and_anchors_are_in_the_dom(browser: DevTools,
                                                    seed_page: tuple[Path, list[dict[str, Any]]]) -> None:
    page, records = seed_page
    browser.open(page)
    findings = sum(len(r["findings"]) for r in records)
    assert browser.evaluate("document.querySelectorAll('li.finding').length") == findings
    assert browser.evaluate("document.querySelectorAll('article.article').length") == len(records)
    assert browser.evaluate("document.querySelectorAll('svg.chart').length") >= 3
    assert browser.evaluate("document.querySelectorAll('svg.chart circle').length") >= 5
    assert browser.evaluate("document.querySelectorAll('svg.chart rect.grade').length") >= 1
    assert browser.evaluate("document.querySelectorAll('mark.entity').length") > 100
    # Every in-page link lands on an element of the page.
    dangling = browser.evaluate(
        "[...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href').slice(1))"
        ".filter(id => !document.getElementById(id))")
    assert dangling == []
    # Following a finding's link scrolls its evidence sentence into view, highlighted by :target.
    anchor = browser.evaluate("document.querySelector('li.finding .links a').getAttribute('href')")
    browser.evaluate(f"location.hash = {json.dumps(anchor)}")
    colour = browser.evaluate(f"getComputedStyle(document.getElementById({json.dumps(anchor[1:])})).backgroundColor")
    assert colour == "rgb(255, 226, 122)"


def test_script_in_an_article_stays_text(browser: DevTools, seed_page: tuple[Path, list[dict[str, Any]]]) -> None:
    page, _ = seed_page
    browser.open(page)
    assert browser.evaluate("window.pwned === undefined")
    assert "pwned" not in browser.evaluate("document.title")
    assert browser.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length") == 0
    hostile = browser.evaluate("document.querySelector('article.article:last-of-type .article-text').textContent")
    assert "<script>document.title='pwned'" in hostile
    assert "<img src=x onerror=" in hostile
    assert browser.evaluate("[...document.querySelectorAll('a[href]')].filter(a => "
                            "a.getAttribute('href').toLowerCase().startsWith('javascript')).length") == 0


def test_screenshot_is_not_blank(browser: DevTools, seed_page: tuple[Path, list[dict[str, Any]]]) -> None:
    page, _ = seed_page
    browser.open(page)
    colours = png_colours(browser.screenshot())
    assert len(colours) > 50, f"only {len(colours)} distinct colours: the page looks blank"


def main() -> int:
    """Refresh the README's screenshot: the report of the seed articles, top of the page."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--screenshot", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--height", type=int, default=1800, help="pixels of the page, from the top")
    parser.add_argument("--keep", type=Path, help="also keep the HTML report here")
    args = parser.parse_args()
    from pipeline.extract import load_pipeline

    nlp = load_pipeline(ROOT / "models" / "hmicfrs")
    with tempfile.TemporaryDirectory() as folder:
        page, _ = render_seed_report(nlp, Path(folder), hostile=False)
        if args.keep:
            shutil.copy(page, args.keep)
        with DevTools(width=1280, height=900) as tools:
            tools.open(page)
            problems = tools.problems()
            if problems:
                print("\n".join(problems), file=sys.stderr)
                return 1
            args.screenshot.write_bytes(tools.screenshot(clip_height=args.height))
    print(f"wrote {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""End-to-end fixtures: the app on loopback, driven by Debian's Chromium through Playwright.

No browser is ever downloaded: Playwright's bundled driver launches
/usr/bin/chromium (``apt-get install chromium``; ``.ci/run`` installs it).
These tests skip, saying why, only when that browser is absent.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from plugin import create_app
from tests.conftest import NOW

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
NOW_ISO = NOW.isoformat().replace("+00:00", "Z")
TIMEOUT_MS = 10_000
ROOT_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium; .ci/run does it)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Server:
    """The app served on 127.0.0.1 in a thread, with its own store."""

    def __init__(self, app):
        self.app = app
        self.httpd = make_server("127.0.0.1", 0, app, threaded=True)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, **params) -> str:
        return f"{self.base}{path}" + (f"?{urlencode(params)}" if params else "")

    def demo_url(self, **params) -> str:
        return self.url("/sidebar/demo", now=NOW_ISO, **params)

    def check(self, article: dict, query: str = "") -> dict:
        """What the server says about ``article`` (through the app itself, not the page)."""
        response = self.app.test_client().post(f"/v1/check{query}",
                                               json={"article": article, "now": NOW.isoformat()})
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.thread.join(timeout=5)
        self.httpd.server_close()


def make_app(tmp_path, **config):
    # The clock the dismissals audit reads is fixed too: nothing here reads the wall clock.
    return create_app({"TESTING": True, "STORE_PATH": str(tmp_path / "store.sqlite3"),
                       "CLOCK": lambda: NOW, **config})


SHARED_SEED = ROOT_DIR.parent / "shared" / "examples" / "seed-article.json"


@pytest.fixture
def server(request, tmp_path):
    """The app on loopback. Parametrise indirectly with "shared seed" to have the
    demo page show the team's seed instead of the shipped demo article."""
    config = {}
    if getattr(request, "param", "shipped demo") == "shared seed":
        if not SHARED_SEED.exists():
            pytest.skip(f"{SHARED_SEED} is not present")
        config["SIDEBAR_DEMO_ARTICLE"] = str(SHARED_SEED)
    srv = Server(make_app(tmp_path, **config))
    yield srv
    srv.stop()


@pytest.fixture
def page_errors() -> list[str]:
    """Errors the page logged; a test that provokes one on purpose takes it out."""
    return []


@pytest.fixture
def page(browser, server, page_errors):
    # Depends on the server so that the page closes first: a re-check still
    # pending when a test ends must not hit a server that is already gone.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = page_errors
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert errors == [], f"the page logged errors: {errors}"


def wait_for_checks(page, count: int) -> None:
    """Wait until the widget has completed ``count`` checks and is idle (no check
    running and none due: typing during a check leaves another one pending)."""
    page.wait_for_function(
        "n => { const r = document.querySelector('.fc-sidebar');"
        " return r && Number(r.dataset.fcChecks) >= n && r.dataset.fcState === 'idle'; }", arg=count)


def checks_done(page) -> int:
    return int(page.get_attribute(".fc-sidebar", "data-fc-checks"))


def open_demo(page, server: Server, **params) -> None:
    page.goto(server.demo_url(**params))
    wait_for_checks(page, 1)


def draft(page) -> dict:
    """The draft as the page's editor gives it to the widget."""
    return page.evaluate("window.factcheckDemo.readArticle()")


def listed(page) -> list[dict]:
    """The findings in the sidebar, in list order."""
    return page.evaluate("""() => [...document.querySelectorAll('.fc-item')].map(li => ({
        id: li.dataset.id, severity: li.dataset.severity, check: li.dataset.check,
        anchor: li.dataset.anchor, dismissed: li.dataset.dismissed === 'true',
        group: li.closest('.fc-group').dataset.severity,
        checkGroup: li.closest('.fc-check').dataset.check,
        message: li.querySelector('.fc-message').textContent,
        where: li.querySelector('.fc-where').textContent,
        unplaced: li.querySelector('.fc-unplaced').hidden ? null
                  : li.querySelector('.fc-unplaced').textContent }))""")


def item(page, annotation_id: str):
    return page.locator(f'.fc-item[data-id="{annotation_id}"]')


# Every highlighted range, with the block or field it sits in, whichever way
# the widget highlights (Custom Highlight API or <mark> elements).
HIGHLIGHTS_JS = """() => {
  const where = (node) => {
    const el = node.nodeType === 3 ? node.parentElement : node;
    const block = el.closest('[data-block-id], [data-field]');
    return { block: block ? (block.dataset.blockId || block.dataset.field) : null,
             part: el.closest('.demo-caption') ? 'caption' : el.closest('.demo-credit') ? 'credit' : 'text' };
  };
  const out = [];
  if (document.querySelector('.fc-sidebar').dataset.fcHighlight === 'highlight-api') {
    for (const name of ['fc-error', 'fc-warning', 'fc-info']) {
      const h = CSS.highlights.get(name);
      if (!h) continue;
      for (const r of h) out.push({ name, text: r.toString(), ...where(r.startContainer),
                                    endBlock: where(r.endContainer).block });
    }
  } else {
    const byId = new Map();
    for (const m of document.querySelectorAll('mark.fc-mark')) {
      const key = m.dataset.fcId + '@' + where(m).block;
      const severity = [...m.classList].find(c => /^fc-mark-(error|warning|info)$/.test(c)).slice(8);
      if (!byId.has(key)) {
        byId.set(key, { name: 'fc-' + severity, text: '', ...where(m), endBlock: where(m).block });
      }
      byId.get(key).text += m.textContent;
    }
    out.push(...byId.values());
  }
  return out;
}"""


def highlights(page) -> list[dict]:
    return page.evaluate(HIGHLIGHTS_JS)


def highlighted(page, name: str) -> list[str]:
    """The text of each range in one of the widget's named Custom Highlights."""
    return page.evaluate("name => [...(CSS.highlights.get(name) || [])].map(r => r.toString())", name)


def wait_flashed(page, annotation_id: str, times: int = 1) -> None:
    page.wait_for_function("([id, n]) => Number(document.querySelector(`.fc-item[data-id='${id}']`)"
                           ".dataset.flashed) === n", arg=[annotation_id, times])

"""The sidebar in a real browser, against the app on loopback."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checks.model import TextUnit
from checks.registry import all_checks
from plugin.sidebar import DEMO_ARTICLE
from tests.e2e.conftest import (NOW_ISO, ROOT_DIR, checks_done, draft, highlighted, highlights, item, listed,
                                open_demo, wait_flashed, wait_for_checks)

SWITCHER = "• English • Arabic"
SEVERITY_ORDER = ["error", "warning", "info"]


def by_quote(result: dict, quote: str) -> dict:
    [ann] = [a for a in result["annotations"] if a["target"]["quote"] == quote]
    return ann


def furniture(result: dict) -> list[dict]:
    return [a for a in result["annotations"] if a["check"] == "page-furniture"]


def astral(text: str) -> bool:
    return any(ord(c) > 0xFFFF for c in text)


# -- findings listed ---------------------------------------------------------------

@pytest.mark.parametrize("server", ["shipped demo", "shared seed"], indirect=True)
def test_findings_are_listed_for_the_seed_grouped_by_severity_and_check(page, server):
    open_demo(page, server)
    expected = server.check(draft(page))
    shown = listed(page)
    assert sorted(f["id"] for f in shown) == sorted(a["id"] for a in expected["annotations"])
    assert by_quote(expected, SWITCHER)["id"] in [f["id"] for f in shown]
    by_id = {a["id"]: a for a in expected["annotations"]}
    nouns = {"paragraph": "paragraph", "heading": "subheading", "quote": "quote", "image": "photo"}
    blocks = draft(page)["blocks"]
    for finding in shown:
        ann = by_id[finding["id"]]
        assert (finding["group"], finding["checkGroup"], finding["message"]) == (
            ann["severity"], ann["check"], ann["message"])
        # Where it is, in an editor's words: "paragraph 1", "the caption of photo 2".
        block_id = ann["target"].get("block_id")
        if block_id is not None and "field" not in ann["target"]:
            [block] = [b for b in blocks if b["id"] == block_id]
            same = [b["id"] for b in blocks if b["type"] == block["type"]]
            label = f"{nouns[block['type']]} {same.index(block_id) + 1}"
            assert finding["where"].endswith(f" in the caption of {label}" if block["type"] == "image"
                                             else f" in {label}"), finding["where"]
    # Groups run error, warning, info; checks are grouped together inside them.
    groups = [f["group"] for f in shown]
    assert groups == sorted(groups, key=SEVERITY_ORDER.index)
    runs = [(f["group"], f["checkGroup"]) for f in shown]
    assert len(set(runs)) == len([r for i, r in enumerate(runs) if i == 0 or runs[i - 1] != r])
    status = page.inner_text(".fc-status")
    assert f"{expected['summary']['warning']} warning" in status


# -- highlights --------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["auto", "marks"])
def test_every_highlight_lands_exactly_on_its_quote(page, server, mode):
    open_demo(page, server, highlight=mode)
    expected_mode = "highlight-api" if mode == "auto" else "marks"
    assert page.get_attribute(".fc-sidebar", "data-fc-highlight") == expected_mode
    expected = server.check(draft(page))
    placed = highlights(page)
    assert len(placed) == len(expected["annotations"])
    for ann in expected["annotations"]:
        spot = {"name": f"fc-{ann['severity']}", "text": ann["target"]["quote"],
                "block": ann["target"].get("block_id") or ann["target"]["field"]}
        hits = [h for h in placed if {k: h[k] for k in spot} == spot and h["endBlock"] == spot["block"]]
        assert hits, (ann, placed)
        assert item(page, ann["id"]).get_attribute("data-anchor") == "exact"
    # The "Read more" line holds an emoji: its end offset only lands right if
    # code points were converted to UTF-16 indices (exact, not re-found).
    emoji = [a for a in furniture(expected) if astral(a["target"]["quote"])]
    assert emoji, "the demo article should flag a text with an astral character"
    assert all(item(page, a["id"]).get_attribute("data-anchor") == "exact" for a in emoji)


def test_without_the_highlight_api_it_falls_back_to_marks(page, server):
    page.add_init_script("delete window.Highlight;")
    open_demo(page, server)
    assert page.get_attribute(".fc-sidebar", "data-fc-highlight") == "marks"
    ann = by_quote(server.check(draft(page)), SWITCHER)
    marks = page.locator(f'mark.fc-mark[data-fc-id="{ann["id"]}"]')
    assert "".join(marks.all_text_contents()) == SWITCHER
    assert page.locator('[data-block-id="p-lang"] mark').count() == marks.count()


def test_a_repeated_caption_highlight_lands_on_exactly_the_caption(page, server):
    if "repeated-caption" not in {family.id for family in all_checks()}:
        pytest.skip("no repeated-caption check is registered yet (it is being written on its own branch)")
    open_demo(page, server)
    repeats = [a for a in server.check(draft(page))["annotations"] if a["check"] == "repeated-caption"]
    assert repeats, "the demo article repeats its captions"
    placed = highlights(page)
    for ann in repeats:
        block = ann["target"]["block_id"]
        caption = page.locator(f'[data-block-id="{block}"] .demo-caption').inner_text()
        assert page.locator(f'[data-block-id="{block}"]').get_attribute("data-type") == "image"
        assert ann["target"]["quote"] in caption
        spots = [h for h in placed if h["block"] == block and h["text"] == ann["target"]["quote"]]
        assert spots and all(h["part"] == "caption" and h["endBlock"] == block for h in spots), placed
        assert item(page, ann["id"]).get_attribute("data-anchor") == "exact"
    # "See also" shows the first copy: scrolled to and flashed, in its own block.
    first = next(a for a in repeats if a.get("related"))
    original = first["related"][0]
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    item(page, first["id"]).locator(".fc-related-link").first.click()
    assert highlighted(page, "fc-flash") == [original["quote"]]
    flashed_in = page.evaluate("""() => [...CSS.highlights.get('fc-flash')][0].startContainer.parentElement
        .closest('[data-block-id]').dataset.blockId""")
    assert flashed_in == original["block_id"]
    box = page.locator(f'[data-block-id="{original["block_id"]}"]').bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def test_offsets_convert_from_code_points_to_utf16(page, server):
    """The module's conversion against Python's own counting, over astral and combining text."""
    open_demo(page, server)
    samples = ["plain ascii", "😀 at the start", "two 👩🏽‍🚒 firefighters 🚒",
               "𠮷野家 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301 combining", "🇮🇶 flags 🇴🇲"]
    for text in samples:
        expected = [len(text[:i].encode("utf-16-le")) // 2 for i in range(len(text) + 1)]
        got = page.evaluate("""async ([text, n]) => {
            const m = await import('/static/factcheck-sidebar.js');
            return Array.from({length: n + 1}, (_, i) => m.codePointToUtf16(text, i)); }""",
                            [text, len(text)])
        assert got == expected, text
        back = page.evaluate("""async ([text, units]) => {
            const m = await import('/static/factcheck-sidebar.js');
            return units.map(u => m.utf16ToCodePoint(text, u)); }""", [text, expected])
        assert back == list(range(len(text) + 1)), text
    # A target the model builds after an emoji lands exactly in the browser.
    unit = TextUnit("paragraph", "Crowds 🎉 cheered 🇴🇲 as ministers arrived.", block_id="p")
    word = "ministers"
    start = unit.text.index(word)
    target = unit.span(start, start + len(word)).to_json()
    anchor = page.evaluate("""async ([text, target]) => {
        const m = await import('/static/factcheck-sidebar.js');
        const a = m.anchorTarget(text, target);
        return {...a, text: text.slice(a.start, a.end)}; }""", [unit.text, target])
    assert anchor["status"] == "exact" and anchor["text"] == word
    assert anchor["start"] == target["start"] + 3  # three astral characters before it


# -- re-anchoring and unplaceable highlights ---------------------------------------

def test_moved_text_is_found_again_by_its_quote_and_context(page, server):
    open_demo(page, server)
    ann = by_quote(server.check(draft(page)), SWITCHER)
    # The draft changes under the widget (say, a colleague's edit) with no re-check.
    page.evaluate("""() => {
        const p = document.querySelector('[data-block-id="p-lang"]');
        p.insertBefore(document.createTextNode('Editions: '), p.firstChild);
        window.factcheckSidebar.refreshHighlights(); }""")
    assert item(page, ann["id"]).get_attribute("data-anchor") == "moved"
    spots = [h for h in highlights(page) if h["block"] == "p-lang"]
    assert [h["text"] for h in spots] == [SWITCHER]
    assert item(page, ann["id"]).locator(".fc-unplaced").is_hidden()


def test_a_highlight_that_cannot_be_placed_says_so(page, server):
    open_demo(page, server)
    result = server.check(draft(page))
    switcher = by_quote(result, SWITCHER)
    other = [a for a in furniture(result) if a["id"] != switcher["id"]][0]
    page.evaluate("""([gone, changed]) => {
        document.querySelector(`[data-block-id="${gone}"]`).remove();
        document.querySelector(`[data-block-id="${changed}"]`).textContent = 'What the editor wrote instead.';
        window.factcheckSidebar.refreshHighlights(); }""",
                  [switcher["target"]["block_id"], other["target"]["block_id"]])
    gone, changed = item(page, switcher["id"]), item(page, other["id"])
    assert gone.get_attribute("data-anchor") == "missing"
    assert gone.locator(".fc-unplaced").is_visible()
    notice = gone.locator(".fc-unplaced").inner_text()
    assert f"(block {switcher['target']['block_id']}) is not on this page" in notice
    assert changed.get_attribute("data-anchor") == "missing"
    assert "text has changed" in changed.locator(".fc-unplaced").inner_text()
    assert changed.locator(".fc-apply").is_disabled()
    assert "2 could not be highlighted" in page.inner_text(".fc-status")
    quotes = (switcher["target"]["quote"], other["target"]["quote"])
    assert not [h for h in highlights(page) if h["text"] in quotes]


# -- jump, apply, dismiss ------------------------------------------------------------

def test_clicking_a_finding_scrolls_to_it_and_flashes_it(page, server):
    page.set_viewport_size({"width": 1280, "height": 600})
    open_demo(page, server)
    expected = server.check(draft(page))
    # The finding furthest down the page, out of view at first.
    last_block = page.evaluate("""ids => ids.map(id => [id, document.querySelector(`[data-block-id="${id}"]`)
        .getBoundingClientRect().top]).sort((a, b) => b[1] - a[1])[0][0]""",
                               [a["target"]["block_id"] for a in expected["annotations"]])
    ann = [a for a in expected["annotations"] if a["target"]["block_id"] == last_block][0]
    rect_js = f"""() => {{ const r = document.querySelector('[data-block-id="{last_block}"]')
                              .getBoundingClientRect();
                          return {{top: r.top, bottom: r.bottom, height: innerHeight}}; }}"""
    before = page.evaluate(rect_js)
    assert before["top"] > before["height"], "the finding should start out of view"
    item(page, ann["id"]).locator(".fc-main").click()
    wait_flashed(page, ann["id"])
    after = page.evaluate(rect_js)
    assert 0 <= after["top"] and after["bottom"] <= after["height"]
    assert highlighted(page, "fc-flash") == [ann["target"]["quote"]]
    assert highlighted(page, "fc-active") == [ann["target"]["quote"]]


@pytest.mark.parametrize("mode", ["auto", "marks"])
def test_apply_performs_the_suggestion_and_the_recheck_drops_the_finding(page, server, mode):
    open_demo(page, server, highlight=mode)
    before = server.check(draft(page))
    ann = by_quote(before, SWITCHER)
    assert ann["suggestion"]["action"] == "delete"
    shown_before = [f["id"] for f in listed(page)]
    done = checks_done(page)
    item(page, ann["id"]).locator(".fc-apply").click()
    wait_for_checks(page, done + 1)
    page.wait_for_selector(f'.fc-item[data-id="{ann["id"]}"]', state="detached")
    assert page.locator('[data-block-id="p-lang"]').count() == 0
    assert SWITCHER not in json.dumps(draft(page), ensure_ascii=False)
    after = server.check(draft(page))
    # The others stay, in their places.
    assert [f["id"] for f in listed(page)] == [i for i in shown_before if i != ann["id"]]
    assert sorted(a["id"] for a in after["annotations"]) == sorted(f["id"] for f in listed(page))


def test_a_dismissal_survives_a_page_reload(page, server):
    open_demo(page, server, user="Rana Haddad")
    ann = by_quote(server.check(draft(page)), SWITCHER)
    row = item(page, ann["id"])
    row.locator(".fc-dismiss").click()
    reason = row.locator(".fc-reason")
    assert reason.evaluate("el => el === document.activeElement")
    reason.fill("Kept for the bilingual edition")
    row.locator(".fc-confirm").click()
    row.wait_for(state="detached")

    page.reload()
    wait_for_checks(page, 1)
    assert ann["id"] not in [f["id"] for f in listed(page)]
    audit = page.evaluate("id => fetch(`/v1/articles/${id}/dismissals/audit`).then(r => r.json())",
                          draft(page)["id"])
    assert [(e["annotation_id"], e["action"], e["who"], e["reason"], e["at"]) for e in audit["audit"]] == [
        (ann["id"], "dismiss", "Rana Haddad", "Kept for the bilingual edition", NOW_ISO)]

    # Shown on request, marked, and the dismissal can be undone.
    done = checks_done(page)
    page.locator(".fc-show-dismissed").check()
    wait_for_checks(page, done + 1)
    row = item(page, ann["id"])
    assert row.get_attribute("data-dismissed") == "true"
    assert "dismissed" in row.inner_text()
    row.locator(".fc-undo").click()
    page.wait_for_function("id => !document.querySelector(`.fc-item[data-id='${id}']`).dataset.dismissed",
                           arg=ann["id"])
    page.reload()
    wait_for_checks(page, 1)
    assert ann["id"] in [f["id"] for f in listed(page)]


@pytest.mark.parametrize("mode", ["auto", "marks"])
def test_typing_elsewhere_keeps_ids_places_and_nodes(page, server, mode):
    open_demo(page, server, debounce=300, highlight=mode)
    before = listed(page)
    assert before
    # Tag every list node, and watch for any item being taken out during the re-check.
    page.evaluate("""() => {
        document.querySelectorAll('.fc-item').forEach(li => { li.__probe = li.dataset.id; });
        window.__removed = 0;
        new MutationObserver(records => records.forEach(r => r.removedNodes.forEach(n => {
            if (n.nodeType === 1 && n.matches('.fc-item')) window.__removed += 1; })))
          .observe(document.querySelector('.fc-groups'), {childList: true, subtree: true}); }""")
    flagged = {a["target"].get("block_id") for a in server.check(draft(page))["annotations"]}
    target = page.evaluate("""flagged => [...document.querySelectorAll('p[data-block-id]')]
        .map(p => p.dataset.blockId).filter(id => !flagged.includes(id))[2]""", sorted(flagged))
    done = checks_done(page)
    paragraph = page.locator(f'[data-block-id="{target}"]')
    paragraph.click()
    page.keyboard.press("End")
    page.keyboard.type(" Officials gave no further details.")
    wait_for_checks(page, done + 1)
    assert "Officials gave no further details." in page.locator(f'[data-block-id="{target}"]').inner_text()
    after = listed(page)
    assert [f["id"] for f in after] == [f["id"] for f in before]
    assert page.evaluate("() => [...document.querySelectorAll('.fc-item')]"
                         ".every(li => li.__probe === li.dataset.id)")
    assert page.evaluate("() => window.__removed") == 0
    assert checks_done(page) - done <= 2, "typing should be debounced into one or two checks"
    assert all(f["anchor"] == "exact" for f in after)


# -- accessibility and layout ------------------------------------------------------------

def test_keyboard_navigation_and_roles(page, server):
    open_demo(page, server)
    ids = [f["id"] for f in listed(page)]
    assert len(ids) >= 2
    assert page.get_attribute(".fc-status", "role") == "status"
    assert page.locator(".fc-sidebar").get_attribute("aria-labelledby")
    assert page.locator('.fc-list[role="list"]').count() >= 1
    assert page.locator(".fc-group h3").count() == page.locator(".fc-group").count()
    # One tab stop for the whole list (roving tabindex), on the first finding.
    tab_stops = page.evaluate("() => [...document.querySelectorAll('.fc-main')]"
                              ".filter(b => b.tabIndex === 0).length")
    assert tab_stops == 1
    page.locator(".fc-recheck").focus()
    page.keyboard.press("Tab")

    def focused():
        return page.evaluate("() => document.activeElement.closest('.fc-item')?.dataset.id")

    assert focused() == ids[0]
    page.keyboard.press("ArrowDown")
    assert focused() == ids[1]
    page.keyboard.press("End")
    assert focused() == ids[-1]
    page.keyboard.press("Home")
    assert focused() == ids[0]
    page.keyboard.press("Enter")
    wait_flashed(page, ids[0])
    assert focused() == ids[0], "jumping keeps focus in the list"
    # Dismiss opens a form; Escape closes it and gives focus back.
    page.keyboard.press("Tab")
    while page.evaluate("() => document.activeElement.className") != "fc-dismiss":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.className") == "fc-reason"
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.className") == "fc-dismiss"
    assert item(page, ids[0]).locator(".fc-dismiss-form").is_hidden()


CONTRAST_JS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const el of document.querySelectorAll('.fc-sidebar *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
    if (!own || !el.getClientRects().length) continue;
    const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    out.push({ text: el.textContent.trim().slice(0, 40), ratio });
  }
  return out;
}"""


def test_text_contrast_is_readable(page, server):
    open_demo(page, server)
    item(page, listed(page)[0]["id"]).locator(".fc-dismiss").click()  # the form's text too
    measured = page.evaluate(CONTRAST_JS)
    assert len(measured) > 10
    low = [m for m in measured if m["ratio"] < 4.5]
    assert low == [], low


def test_it_works_in_a_narrow_sidebar(page, server):
    open_demo(page, server)
    page.evaluate("() => { document.querySelector('#factcheck').style.width = '240px'; }")
    item(page, listed(page)[0]["id"]).locator(".fc-dismiss").click()
    overflow = page.evaluate("""() => {
        const edge = document.querySelector('#factcheck').getBoundingClientRect().right + 1;
        return [...document.querySelectorAll('.fc-sidebar, .fc-sidebar *')]
          .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible'
                        || el.getBoundingClientRect().right > edge)
          .map(el => el.className); }""")
    assert overflow == []
    assert page.evaluate("() => document.querySelector('.fc-sidebar').scrollWidth <= 240")


def test_the_demo_screenshot(page, server, tmp_path):
    """The picture in the README: the demo after its first check, one finding selected.

    Written to docs/ only with UPDATE_SCREENSHOT=1, so a test run leaves the
    work tree clean; otherwise the same picture goes to a temporary folder.
    """
    page.set_viewport_size({"width": 1280, "height": 860})
    open_demo(page, server)
    first = listed(page)[0]["id"]
    item(page, first).locator(".fc-main").click()
    page.mouse.move(640, 10)
    # A still picture: the selected finding's highlight, not the passing flash.
    page.evaluate("() => { CSS.highlights.get('fc-flash').clear(); window.scrollTo(0, 0);"
                  " document.activeElement.blur(); }")
    out = (ROOT_DIR / "docs" if os.environ.get("UPDATE_SCREENSHOT") else tmp_path) / "sidebar-demo.png"
    out.parent.mkdir(exist_ok=True)
    png = page.screenshot(path=str(out))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
    assert Path(out).read_bytes() == png
    assert DEMO_ARTICLE.exists()


@pytest.mark.parametrize("mode", ["auto", "marks"])
def test_typing_inside_a_highlight_keeps_the_caret_where_the_editor_is(page, server, mode):
    open_demo(page, server, debounce=200, highlight=mode)
    result = server.check(draft(page))
    ann = [a for a in furniture(result) if a["id"] != by_quote(result, SWITCHER)["id"]][0]
    block = page.locator(f'[data-block-id="{ann["target"]["block_id"]}"]')
    block.click()
    page.keyboard.press("End")
    done = checks_done(page)
    page.keyboard.type(" today")
    wait_for_checks(page, done + 1)
    # The highlighted text changed, so it is a new finding, placed exactly again.
    switcher_id = by_quote(result, SWITCHER)["id"]
    now_flagged = [f for f in listed(page) if f["check"] == "page-furniture" and f["id"] != switcher_id]
    assert len(now_flagged) == 1 and now_flagged[0]["id"] != ann["id"]
    assert now_flagged[0]["anchor"] == "exact"
    assert [h["text"] for h in highlights(page) if h["block"] == ann["target"]["block_id"]] == [
        ann["target"]["quote"] + " today"]
    # Typing carries on where it was, whatever the re-check did to the highlights.
    done = checks_done(page)
    page.keyboard.type(" and tomorrow")
    assert block.inner_text() == ann["target"]["quote"] + " today and tomorrow"
    wait_for_checks(page, done + 1)


def test_a_new_finding_joins_the_list_without_moving_the_others(page, server):
    open_demo(page, server, debounce=200)
    before = [f["id"] for f in listed(page)]
    page.evaluate("() => document.querySelectorAll('.fc-item')"
                  ".forEach(li => { li.__probe = li.dataset.id; })")
    flagged = {a["target"].get("block_id") for a in server.check(draft(page))["annotations"]}
    target = page.evaluate("""flagged => [...document.querySelectorAll('p[data-block-id]')]
        .map(p => p.dataset.blockId).filter(id => !flagged.includes(id))[1]""", sorted(flagged))
    paragraph = page.locator(f'[data-block-id="{target}"]')
    paragraph.click()
    page.keyboard.press("Control+A")  # inside a contenteditable: selects that block's text only
    done = checks_done(page)
    page.keyboard.type("Advertisement")
    wait_for_checks(page, done + 1)
    expected = server.check(draft(page))
    new = [a for a in expected["annotations"] if a["target"].get("block_id") == target]
    assert [a["rule"] for a in new] == ["advertisement"]
    after = [f["id"] for f in listed(page)]
    assert [i for i in after if i != new[0]["id"]] == before
    assert page.evaluate("() => [...document.querySelectorAll('.fc-item')]"
                         ".filter(li => li.__probe).every(li => li.__probe === li.dataset.id)")
    assert item(page, new[0]["id"]).get_attribute("data-anchor") == "exact"


def test_a_check_the_server_refuses_is_reported_with_its_pointers(page, server, page_errors):
    open_demo(page, server, debounce=200)
    before = [f["id"] for f in listed(page)]
    headline = page.locator('[data-field="headline"]')
    headline.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")  # an article needs a headline: the server answers 422
    page.wait_for_selector('.fc-sidebar[data-fc-state="error"]')
    alert = page.locator('.fc-alert[role="alert"]')
    assert alert.is_visible()
    assert "/article/headline" in alert.inner_text()
    assert [f["id"] for f in listed(page)] == before, "the last good findings stay listed"
    # The browser logs the refused request; that one is expected.
    refused = [e for e in page_errors if "422" in e]
    assert refused
    for error in refused:
        page_errors.remove(error)
    done = checks_done(page)
    page.keyboard.type("Gulf ministers meet in Muscat")
    wait_for_checks(page, done + 1)
    assert alert.is_hidden()


def test_the_default_apply_replaces_inserts_and_deletes_with_undo(page, server):
    open_demo(page, server)
    text = "Crowds 🎉 cheered the ministers."
    cases = [("replace", "cheered", "greeted"), ("insert", "Crowds 🎉", " outside"),
             ("delete", " the ministers", "")]
    for action, quote, replacement in cases:
        expected = {"replace": text.replace(quote, replacement),
                    "insert": text.replace(quote, quote + replacement),
                    "delete": text.replace(quote, "")}[action]
        got = page.evaluate("""async ([text, action, quote, replacement]) => {
            const m = await import('/static/factcheck-sidebar.js');
            const p = document.createElement('p');
            p.contentEditable = 'true';
            p.textContent = text;
            document.body.append(p);
            const start = m.elementText(p).indexOf(quote);
            const inputs = [];
            p.addEventListener('input', e => inputs.push(e.inputType));
            const range = m.rangeFor(p, start, start + quote.length);
            const done = m.applyToElement({element: p, range, action, text: replacement});
            const after = m.elementText(p);
            document.execCommand('undo');
            const undone = m.elementText(p);
            p.remove();
            return {done, after, undone, inputs: inputs.length};
        }""", [text, action, quote, replacement])
        assert (got["done"], got["after"], got["undone"]) == (True, expected, text), action
        assert got["inputs"] >= 1, "the CMS must see an input event"

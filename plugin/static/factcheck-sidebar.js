// factcheck editor sidebar: a dependency-free ES module.
//
//   import { FactcheckSidebar } from "https://factcheck.example/static/factcheck-sidebar.js";
//   const sidebar = new FactcheckSidebar({
//     container: document.querySelector("#factcheck"),   // where the panel goes
//     apiBase: "https://factcheck.example",               // the factcheck server
//     getArticle: () => cms.articleAsGenericJson(),       // the draft, generic article JSON (may return a Promise)
//     getBlockElement: (blockId, field) => element,       // the element whose text a target counts in
//     applySuggestion: (change) => true,                  // optional: perform a fix in the draft
//     user: "A. Editor",                                  // recorded with dismissals
//     watch: document.querySelector("#editor"),           // optional: re-check on its input events
//   });
//   sidebar.start();
//
// Findings point at a block (or metadata field) and carry code-point offsets
// plus the quoted text with 32 characters of context on each side. JavaScript
// strings count UTF-16 code units, so offsets are converted before use, and
// when the text at the offsets is no longer the quote (the draft moved on since
// the check) the quote is searched for again using its context. A finding that
// cannot be placed says so in the list rather than highlighting nothing.
// See docs/sidebar.md.

const SEVERITIES = ["error", "warning", "info"];
const GROUP_LABELS = { error: "Errors", warning: "Warnings", info: "Notes" };
const ONE_LABEL = { error: "error", warning: "warning", info: "note" };
const FLASH_MS = 1600;

// -- offsets: code points <-> UTF-16 -------------------------------------------------

/** UTF-16 index of code-point offset `cp` in `text`, or -1 when the text is shorter. */
export function codePointToUtf16(text, cp) {
  if (cp < 0) return -1;
  let units = 0;
  let points = 0;
  while (points < cp) {
    if (units >= text.length) return -1;
    const code = text.charCodeAt(units);
    const next = units + 1 < text.length ? text.charCodeAt(units + 1) : 0;
    // A surrogate pair is one code point; a lone surrogate counts as one too.
    units += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    points += 1;
  }
  return units;
}

/** Code-point offset of UTF-16 index `units` in `text` (inside a pair: the pair's start). */
export function utf16ToCodePoint(text, units) {
  let i = 0;
  let points = 0;
  while (i < units && i < text.length) {
    const code = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    if (i + width > units) break;
    i += width;
    points += 1;
  }
  return points;
}

// -- anchoring -----------------------------------------------------------------------

function commonSuffix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * Find a target in `text` (the element's current text).
 * Returns {status: "exact"|"moved"|"missing", start, end} with UTF-16 indices.
 * "exact": the quote is still at its offsets; "moved": found again by its quote
 * and context; "missing": the quote is no longer in the text.
 */
export function anchorTarget(text, target) {
  const quote = target.quote || "";
  const start = codePointToUtf16(text, target.start);
  const end = codePointToUtf16(text, target.end);
  if (start >= 0 && end >= start && text.slice(start, end) === quote) {
    if (quote || (text.slice(0, start).endsWith(target.prefix || "") &&
                  text.slice(start).startsWith(target.suffix || ""))) {
      return { status: "exact", start, end };
    }
  }
  const prefix = target.prefix || "";
  const suffix = target.suffix || "";
  const expected = start >= 0 ? start : Math.min(text.length, target.start);
  let best = null;
  if (quote) {
    for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
      const score = commonSuffix(text.slice(Math.max(0, i - prefix.length), i), prefix) +
        commonPrefix(text.slice(i + quote.length, i + quote.length + suffix.length), suffix);
      const distance = Math.abs(i - expected);
      if (!best || score > best.score || (score === best.score && distance < best.distance)) {
        best = { score, distance, start: i, end: i + quote.length };
      }
    }
  } else if (prefix || suffix) {
    // An empty target (a point to insert at): find its context instead.
    for (let i = text.indexOf(prefix + suffix); i >= 0; i = text.indexOf(prefix + suffix, i + 1)) {
      const at = i + prefix.length;
      const distance = Math.abs(at - expected);
      if (!best || distance < best.distance) best = { score: 0, distance, start: at, end: at };
    }
  }
  if (!best) return { status: "missing", start: -1, end: -1 };
  return { status: "moved", start: best.start, end: best.end };
}

// -- DOM text ---------------------------------------------------------------------------

function textNodes(root) {
  const out = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node);
  return out;
}

/** The element's text as the widget sees it (non-breaking spaces read as spaces). */
export function elementText(element) {
  return textNodes(element).map((n) => n.data).join("").replace(/\u00a0/g, " ");
}

function boundary(nodes, index, preferNext) {
  let seen = 0;
  for (let i = 0; i < nodes.length; i += 1) {
    const len = nodes[i].data.length;
    if (index < seen + len || (index === seen + len && !(preferNext && i + 1 < nodes.length))) {
      return [nodes[i], index - seen];
    }
    seen += len;
  }
  return null;
}

/** A live Range over UTF-16 indices [start, end) of the element's text. */
export function rangeFor(element, start, end) {
  const doc = element.ownerDocument;
  const range = doc.createRange();
  const nodes = textNodes(element);
  if (!nodes.length) {
    range.selectNodeContents(element);
    range.collapse(true);
    return range;
  }
  const a = boundary(nodes, start, true);
  const b = boundary(nodes, end, false);
  if (!a || !b) return null;
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

/** UTF-16 offset of a DOM point within the element's text, or -1 when outside it. */
function offsetOf(element, node, offset) {
  if (!element.contains(node)) return -1;
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The default way to apply a suggestion: edit the element's text in place.
 * In a contenteditable element this goes through the editing commands, so the
 * browser's own undo works and the CMS sees ordinary input events.
 */
export function applyToElement(change) {
  const { element, range, action, text } = change;
  if (!element || !range) return false;
  const doc = element.ownerDocument;
  const editable = element.isContentEditable;
  const replacement = action === "delete" ? "" : text || "";
  if (action === "insert") range.collapse(false);
  if (editable && typeof doc.execCommand === "function") {
    const active = doc.activeElement;
    const selection = doc.getSelection();
    element.focus({ preventScroll: true });
    selection.removeAllRanges();
    selection.addRange(range);
    const done = range.collapsed && !replacement ? true
      : replacement ? doc.execCommand("insertText", false, replacement)
        : doc.execCommand("delete", false);
    selection.removeAllRanges();
    if (active && active !== doc.body && typeof active.focus === "function") active.focus({ preventScroll: true });
    if (done) return true;
  }
  range.deleteContents();
  if (replacement) range.insertNode(doc.createTextNode(replacement));
  element.normalize();
  element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" }));
  return true;
}

// -- the widget -----------------------------------------------------------------------

function el(doc, tag, attrs = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function humanise(checkId) {
  const words = checkId.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function excerpt(text, limit = 80) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const FIELD_LABELS = {
  headline: "the headline", standfirst: "the standfirst", slug: "the slug", dateline: "the dateline",
  published_at: "the publication date", updated_at: "the update time",
};
const BLOCK_NOUNS = { paragraph: "paragraph", heading: "subheading", quote: "quote", image: "photo" };
const PART_LABELS = { credit: "credit", alt: "alt text", attribution: "attribution" };

/** Where each block sits, for editors: block id -> "paragraph 3", "photo 2", ... */
function blockLabels(article) {
  const counts = {};
  const labels = new Map();
  for (const block of (article && article.blocks) || []) {
    const noun = BLOCK_NOUNS[block.type] || block.type;
    counts[noun] = (counts[noun] || 0) + 1;
    labels.set(block.id, `${noun} ${counts[noun]}`);
  }
  return labels;
}

let instances = 0;

export class FactcheckSidebar {
  constructor(options) {
    const o = { debounceMs: 700, user: "editor", highlight: "auto", stylesheet: true, ...options };
    if (!o.container) throw new TypeError("FactcheckSidebar: `container` is required");
    if (typeof o.getArticle !== "function") throw new TypeError("FactcheckSidebar: `getArticle` is required");
    if (typeof o.getBlockElement !== "function") {
      throw new TypeError("FactcheckSidebar: `getBlockElement` is required");
    }
    this.options = o;
    this.doc = o.container.ownerDocument;
    this.win = this.doc.defaultView;
    this.apiBase = (o.apiBase || "").replace(/\/+$/, "");
    this.uid = `fc${(instances += 1)}`;
    const highlightApi = typeof this.win.CSS !== "undefined" && this.win.CSS.highlights &&
      typeof this.win.Highlight === "function";
    this.mode = o.highlight === "marks" || !highlightApi ? "marks" : "highlight-api";
    this.prefix = o.highlightName || (instances === 1 ? "fc" : this.uid);
    this.showDismissed = false;
    this.result = null;
    this.articleId = null;
    this.labels = new Map(); // block id -> "paragraph 3", from the last draft checked
    this.items = new Map(); // annotation id -> {ann, node, anchor, range, element}
    this.order = []; // annotation ids in list order, for keeping places across re-checks
    this.checks = 0;
    this.sequence = 0;
    this.timer = null;
    this.inflight = null;
    this.current = null; // the id whose controls are in the tab order
    this.selected = null; // the id shown as active in the text (after a jump or focus)
    this.flashTimer = null;
    this._onInput = () => this.scheduleCheck();
    this._build();
  }

  // -- public API ----------------------------------------------------------------

  /** Render the panel, run the first check, and start watching for edits. */
  start() {
    if (this.options.watch) this.options.watch.addEventListener("input", this._onInput);
    return this.check();
  }

  /** Stop watching, cancel pending work, remove highlights and the panel. */
  destroy() {
    if (this.options.watch) this.options.watch.removeEventListener("input", this._onInput);
    clearTimeout(this.timer);
    if (this.inflight) this.inflight.abort();
    this._clearHighlights();
    this.root.remove();
  }

  /** Re-check after the editor pauses typing (debounced). */
  scheduleCheck() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.check();
    }, this.options.debounceMs);
    if (!this.inflight) this._setState("pending");
  }

  /** Check the draft now. Resolves with the result (null when superseded or failed). */
  async check() {
    clearTimeout(this.timer);
    this.timer = null;
    const seq = (this.sequence += 1);
    if (this.inflight) this.inflight.abort();
    const controller = new AbortController();
    this.inflight = controller;
    this._setState("checking");
    let article;
    try {
      article = await this.options.getArticle();
      const body = { article };
      const now = typeof this.options.now === "function" ? this.options.now() : this.options.now;
      if (now) body.now = now;
      if (this.options.checks) body.checks = this.options.checks;
      const query = this.showDismissed ? "?include_dismissed=true" : "";
      const response = await this._fetch(`/v1/check${query}`, {
        method: "POST", body: JSON.stringify(body), signal: controller.signal,
      });
      if (seq !== this.sequence) return null;
      this.articleId = article.id;
      this.labels = blockLabels(article);
      this.result = response;
      this._showAlert(null);
      this._render(response);
      this.checks += 1;
      this.root.dataset.fcChecks = String(this.checks);
      // Typing during the request leaves another check pending.
      this._setState(this.timer ? "pending" : "idle");
      this.root.dispatchEvent(new CustomEvent("factcheck:checked", { detail: response, bubbles: true }));
      return response;
    } catch (error) {
      if (seq !== this.sequence || error.name === "AbortError") return null;
      this._setState("error");
      this._showAlert(error, "The check did not run.");
      return null;
    } finally {
      if (this.inflight === controller) this.inflight = null;
    }
  }

  /** Re-place every highlight against the current text (no request). */
  refreshHighlights() {
    for (const item of this.items.values()) this._anchor(item);
    this._paint();
    this._updateStatus();
  }

  /** Scroll to a finding and flash it; false when it cannot be placed. */
  jumpTo(id) {
    const item = this.items.get(id);
    if (!item) return false;
    this._anchor(item);
    this._paint();
    this._updateStatus();
    this._select(id);
    if (!item.range) {
      if (item.element) item.element.scrollIntoView({ block: "center" });
      this._announce(`Cannot highlight this finding: ${this._unplacedReason(item)}`);
      return false;
    }
    this._scrollTo(item.range, item.element);
    this._flash(item);
    return true;
  }

  /**
   * Scroll to another place a finding concerns (its `related[index]`, e.g. the
   * first copy of a repeated caption) and flash it; false when it cannot be placed.
   */
  showRelated(id, index) {
    const item = this.items.get(id);
    const target = item && (item.ann.related || [])[index];
    if (!target) return false;
    const element = this._element(target);
    const anchor = element ? anchorTarget(elementText(element), target) : { status: "missing" };
    if (anchor.status === "missing") {
      if (element) element.scrollIntoView({ block: "center" });
      this._announce(element ? "Cannot highlight that place: its text has changed since the check."
        : `Cannot show that place: ${this._address(target)} is not on this page.`);
      return false;
    }
    const range = rangeFor(element, anchor.start, anchor.end);
    this._scrollTo(range, element);
    if (this.mode === "highlight-api") {
      this._flashRange(range);
    } else {
      // No marks there to flash: select the text instead, which every browser shows.
      const selection = this.doc.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return true;
  }

  _scrollTo(range, element) {
    const target = range.startContainer.parentElement || element;
    target.scrollIntoView({ block: "center", inline: "nearest" });
    const rect = range.getBoundingClientRect();
    const height = this.win.innerHeight;
    if (rect.top < 0 || rect.bottom > height) this.win.scrollBy(0, rect.top - height / 3);
  }

  // -- requests ------------------------------------------------------------------

  async _fetch(path, init) {
    const headers = { "Content-Type": "application/json", Accept: "application/json", ...this.options.headers };
    const doFetch = this.options.fetch || this.win.fetch.bind(this.win);
    const response = await doFetch(`${this.apiBase}${path}`, { ...init, headers });
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : null;
    if (!response.ok) {
      const error = new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
      error.problem = data;
      error.status = response.status;
      throw error;
    }
    return data;
  }

  _user() {
    const u = this.options.user;
    return (typeof u === "function" ? u() : u) || "editor";
  }

  _dismissalsPath() {
    return `/v1/articles/${encodeURIComponent(this.articleId)}/dismissals`;
  }

  async dismiss(id, reason) {
    const item = this.items.get(id);
    if (!item || !this.articleId) return false;
    const body = { annotation_id: id, who: this._user() };
    if (reason && reason.trim()) body.reason = reason.trim();
    try {
      await this._fetch(this._dismissalsPath(), { method: "POST", body: JSON.stringify(body) });
    } catch (error) {
      this._showAlert(error, "The dismissal was not saved.");
      return false;
    }
    // A check sent before the dismissal would bring the finding back: replace it.
    if (this.inflight) this.check();
    if (this.showDismissed) {
      item.ann = { ...item.ann, dismissed: true };
      this._fillItem(item);
    } else {
      this._removeItem(id, true);
    }
    this._paint();
    this._updateStatus();
    this._announce("Finding dismissed.");
    return true;
  }

  async undoDismissal(id) {
    const item = this.items.get(id);
    if (!item || !this.articleId) return false;
    try {
      await this._fetch(`${this._dismissalsPath()}/${encodeURIComponent(id)}`, {
        method: "DELETE", body: JSON.stringify({ who: this._user() }),
      });
    } catch (error) {
      this._showAlert(error, "The dismissal was not undone.");
      return false;
    }
    item.ann = { ...item.ann };
    delete item.ann.dismissed;
    this._fillItem(item);
    this._anchor(item);
    this._paint();
    this._updateStatus();
    this._announce("Dismissal undone.");
    return true;
  }

  async apply(id) {
    const item = this.items.get(id);
    if (!item || !item.ann.suggestion) return false;
    this._anchor(item);
    if (!item.range) {
      this._paint();
      this._fillItem(item);
      this._announce(`Cannot apply: ${this._unplacedReason(item)}`);
      return false;
    }
    const text = elementText(item.element);
    const change = {
      annotation: item.ann,
      action: item.ann.suggestion.action,
      text: item.ann.suggestion.text || "",
      blockId: item.ann.target.block_id ?? null,
      field: item.ann.target.field ?? null,
      element: item.element,
      range: item.range.cloneRange(),
      start: utf16ToCodePoint(text, item.anchor.start),
      end: utf16ToCodePoint(text, item.anchor.end),
      startUtf16: item.anchor.start,
      endUtf16: item.anchor.end,
    };
    const apply = this.options.applySuggestion || applyToElement;
    const done = await apply(change);
    if (!done) return false;
    this._announce("Suggestion applied; checking again.");
    await this.check();
    return true;
  }

  // -- building the panel ------------------------------------------------------------

  _build() {
    const d = this.doc;
    if (this.options.stylesheet && !d.querySelector("link[data-factcheck-sidebar]")) {
      const href = new URL("./factcheck-sidebar.css", import.meta.url).href;
      if (![...d.styleSheets].some((s) => s.href === href)) {
        d.head.append(el(d, "link", { rel: "stylesheet", href, "data-factcheck-sidebar": true }));
      }
    }
    const titleId = `${this.uid}-title`;
    this.status = el(d, "p", { class: "fc-status", role: "status", "aria-live": "polite" });
    this.live = el(d, "p", { class: "fc-visually-hidden", "aria-live": "polite" });
    this.alert = el(d, "div", { class: "fc-alert", role: "alert", hidden: true });
    this.toggle = el(d, "input", { type: "checkbox", class: "fc-show-dismissed" });
    this.recheck = el(d, "button", { type: "button", class: "fc-recheck", text: "Check again" });
    this.groups = el(d, "div", { class: "fc-groups" });
    this.empty = el(d, "p", { class: "fc-empty", hidden: true, text: "No findings. Nothing to fix here." });
    this.root = el(d, "section", { class: "fc-sidebar", "aria-labelledby": titleId, "data-fc-state": "idle",
      "data-fc-checks": "0", "data-fc-highlight": this.mode },
    el(d, "div", { class: "fc-head" },
      el(d, "h2", { class: "fc-title", id: titleId, text: "Fact-check" }),
      this.status,
      el(d, "div", { class: "fc-tools" },
        el(d, "label", { class: "fc-toggle" }, this.toggle, d.createTextNode(" Show dismissed")),
        this.recheck)),
    this.alert, this.live, this.empty, this.groups);
    this.options.container.append(this.root);
    this.recheck.addEventListener("click", () => this.check());
    this.toggle.addEventListener("change", () => {
      this.showDismissed = this.toggle.checked;
      this.check();
    });
    this.groups.addEventListener("keydown", (event) => this._onKey(event));
    this.groups.addEventListener("focusin", (event) => {
      const li = event.target.closest(".fc-item");
      if (li) this._select(li.dataset.id);
    });
  }

  _setState(state) {
    // data-fc-state: idle | pending (a debounced check is due) | checking | error.
    // No aria-busy: it would hide the list from a screen reader in the middle of it
    // on every keystroke's re-check, and the list is only ever patched, not rebuilt.
    this.root.dataset.fcState = state;
    if (state === "checking" && !this.result) this.status.textContent = "Checking…";
  }

  _announce(text) {
    // Clear first so the same message twice is still read out.
    this.live.textContent = "";
    this.win.setTimeout(() => { this.live.textContent = text; }, 30);
  }

  _showAlert(error, headline = "") {
    if (!error) {
      this.alert.hidden = true;
      this.alert.textContent = "";
      return;
    }
    const d = this.doc;
    this.alert.textContent = "";
    this.alert.append(el(d, "strong", { text: `${headline} ` }),
      d.createTextNode(error.problem && error.problem.title ? `${error.problem.title}.` : error.message));
    const problems = (error.problem && error.problem.errors) || [];
    if (problems.length) {
      const list = el(d, "ul");
      for (const p of problems) list.append(el(d, "li", { text: `${p.pointer || "(request)"}: ${p.message}` }));
      this.alert.append(list);
    }
    this.alert.hidden = false;
  }

  // -- rendering results (keyed by id: no flicker, kept places) ----------------------------

  _render(result) {
    const anns = result.annotations || [];
    const incoming = new Map(anns.map((a) => [a.id, a]));
    for (const id of [...this.items.keys()]) if (!incoming.has(id)) this._removeItem(id, false);

    // Kept findings keep their relative order; new ones go just after the kept
    // finding that precedes them in document order.
    const previous = new Map(this.order.map((id, i) => [id, i]));
    let anchorRank = -1;
    let sub = 0;
    const ranked = anns.map((a) => {
      if (previous.has(a.id)) {
        anchorRank = previous.get(a.id);
        sub = 0;
        return { a, rank: [anchorRank, 0] };
      }
      sub += 1;
      return { a, rank: [anchorRank, sub] };
    });
    ranked.sort((x, y) => x.rank[0] - y.rank[0] || x.rank[1] - y.rank[1]);

    for (const { a } of ranked) {
      let item = this.items.get(a.id);
      if (!item) {
        item = { ann: a, node: this._newItemNode(a), anchor: null, range: null, element: null };
        this.items.set(a.id, item);
      } else if (JSON.stringify(item.ann) !== JSON.stringify(a)) {
        item.ann = a;
      }
      this._anchor(item);
      this._fillItem(item);
    }
    this.order = ranked.map(({ a }) => a.id);
    this._place(ranked.map(({ a }) => a));
    if (this.selected && !this.items.has(this.selected)) this.selected = null;
    const first = this.groups.querySelector(".fc-item");
    this._setCurrent(this.current && this.items.has(this.current) ? this.current : first ? first.dataset.id : null);
    this._paint();
    this._updateStatus();
  }

  _group(severity, check) {
    const d = this.doc;
    let section = this.groups.querySelector(`:scope > .fc-group[data-severity="${severity}"]`);
    if (!section) {
      const id = `${this.uid}-${severity}`;
      section = el(d, "section", { class: `fc-group fc-sev-${severity}`, "data-severity": severity,
        "aria-labelledby": id },
      el(d, "h3", { id, class: "fc-group-title" },
        el(d, "span", { class: "fc-badge", text: GROUP_LABELS[severity] }),
        el(d, "span", { class: "fc-count" })));
      const after = SEVERITIES.slice(SEVERITIES.indexOf(severity) + 1);
      const next = after.map((s) => this.groups.querySelector(`:scope > .fc-group[data-severity="${s}"]`))
        .find(Boolean);
      this.groups.insertBefore(section, next || null);
    }
    let box = section.querySelector(`:scope > .fc-check[data-check="${CSS.escape(check)}"]`);
    if (!box) {
      const id = `${this.uid}-${severity}-${check}`;
      box = el(d, "div", { class: "fc-check", "data-check": check },
        el(d, "h4", { id, class: "fc-check-title", text: humanise(check) }),
        el(d, "ul", { class: "fc-list", role: "list", "aria-labelledby": id }));
      const later = [...section.querySelectorAll(":scope > .fc-check")].find((b) => b.dataset.check > check);
      section.insertBefore(box, later || null);
    }
    return box.querySelector(":scope > .fc-list");
  }

  _place(anns) {
    const byList = new Map();
    for (const a of anns) {
      const list = this._group(a.severity, a.check);
      if (!byList.has(list)) byList.set(list, []);
      byList.get(list).push(this.items.get(a.id).node);
    }
    for (const [list, nodes] of byList) {
      // Move only what is out of place, so unchanged items keep their nodes (and focus).
      let cursor = list.firstElementChild;
      for (const node of nodes) {
        if (node === cursor) {
          cursor = cursor.nextElementSibling;
        } else {
          list.insertBefore(node, cursor);
        }
      }
    }
    this._prune();
  }

  _prune() {
    for (const box of [...this.groups.querySelectorAll(".fc-check")]) {
      if (!box.querySelector(".fc-item")) box.remove();
    }
    for (const section of [...this.groups.querySelectorAll(".fc-group")]) {
      const count = section.querySelectorAll(".fc-item").length;
      if (!count) section.remove();
      else section.querySelector(".fc-count").textContent = String(count);
    }
  }

  _removeItem(id, moveFocus) {
    const item = this.items.get(id);
    if (!item) return;
    const all = this._itemNodes();
    const index = all.indexOf(item.node);
    const hadFocus = item.node.contains(this.doc.activeElement);
    item.node.remove();
    this.items.delete(id);
    if (this.selected === id) this.selected = null;
    this.order = this.order.filter((x) => x !== id);
    this._prune();
    if (this.current === id) {
      const rest = this._itemNodes();
      const next = rest[Math.min(index, rest.length - 1)];
      this._setCurrent(next ? next.dataset.id : null);
      if ((moveFocus || hadFocus) && next) next.querySelector(".fc-main").focus();
      else if ((moveFocus || hadFocus) && !next) this.recheck.focus();
    }
  }

  _newItemNode(a) {
    const d = this.doc;
    const id = `${this.uid}-${a.id}`;
    const main = el(d, "button", { type: "button", class: "fc-main", "aria-describedby": `${id}-where ${id}-note` },
      el(d, "span", { class: "fc-sev" }), el(d, "span", { class: "fc-message" }),
      el(d, "span", { class: "fc-flag", hidden: true, text: " (dismissed)" }));
    const where = el(d, "p", { class: "fc-where", id: `${id}-where` });
    const note = el(d, "p", { class: "fc-unplaced", id: `${id}-note`, hidden: true });
    const apply = el(d, "button", { type: "button", class: "fc-apply" });
    const dismiss = el(d, "button", { type: "button", class: "fc-dismiss", text: "Dismiss" });
    const undo = el(d, "button", { type: "button", class: "fc-undo", text: "Undo dismissal", hidden: true });
    const reasonId = `${id}-reason`;
    const reason = el(d, "input", { type: "text", id: reasonId, class: "fc-reason", maxlength: "2000",
      autocomplete: "off" });
    const form = el(d, "form", { class: "fc-dismiss-form", hidden: true },
      el(d, "label", { for: reasonId, text: "Reason (optional)" }), reason,
      el(d, "div", { class: "fc-form-actions" },
        el(d, "button", { type: "submit", class: "fc-confirm", text: "Dismiss finding" }),
        el(d, "button", { type: "button", class: "fc-cancel", text: "Cancel" })));
    const related = el(d, "p", { class: "fc-related", hidden: true });
    const li = el(d, "li", { class: "fc-item", "data-id": a.id },
      main, where, note, related, el(d, "div", { class: "fc-actions" }, apply, dismiss, undo), form);
    main.addEventListener("click", () => this.jumpTo(a.id));
    apply.addEventListener("click", () => this.apply(a.id));
    dismiss.addEventListener("click", () => {
      form.hidden = false;
      dismiss.setAttribute("aria-expanded", "true");
      reason.focus();
    });
    const close = () => {
      form.hidden = true;
      dismiss.setAttribute("aria-expanded", "false");
      dismiss.focus();
    };
    form.querySelector(".fc-cancel").addEventListener("click", close);
    form.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.dismiss(a.id, reason.value);
    });
    undo.addEventListener("click", () => this.undoDismissal(a.id));
    dismiss.setAttribute("aria-expanded", "false");
    return li;
  }

  _fillItem(item) {
    const { ann, node } = item;
    const set = (selector, text) => {
      const target = node.querySelector(selector);
      if (target.textContent !== text) target.textContent = text;
    };
    node.dataset.severity = ann.severity;
    node.dataset.check = ann.check;
    node.dataset.rule = ann.rule;
    set(".fc-sev", `${ONE_LABEL[ann.severity]}: `);
    set(".fc-message", ann.message);
    const quote = ann.target.quote ? `“${excerpt(ann.target.quote)}”` : "(a point in the text)";
    set(".fc-where", `${quote} in ${this._label(ann.target)}`);
    const dismissed = Boolean(ann.dismissed);
    node.classList.toggle("fc-is-dismissed", dismissed);
    if (dismissed) node.dataset.dismissed = "true";
    else delete node.dataset.dismissed;
    const apply = node.querySelector(".fc-apply");
    const s = ann.suggestion;
    apply.hidden = !s || dismissed;
    if (s) {
      const label = s.action === "delete" ? "Delete this text"
        : s.action === "insert" ? `Insert “${excerpt(s.text, 40)}”` : `Replace with “${excerpt(s.text, 40)}”`;
      if (apply.textContent !== label) apply.textContent = label;
      apply.disabled = !item.range;
    }
    node.querySelector(".fc-flag").hidden = !dismissed;
    node.querySelector(".fc-dismiss").hidden = dismissed;
    node.querySelector(".fc-undo").hidden = !dismissed;
    if (dismissed) node.querySelector(".fc-dismiss-form").hidden = true;
    this._fillRelated(item);
    const note = node.querySelector(".fc-unplaced");
    const status = dismissed ? "dismissed" : item.anchor ? item.anchor.status : "missing";
    node.dataset.anchor = status;
    const unplaced = !dismissed && !item.range;
    note.hidden = !unplaced;
    if (unplaced) set(".fc-unplaced", `⚠ Not highlighted: ${this._unplacedReason(item)}`);
  }

  _fillRelated(item) {
    const related = item.ann.related || [];
    const box = item.node.querySelector(".fc-related");
    const key = JSON.stringify(related);
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    box.textContent = "";
    box.hidden = related.length === 0;
    if (!related.length) return;
    box.append(this.doc.createTextNode("See also: "));
    related.forEach((target, index) => {
      const where = this._label(target);
      const button = el(this.doc, "button", { type: "button", class: "fc-related-link", text: where,
        "aria-label": `Show the related text in ${where}` });
      button.tabIndex = item.ann.id === this.current ? 0 : -1;
      button.addEventListener("click", () => this.showRelated(item.ann.id, index));
      if (index) box.append(this.doc.createTextNode(", "));
      box.append(button);
    });
  }

  /** A target's place in words: "the caption of photo 2", "paragraph 5", "the headline". */
  _label(target) {
    if (target.block_id === undefined || target.block_id === null) {
      const field = target.field || "";
      if (FIELD_LABELS[field]) return FIELD_LABELS[field];
      if (field.startsWith("alternative_headlines.")) return `the ${field.slice(22)} headline`;
      return field;
    }
    const where = this.labels.get(target.block_id) || `block ${target.block_id}`;
    if (target.field) return `the ${PART_LABELS[target.field] || target.field} of ${where}`;
    return where.startsWith("photo ") ? `the caption of ${where}` : where;
  }

  /** Like _label, with the block id an integrator can look for. */
  _address(target) {
    const label = this._label(target);
    return target.block_id && !label.includes(target.block_id) ? `${label} (block ${target.block_id})` : label;
  }

  _unplacedReason(item) {
    if (item.ann.dismissed) return "it is dismissed.";
    if (!item.element) return `${this._address(item.ann.target)} is not on this page.`;
    return "its text has changed since the check. Check again, or edit on.";
  }

  // -- anchoring and painting --------------------------------------------------------------

  _element(target) {
    try {
      return this.options.getBlockElement(target.block_id ?? null, target.field ?? null) || null;
    } catch (error) {
      return null; // a CMS callback that throws means: not on this page
    }
  }

  _anchor(item) {
    const t = item.ann.target;
    const element = this._element(t);
    item.element = element;
    if (!element || item.ann.dismissed) {
      item.anchor = element ? { status: "dismissed", start: -1, end: -1 } : { status: "missing", start: -1, end: -1 };
      item.range = null;
      if (item.node) this._fillItem(item);
      return;
    }
    const anchor = anchorTarget(elementText(element), t);
    item.anchor = anchor;
    item.range = anchor.status === "missing" ? null : rangeFor(element, anchor.start, anchor.end);
    if (item.node) this._fillItem(item);
  }

  _paint() {
    if (this.mode === "highlight-api") this._paintHighlights();
    else this._paintMarks();
  }

  _highlight(name, priority = 0) {
    const registry = this.win.CSS.highlights;
    const key = `${this.prefix}-${name}`;
    let h = registry.get(key);
    if (!h) {
      h = new this.win.Highlight();
      h.priority = priority;
      registry.set(key, h);
    }
    return h;
  }

  _paintHighlights() {
    const sets = Object.fromEntries(SEVERITIES.map((s) => [s, this._highlight(s)]));
    for (const h of Object.values(sets)) h.clear();
    for (const item of this.items.values()) {
      if (item.range && !item.ann.dismissed) sets[item.ann.severity].add(item.range);
    }
    const active = this._highlight("active", 5);
    active.clear();
    const selected = this.selected && this.items.get(this.selected);
    if (selected && selected.range && !selected.ann.dismissed) active.add(selected.range);
  }

  _clearHighlights() {
    if (this.mode === "highlight-api") {
      for (const name of [...SEVERITIES, "active", "flash"]) this.win.CSS.highlights.delete(`${this.prefix}-${name}`);
    } else {
      this._unwrapMarks();
    }
  }

  // Fallback: wrap each finding's text in <mark> elements. This touches the DOM,
  // so the caret is saved and restored around it, and marks are only rebuilt
  // when what they cover changes.
  _paintMarks() {
    const placed = [...this.items.values()].filter((item) => item.range && !item.ann.dismissed);
    const key = placed.map((i) => `${i.ann.id}:${i.anchor.start}:${i.anchor.end}:${i.ann.severity}`).sort().join("|");
    const marks = [...this.doc.querySelectorAll(`mark[data-fc-owner="${this.uid}"]`)];
    const stale = marks.some((m) => !m.textContent) || (placed.length > 0 && marks.length === 0);
    if (key !== this._marksKey || stale) {
      const caret = this._saveCaret();
      this._unwrapMarks();
      // Each wrap splits text nodes, so every range is rebuilt from its text offsets,
      // which marks never change.
      for (const item of placed) {
        const range = rangeFor(item.element, item.anchor.start, item.anchor.end);
        if (range) this._wrap(item, range);
      }
      for (const item of placed) item.range = rangeFor(item.element, item.anchor.start, item.anchor.end);
      this._marksKey = key;
      this._restoreCaret(caret);
    }
    for (const mark of this.doc.querySelectorAll(`mark[data-fc-owner="${this.uid}"]`)) {
      mark.classList.toggle("fc-mark-active", mark.dataset.fcId === this.selected);
    }
  }

  _wrap(item, range) {
    const nodes = textNodes(item.element).filter((n) => range.intersectsNode(n));
    for (const node of nodes) {
      let target = node;
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.data.length;
      if (to <= from) continue;
      if (to < target.data.length) target.splitText(to);
      if (from > 0) target = target.splitText(from);
      const mark = this.doc.createElement("mark");
      mark.className = `fc-mark fc-mark-${item.ann.severity}`;
      mark.dataset.fcId = item.ann.id;
      mark.dataset.fcOwner = this.uid;
      target.parentNode.insertBefore(mark, target);
      mark.append(target);
    }
  }

  _unwrapMarks() {
    const parents = new Set();
    for (const mark of [...this.doc.querySelectorAll(`mark[data-fc-owner="${this.uid}"]`)]) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parents.add(parent);
    }
    for (const parent of parents) parent.normalize();
    this._marksKey = null;
  }

  _saveCaret() {
    const selection = this.doc.getSelection();
    if (!selection || !selection.rangeCount) return null;
    const r = selection.getRangeAt(0);
    for (const item of this.items.values()) {
      const element = item.element;
      if (element && element.contains(r.startContainer) && element.contains(r.endContainer)) {
        return { element, start: offsetOf(element, r.startContainer, r.startOffset),
          end: offsetOf(element, r.endContainer, r.endOffset) };
      }
    }
    return null;
  }

  _restoreCaret(caret) {
    if (!caret) return;
    const range = rangeFor(caret.element, caret.start, caret.end);
    if (!range) return;
    const selection = this.doc.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  _flashRange(range) {
    clearTimeout(this.flashTimer);
    const flash = this._highlight("flash", 10);
    flash.clear();
    flash.add(range);
    this.flashTimer = this.win.setTimeout(() => flash.clear(), FLASH_MS);
  }

  _flash(item) {
    if (this.mode === "highlight-api") {
      this._flashRange(item.range);
    } else {
      clearTimeout(this.flashTimer);
      const marks = [...this.doc.querySelectorAll(`mark[data-fc-owner="${this.uid}"]`)]
        .filter((m) => m.dataset.fcId === item.ann.id);
      for (const m of this.doc.querySelectorAll(".fc-mark-flash")) m.classList.remove("fc-mark-flash");
      for (const m of marks) m.classList.add("fc-mark-flash");
      this.flashTimer = this.win.setTimeout(() => marks.forEach((m) => m.classList.remove("fc-mark-flash")), FLASH_MS);
    }
    item.node.dataset.flashed = String((Number(item.node.dataset.flashed) || 0) + 1);
  }

  // -- status and keyboard ---------------------------------------------------------------

  _updateStatus() {
    const counts = { error: 0, warning: 0, info: 0 };
    let unplaced = 0;
    let dismissed = 0;
    for (const item of this.items.values()) {
      if (item.ann.dismissed) {
        dismissed += 1;
        continue;
      }
      counts[item.ann.severity] += 1;
      if (!item.range) unplaced += 1;
    }
    const total = counts.error + counts.warning + counts.info;
    const parts = [plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.info, "note")];
    let text = total ? `${parts.join(", ")}.` : "No findings.";
    if (dismissed) text += ` ${dismissed} dismissed shown.`;
    if (unplaced) text += ` ${unplaced} could not be highlighted.`;
    if (this.status.textContent !== text) this.status.textContent = text;
    this.empty.hidden = this.items.size > 0;
  }

  _itemNodes() {
    return [...this.groups.querySelectorAll(".fc-item")];
  }

  // Roving tab stop: only the current finding's controls are in the tab order;
  // the arrow keys move between findings.
  _setCurrent(id) {
    this.current = id;
    for (const node of this._itemNodes()) {
      const on = node.dataset.id === id;
      node.classList.toggle("fc-current", on);
      for (const control of node.querySelectorAll("button, input")) control.tabIndex = on ? 0 : -1;
    }
  }

  // The finding the editor is looking at: current in the list and active in the text.
  _select(id) {
    if (this.current !== id) this._setCurrent(id);
    if (this.selected === id) return;
    this.selected = id;
    this._paint();
  }

  _onKey(event) {
    if (event.target.closest(".fc-dismiss-form")) return;
    const nodes = this._itemNodes();
    if (!nodes.length) return;
    const li = event.target.closest(".fc-item");
    const index = li ? nodes.indexOf(li) : -1;
    let next = null;
    if (event.key === "ArrowDown" || event.key === "j") next = nodes[Math.min(nodes.length - 1, index + 1)];
    else if (event.key === "ArrowUp" || event.key === "k") next = nodes[Math.max(0, index - 1)];
    else if (event.key === "Home") next = nodes[0];
    else if (event.key === "End") next = nodes[nodes.length - 1];
    else return;
    event.preventDefault();
    next.querySelector(".fc-main").focus(); // focusin selects it
  }
}

export default FactcheckSidebar;

// The demo page's editor: one contenteditable element per block, built from
// the article embedded in the page, with the factcheck sidebar beside it.
// It is also a worked example of the three callbacks a CMS provides.
import { FactcheckSidebar, applyToElement } from "./factcheck-sidebar.js";

const original = JSON.parse(document.getElementById("demo-article").textContent);
const editor = document.getElementById("editor");
const params = new URLSearchParams(window.location.search);

function node(tag, attrs = {}, text = null) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text !== null) n.textContent = text;
  return n;
}

function editable(tag, attrs, text, label) {
  return node(tag, { ...attrs, contenteditable: "true", spellcheck: "false", "aria-label": label }, text);
}

function build(article) {
  editor.textContent = "";
  editor.append(editable("h1", { "data-field": "headline", class: "demo-headline" }, article.headline, "Headline"));
  const meta = [];
  if (article.byline && article.byline.length) meta.push(`By ${article.byline.join(", ")}`);
  if (article.dateline) meta.push(article.dateline);
  if (article.updated_at) meta.push(`Updated ${article.updated_at}`);
  editor.append(node("p", { class: "demo-meta" }, meta.join(" · ")));
  for (const block of article.blocks || []) {
    const common = { "data-block-id": block.id, "data-type": block.type };
    if (block.type === "image") {
      const figure = node("figure", { ...common, class: "demo-figure" });
      figure.append(node("div", { class: "demo-photo", role: "img", "aria-label": block.alt || "Photo" }));
      const caption = node("figcaption");
      caption.append(editable("span", { class: "demo-caption", "data-part": "caption" }, block.caption || "", "Caption"));
      caption.append(document.createTextNode(" "));
      caption.append(editable("span", { class: "demo-credit", "data-part": "credit" }, block.credit || "", "Credit"));
      figure.append(caption);
      editor.append(figure);
    } else if (block.type === "quote") {
      const quote = node("blockquote", { ...common, class: "demo-quote" });
      quote.append(editable("p", { class: "demo-text" }, block.text || "", "Quote"));
      quote.append(editable("cite", { class: "demo-attribution", "data-part": "attribution" },
        block.attribution || "", "Attribution"));
      editor.append(quote);
    } else if (block.type === "heading") {
      editor.append(editable("h2", { ...common, class: "demo-text" }, block.text || "", "Subheading"));
    } else if (block.type === "embed") {
      editor.append(node("div", { ...common, class: "demo-embed" }, block.text || "[embed]"));
    } else {
      editor.append(editable("p", { ...common, class: "demo-text" }, block.text || "", "Paragraph"));
    }
  }
}

const read = (element) => (element ? element.textContent.replace(/\u00a0/g, " ") : "");

// Callback 1: the draft as generic article JSON.
function readArticle() {
  const { blocks: _blocks, ...meta } = original;
  const article = { ...meta, headline: read(editor.querySelector('[data-field="headline"]')) };
  article.blocks = [...editor.querySelectorAll("[data-block-id]")].map((el) => {
    const id = el.dataset.blockId;
    const type = el.dataset.type;
    if (type === "image") {
      const out = { id, type, caption: read(el.querySelector(".demo-caption")) };
      const credit = read(el.querySelector(".demo-credit"));
      if (credit) out.credit = credit;
      const alt = el.querySelector(".demo-photo").getAttribute("aria-label");
      if (alt && alt !== "Photo") out.alt = alt;
      return out;
    }
    if (type === "quote") {
      const out = { id, type, text: read(el.querySelector(".demo-text")) };
      const attribution = read(el.querySelector(".demo-attribution"));
      if (attribution) out.attribution = attribution;
      return out;
    }
    return { id, type, text: read(el) };
  });
  return article;
}

// Callback 2: the element whose text a finding's offsets count in.
function getBlockElement(blockId, field) {
  if (blockId === null) return editor.querySelector(`[data-field="${CSS.escape(field)}"]`);
  const block = editor.querySelector(`[data-block-id="${CSS.escape(blockId)}"]`);
  if (!block) return null;
  if (block.dataset.type === "image") {
    if (!field) return block.querySelector(".demo-caption");
    return field === "credit" ? block.querySelector(".demo-credit") : null;
  }
  if (block.dataset.type === "quote") {
    if (!field) return block.querySelector(".demo-text");
    return field === "attribution" ? block.querySelector(".demo-attribution") : null;
  }
  return field ? null : block;
}

// Callback 3: perform a suggestion. Edit the text in place; a paragraph left
// empty by a deletion (page furniture, say) goes altogether.
function applySuggestion(change) {
  if (!applyToElement(change)) return false;
  const block = change.element.closest("[data-block-id]");
  if (change.action === "delete" && block && block.dataset.type !== "image" && !read(change.element).trim()) {
    block.remove();
  }
  return true;
}

// One block per paragraph in this simple editor: Enter does not split blocks.
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter") event.preventDefault();
});

build(original);

const sidebar = new FactcheckSidebar({
  container: document.getElementById("factcheck"),
  apiBase: "",
  getArticle: readArticle,
  getBlockElement,
  applySuggestion,
  user: params.get("user") || "Demo editor",
  watch: editor,
  now: params.get("now") || undefined,
  highlight: params.get("highlight") || "auto",
  debounceMs: Number(params.get("debounce")) || 700,
  stylesheet: false,
});

document.getElementById("demo-reset").addEventListener("click", () => {
  build(original);
  sidebar.check();
});

window.factcheckSidebar = sidebar;
window.factcheckDemo = { readArticle, getBlockElement };
sidebar.start();

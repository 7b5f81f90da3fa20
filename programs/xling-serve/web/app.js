// The xling search page. Its whole state is in the URL (?q=&lang=&since=&until=&sort=&page=&doc=),
// so a search can be shared and the back button steps through searches and documents. Document
// text reaches the page only through textContent: the API marks matches with U+E000 ... U+E001,
// and the page turns those markers into <mark> elements, never parsing text as HTML.
"use strict";

const PAGE_SIZE = 10;
const OPEN = "\uE000";
const CLOSE = "\uE001";
const FIELDS = ["q", "lang", "since", "until", "sort", "page", "doc"];

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

// Text with the API's match markers as a fragment of text nodes and <mark> elements.
function highlighted(text) {
  const fragment = document.createDocumentFragment();
  let inside = false;
  let current = "";
  const flush = () => {
    if (current === "") return;
    fragment.appendChild(inside ? element("mark", current) : document.createTextNode(current));
    current = "";
  };
  for (const ch of text) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      inside = ch === OPEN;
    } else {
      current += ch;
    }
  }
  flush();
  return fragment;
}

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const f of FIELDS) state[f] = params.get(f) || "";
  state.page = Math.max(1, parseInt(state.page, 10) || 1);
  return state;
}

function stateURL(state) {
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    const value = f === "page" ? (state.page > 1 ? String(state.page) : "") : state[f];
    if (value) params.set(f, value);
  }
  const query = params.toString();
  return location.pathname + (query ? "?" + query : "");
}

function go(state) {
  history.pushState(null, "", stateURL(state));
  render();
}

function show(view) {
  for (const id of ["intro", "results-view", "doc-view"]) $(id).hidden = id !== view;
}

function showError(message) {
  const box = $("error");
  box.hidden = !message;
  box.textContent = message || "";
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error("the service answered " + response.status + " without JSON");
  }
  if (!response.ok) {
    const error = new Error(body.error || "request failed (" + response.status + ")");
    error.position = body.position;
    throw error;
  }
  return body;
}

function fillControls(state) {
  $("q").value = state.q;
  $("lang").value = state.lang;
  $("since").value = state.since;
  $("until").value = state.until;
  $("sort").value = state.sort || "relevance";
  if (state.lang || state.since || state.until || (state.sort && state.sort !== "relevance")) $("options").open = true;
}

function controlsState() {
  return {
    q: $("q").value.trim(),
    lang: $("lang").value.trim(),
    since: $("since").value.trim(),
    until: $("until").value.trim(),
    sort: $("sort").value === "relevance" ? "" : $("sort").value,
    page: 1,
    doc: "",
  };
}

// ---- results -----------------------------------------------------------------------------------

function metaLine(item) {
  const parts = [item.lang, item.date || "undated"];
  if (item.author) parts.push("by " + item.author);
  if (item.source) parts.push(item.source);
  return parts.join(" · ");
}

function docLink(state, id) {
  const link = element("a", null);
  link.href = stateURL({ ...state, doc: id });
  link.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;  // a new tab gets the URL
    event.preventDefault();
    go({ ...state, doc: id });
  });
  return link;
}

function matchedLine(hit) {
  const line = element("p", null, "matched");
  line.appendChild(element("span", "matched: ", "label"));
  const parts = [];
  for (const m of hit.matched || []) {
    let text = "“" + m.query + "” → " + (m.forms.length ? m.forms.join(", ") : "(none)");
    if (m.entity) text += " [" + m.entity + "]";
    for (const t of m.translations || []) text += " [translation " + t.lang + " “" + t.translation + "”: " + t.forms.join(", ") + "]";
    parts.push(text);
  }
  line.appendChild(document.createTextNode(parts.join("; ") || "(no forms)"));
  return line;
}

function renderHits(state, results) {
  const list = $("hits");
  list.replaceChildren();
  list.start = (state.page - 1) * PAGE_SIZE + 1;
  for (const hit of results.hits) {
    const item = element("li", null, "hit");
    item.lang = hit.lang === "und" ? "" : hit.lang;
    const title = element("h2", null);
    const link = docLink(state, hit.id);
    link.textContent = hit.title || hit.id;
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(element("p", metaLine(hit), "meta"));
    const snippet = element("p", null, "snippet");
    snippet.appendChild(highlighted(hit.snippet || ""));
    item.appendChild(snippet);
    item.appendChild(matchedLine(hit));
    list.appendChild(item);
  }
  const total = results.total_exact ? String(results.total) : "about " + results.total;
  const first = results.hits.length ? list.start : 0;
  const last = first ? first + results.hits.length - 1 : 0;
  const suggestion = results.suggestion ? " — did you mean " + results.suggestion + "?" : "";
  $("status").textContent = (results.hits.length
    ? total + " matches — " + first + "–" + last + " shown"
    : "No document matches “" + state.q + "”" + (results.ignored.length ? " (ignored: " + results.ignored.join(", ") + ")" : "")) + suggestion;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = last >= results.total || results.hits.length < PAGE_SIZE;
  $("page-info").textContent = results.hits.length ? "page " + state.page : "";
  $("pager").hidden = results.total <= PAGE_SIZE && state.page === 1;
}

const FACET_TITLES = { lang: "Language", month: "Month", source: "Source" };

function facetAction(state, facet, value) {
  if (facet === "lang") {
    const langs = state.lang ? state.lang.split(",") : [];
    const next = langs.includes(value) ? langs.filter((l) => l !== value) : langs.concat([value]);
    return { ...state, lang: next.join(","), page: 1 };
  }
  if (facet === "month") {
    const same = state.since === value && state.until === value;
    return { ...state, since: same ? "" : value, until: same ? "" : value, page: 1 };
  }
  const filter = 'source:"' + value.replace(/"/g, "") + '"';
  const q = state.q.includes(filter) ? state.q.replace(filter, "").replace(/\s+/g, " ").trim() : state.q + " " + filter;
  return { ...state, q, page: 1 };
}

function facetActive(state, facet, value) {
  if (facet === "lang") return state.lang.split(",").includes(value);
  if (facet === "month") return state.since === value && state.until === value;
  return state.q.includes('source:"' + value.replace(/"/g, "") + '"');
}

function renderFacets(state, facets) {
  const box = $("facets");
  box.replaceChildren();
  for (const facet of ["lang", "month", "source"]) {
    const counts = (facets || {})[facet] || {};
    let entries = Object.entries(counts);
    if (!entries.length) continue;
    if (facet === "month") entries.sort((a, b) => b[0].localeCompare(a[0]));
    else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const group = element("section", null, "facet");
    group.dataset.facet = facet;
    group.appendChild(element("h2", FACET_TITLES[facet]));
    const list = element("ul", null);
    for (const [value, count] of entries.slice(0, 24)) {
      const button = element("button", null, "facet-value");
      button.type = "button";
      button.dataset.value = value;
      const active = facetActive(state, facet, value);
      button.setAttribute("aria-pressed", active ? "true" : "false");
      button.appendChild(element("span", value));
      button.appendChild(element("span", count, "count"));
      button.addEventListener("click", () => go(facetAction(state, facet, value)));
      const li = element("li", null);
      li.appendChild(button);
      list.appendChild(li);
    }
    group.appendChild(list);
    box.appendChild(group);
  }
}

function definition(list, term, text) {
  if (!text) return;
  list.appendChild(element("dt", term));
  list.appendChild(element("dd", text));
}

function renderExplain(results) {
  const body = $("explain-body");
  body.replaceChildren();
  const head = element("dl", null);
  definition(head, "translation", results.translation);
  const ql = results.query_language || {};
  definition(head, "query language", ql.code ? ql.code + " (" + ql.method + "; " + (ql.evidence || "") + ")" : ql.method);
  body.appendChild(head);
  for (const c of results.concepts || []) {
    const section = element("section", null, "concept");
    section.appendChild(element("h3", "“" + c.query + "”"));
    const list = element("dl", null);
    if (c.entities.length) {
      definition(list, c.entities.length > 1 ? "entities (ambiguous)" : "entity",
        c.entities.map((e, i) => e + " (" + (c.types[i] || "?") + ")").join(", "));
    }
    for (const [lang, names] of Object.entries(c.names || {})) definition(list, "names " + lang, names.join(" | "));
    for (const [lang, forms] of Object.entries(c.forms || {})) definition(list, "forms in index " + lang, forms.join(", "));
    const stems = Object.entries(c.stems || {}).map(([lang, stem]) => lang + ":" + stem);
    definition(list, "stems", stems.join("  "));
    definition(list, "name keys", (c.name_keys || []).join(", "));
    for (const [lang, forms] of Object.entries(c.accent_forms || {})) definition(list, "accents " + lang, forms.join(", "));
    definition(list, "not in the index (left out)", (c.absent || []).join(", "));
    definition(list, "notes", (c.notes || []).join("; "));
    definition(list, "stopword in", (c.stopword_in || []).join(", "));
    for (const [lang, translations] of Object.entries(c.translations || {})) {
      definition(list, "translations " + lang, translations.map((t) =>
        t.text + " " + t.weight.toFixed(2) + (t.via !== "direct" ? " (" + t.via + ")" : "") + (t.phrase ? " [phrase]" : "")).join(" | "));
    }
    definition(list, "translation", c.translation_note);
    section.appendChild(list);
    body.appendChild(section);
  }
  body.appendChild(element("p", "Each hit below lists the forms that matched.", "hint"));
}

async function search(state) {
  const params = new URLSearchParams({ q: state.q, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, facets: 1, explain: 1 });
  for (const f of ["lang", "since", "until", "sort"]) if (state[f]) params.set(f, state[f]);
  $("status").textContent = "Searching…";
  let results;
  try {
    results = await api("/api/search?" + params.toString());
  } catch (error) {
    show("intro");
    $("status").textContent = "";
    showError(error.position !== undefined ? error.message + " — at “" + state.q.slice(error.position, error.position + 20) + "”" : error.message);
    return;
  }
  if (readState().q !== state.q) return;  // a newer search replaced this one
  show("results-view");
  renderHits(state, results);
  renderFacets(state, results.facets);
  renderExplain(results);
}

// ---- document view -----------------------------------------------------------------------------

async function showDocument(state) {
  const path = "/api/doc/" + encodeURIComponent(state.doc) + (state.q ? "?q=" + encodeURIComponent(state.q) : "");
  let doc;
  try {
    doc = await api(path);
  } catch (error) {
    show("intro");
    showError(error.message);
    return;
  }
  show("doc-view");
  $("status").textContent = "";
  $("doc-title").textContent = doc.title || doc.id;
  $("doc-meta").textContent = metaLine(doc) + " · " + doc.id;
  const link = $("doc-link");
  link.replaceChildren();
  if (doc.url && /^https?:\/\//i.test(doc.url)) {
    const a = element("a", doc.url);
    a.href = doc.url;
    a.rel = "noreferrer noopener";
    link.appendChild(a);
  } else if (doc.url) {
    link.textContent = doc.url;
  }
  const matched = (doc.matched || []).map((m) => "“" + m.query + "” → " + m.forms.join(", ")).join("; ");
  $("doc-matched").textContent = matched ? "matched: " + matched : "";
  const text = $("doc-text");
  text.replaceChildren(doc.highlighted ? highlighted(doc.highlighted_text) : document.createTextNode(doc.text));
  $("doc-title").focus();
}

async function showIntro() {
  show("intro");
  $("status").textContent = "";
  try {
    const stats = await api("/api/stats");
    const languages = stats.languages.join(", ");
    $("index-info").textContent = stats.documents + " documents indexed" + (languages ? " in " + languages : "") + ".";
  } catch (error) {
    $("index-info").textContent = "";
  }
}

function render() {
  const state = readState();
  fillControls(state);
  showError("");
  document.title = state.q ? state.q + " — xling search" : "xling search";
  if (state.doc) return showDocument(state);
  if (state.q) return search(state);
  return showIntro();
}

function start() {
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const state = controlsState();
    if (state.q) go(state);
  });
  $("clear-filters").addEventListener("click", () => go({ ...readState(), lang: "", since: "", until: "", sort: "", page: 1, doc: "" }));
  $("prev").addEventListener("click", () => go({ ...readState(), page: readState().page - 1 }));
  $("next").addEventListener("click", () => go({ ...readState(), page: readState().page + 1 }));
  $("back").addEventListener("click", () => {
    if (history.length > 1) history.back();
    else go({ ...readState(), doc: "" });
  });
  $("explain").addEventListener("toggle", () => document.body.classList.toggle("explaining", $("explain").open));
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      $("q").focus();
      $("q").select();
    }
  });
  $("doc-title").tabIndex = -1;
  window.addEventListener("popstate", render);
  render();
}

start();

// sitreps map page. Plain browser JavaScript, no build step, no network beyond this server.
//
// Safety rule for this file: text from the store (article text, names, evidence) only ever
// reaches the page through textContent / createTextNode / DOM nodes, never innerHTML or an
// HTML string handed to Leaflet, so a report containing markup renders as text.
"use strict";

(function () {
  const EVENT_TYPES = [
    ["Battles", "var(--battles)", "#c0392b"],
    ["Explosions/Remote violence", "var(--explosions)", "#e67e22"],
    ["Violence against civilians", "var(--vac)", "#8e44ad"],
    ["Protests", "var(--protests)", "#27ae60"],
    ["Riots", "var(--riots)", "#8d6e63"],
    ["Strategic developments", "var(--sd)", "#2471a3"],
  ];
  const TYPE_COLOR = Object.fromEntries(EVENT_TYPES.map(([t, , hex]) => [t, hex]));
  const PAGE_SIZE = 5000; // the API's largest page; more matching events are counted, not drawn
  const REGION_RADIUS_M = 45000; // a geo_precision 3 event is drawn as an area about an oblast's size
  const REGION_MIN_PX = 16; // ... but never smaller on screen than this, so it stays visible zoomed out
  const DAY_MS = 86400000;
  // Given to this page by the server (see sitreps/web/guard.py); every write sends it back.
  const CSRF_TOKEN = document.querySelector('meta[name="sitreps-csrf"]').content;
  // How each kind of contradiction is told: what sources disagree on, and how one value reads.
  const STANCE_PHRASES = {
    asserted: "reports it happened", confirmed: "confirms it", reported: "reports it", claimed: "claims it",
    alleged: "alleges it", unverified: "reports it, unverified", denied: "denies it",
  };
  const CONTRADICTION_FIELDS = {
    fatalities: { subject: "fatalities", phrase: (v) => fatalityPhrase(v) },
    date: { subject: "the date", phrase: (v) => String(v) },
    actor1: { subject: "who acted (actor 1)", phrase: (v, names) => actorDisplayName(v, names) },
    actor2: { subject: "who was targeted (actor 2)", phrase: (v, names) => actorDisplayName(v, names) },
    outcome: { subject: "the outcome", phrase: (v) => String(v) },
    stance: { subject: "whether it happened", phrase: (v) => STANCE_PHRASES[v] || String(v) },
  };

  const state = {
    token: null,
    events: [], // the loaded page of events matching the server-side filters
    total: 0,
    brush: null, // [fromDay, toDay] ISO strings, inclusive, or null
    selected: null,
    layers: new Map(), // event id -> Leaflet layer
  };

  // -- DOM helpers -------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    return node;
  }

  const $ = (id) => document.getElementById(id);

  function setStatus(text) {
    $("status").textContent = text;
  }

  // -- API ---------------------------------------------------------------------------------------

  async function api(path, write) {
    // write: { body, contentType } for a POST; the server refuses writes without the CSRF token.
    const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
    const init = { headers };
    if (write) {
      Object.assign(headers, { "X-CSRF-Token": CSRF_TOKEN, "Content-Type": write.contentType });
      Object.assign(init, { method: "POST", body: write.body });
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      $("token-box").hidden = false;
      throw new Error("this server needs an API token");
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  function readToken() {
    const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem("sitreps-token", decodeURIComponent(match[1]));
      history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    state.token = sessionStorage.getItem("sitreps-token");
  }

  // -- dates -------------------------------------------------------------------------------------

  const dayNumber = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS);
  const isoDay = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

  function dateLabel(date) {
    if (!date) return "date unknown";
    let text = date.start === date.end ? date.start : date.start + " – " + date.end;
    if (date.precision !== "day") text += " (" + date.precision + ")";
    if (date.inferred) text += ", inferred";
    return text;
  }

  function inBrush(event) {
    if (!state.brush) return true;
    if (!event.date) return false;
    return event.date.start <= state.brush[1] && event.date.end >= state.brush[0];
  }

  function visibleEvents() {
    return state.events.filter(inBrush);
  }

  // -- map ---------------------------------------------------------------------------------------

  let map = null;
  let eventLayer = null;

  function initMap() {
    map = L.map("map", { zoomSnap: 0.25, worldCopyJump: true, minZoom: 1 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
    map.setView([48, 31], 4);
    eventLayer = L.layerGroup().addTo(map);
    map.on("zoomend", resizeRegions);
    fetch("/static/vendor/world-atlas/countries-50m.json")
      .then((r) => r.json())
      .then((topo) => {
        const countries = topojson.feature(topo, topo.objects.countries);
        L.geoJSON(countries, {
          renderer: L.canvas(),
          interactive: false,
          style: { color: "#9aa5ad", weight: 0.7, fillColor: "#f7f5ef", fillOpacity: 1 },
        }).addTo(map);
        eventLayer.eachLayer((layer) => layer.bringToFront && layer.bringToFront());
      })
      .catch(() => setStatus("country outlines could not be loaded"));
  }

  function fatalitiesFigure(event) {
    const f = event.fatalities || {};
    return f.best ?? f.low ?? 0;
  }

  function markerTooltip(event) {
    const lines = [
      el("strong", {}, event.sub_event_type || event.event_type),
      el("div", {}, dateLabel(event.date)),
      el("div", {}, event.location ? event.location.name : ""),
    ];
    if (event.location && event.location.geo_precision === 3) lines.push(el("div", {}, "region only (geo precision 3)"));
    else if (event.location && event.location.geo_precision === 2) lines.push(el("div", {}, "near this place (geo precision 2)"));
    return el("div", {}, lines);
  }

  function eventLayerFor(event) {
    const loc = event.location;
    if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined) return null;
    const color = TYPE_COLOR[event.event_type] || "#555";
    const precision = loc.geo_precision || 1;
    const className = "event-marker precision-" + precision;
    let layer;
    if (precision === 3) {
      // Only the region is known: shade an area around its centre rather than pin a false spot.
      layer = L.circle([loc.lat, loc.lon], {
        radius: REGION_RADIUS_M, color, weight: 1.5, dashArray: "5 4", fillColor: color, fillOpacity: 0.15, className,
      });
    } else {
      const radius = Math.min(30, 5 + 2.5 * Math.sqrt(fatalitiesFigure(event)));
      layer = L.circleMarker([loc.lat, loc.lon], {
        radius, color: precision === 2 ? color : "#ffffff", weight: precision === 2 ? 2 : 1,
        dashArray: precision === 2 ? "3 3" : null, fillColor: color, fillOpacity: precision === 2 ? 0.45 : 0.85, className,
      });
    }
    if (precision === 3) layer.setRadius(regionRadius(loc.lat));
    layer.bindTooltip(markerTooltip(event));
    layer.on("click", () => selectEvent(event.id));
    return layer;
  }

  function regionRadius(lat) {
    // Ground metres per screen pixel at this zoom and latitude (Web Mercator, 256 px tiles).
    const metresPerPixel = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / Math.pow(2, map.getZoom() + 8);
    return Math.max(REGION_RADIUS_M, REGION_MIN_PX * metresPerPixel);
  }

  function resizeRegions() {
    eventLayer.eachLayer((layer) => {
      if (layer instanceof L.Circle) layer.setRadius(regionRadius(layer.getLatLng().lat));
    });
  }

  function drawMap(events) {
    eventLayer.clearLayers();
    state.layers.clear();
    for (const event of events) {
      const layer = eventLayerFor(event);
      if (!layer) continue;
      layer.addTo(eventLayer);
      state.layers.set(event.id, layer);
    }
    highlightSelected();
  }

  function fitToEvents() {
    const points = state.events.filter((e) => e.location && e.location.lat !== null && e.location.lat !== undefined);
    if (!points.length) return;
    const bounds = L.latLngBounds(points.map((e) => [e.location.lat, e.location.lon]));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 8 });
  }

  // -- timeline with brushing --------------------------------------------------------------------

  const timeline = { first: 0, days: 0, width: 0, height: 95, drag: null };

  function drawTimeline() {
    const svg = $("timeline");
    svg.replaceChildren();
    const dated = state.events.filter((e) => e.date);
    const width = svg.clientWidth || 600;
    timeline.width = width;
    if (!dated.length) {
      timeline.days = 0;
      return;
    }
    const starts = dated.map((e) => dayNumber(e.date.start));
    timeline.first = Math.min(...starts) - 1;
    timeline.days = Math.max(...starts) - timeline.first + 2;
    const counts = new Array(timeline.days).fill(0);
    for (const n of starts) counts[n - timeline.first] += 1;
    const peak = Math.max(...counts);
    const plotHeight = timeline.height - 16;
    const barWidth = width / timeline.days;
    counts.forEach((count, i) => {
      if (!count) return;
      const h = Math.max(2, (plotHeight * count) / peak);
      const day = isoDay(timeline.first + i);
      const inside = !state.brush || (day >= state.brush[0] && day <= state.brush[1]);
      const bar = svgEl("rect", {
        x: i * barWidth + 0.5, y: plotHeight - h, width: Math.max(1, barWidth - 1), height: h,
        class: inside ? "bar in" : "bar", "data-day": day, "data-count": count,
      });
      const title = svgEl("title");
      title.textContent = day + ": " + count + " event" + (count === 1 ? "" : "s");
      bar.appendChild(title);
      svg.appendChild(bar);
    });
    const ticks = Math.min(6, timeline.days);
    for (let t = 0; t < ticks; t++) {
      const i = Math.round(((timeline.days - 1) * t) / Math.max(1, ticks - 1));
      const label = svgEl("text", {
        x: Math.min(width - 60, i * barWidth), y: timeline.height - 3, class: "axis",
      });
      label.textContent = isoDay(timeline.first + i);
      svg.appendChild(label);
    }
    if (state.brush) {
      const a = dayNumber(state.brush[0]) - timeline.first;
      const b = dayNumber(state.brush[1]) - timeline.first + 1;
      svg.appendChild(svgEl("rect", { x: a * barWidth, y: 0, width: Math.max(2, (b - a) * barWidth), height: plotHeight, class: "brush" }));
    }
  }

  function dayAt(clientX) {
    const box = $("timeline").getBoundingClientRect();
    const i = Math.floor(((clientX - box.left) / box.width) * timeline.days);
    return timeline.first + Math.max(0, Math.min(timeline.days - 1, i));
  }

  function initBrush() {
    const svg = $("timeline");
    svg.addEventListener("pointerdown", (e) => {
      if (!timeline.days) return;
      timeline.drag = dayAt(e.clientX);
      svg.setPointerCapture(e.pointerId);
      setBrush([timeline.drag, timeline.drag], false);
    });
    svg.addEventListener("pointermove", (e) => {
      if (timeline.drag === null) return;
      const here = dayAt(e.clientX);
      setBrush([Math.min(timeline.drag, here), Math.max(timeline.drag, here)], false);
    });
    const finish = (e) => {
      if (timeline.drag === null) return;
      const here = dayAt(e.clientX);
      const range = [Math.min(timeline.drag, here), Math.max(timeline.drag, here)];
      timeline.drag = null;
      setBrush(range, true);
    };
    svg.addEventListener("pointerup", finish);
    svg.addEventListener("pointercancel", finish);
    $("brush-clear").addEventListener("click", () => setBrush(null, true));
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && state.brush) setBrush(null, true);
    });
  }

  function setBrush(range, redraw) {
    state.brush = range ? [isoDay(range[0]), isoDay(range[1])] : null;
    $("timeline-range").textContent = state.brush
      ? state.brush[0] === state.brush[1] ? state.brush[0] : state.brush[0] + " – " + state.brush[1]
      : "all dates";
    $("brush-clear").hidden = !state.brush;
    drawTimeline();
    if (redraw) renderVisible();
  }

  // -- list --------------------------------------------------------------------------------------

  function actorsLine(event) {
    const a1 = event.actor1 ? event.actor1.name : null;
    const a2 = event.actor2 ? event.actor2.name : null;
    if (a1 && a2) return a1 + " vs " + a2;
    return a1 || a2 || "actors unknown";
  }

  function drawList(events) {
    const list = $("event-list");
    list.replaceChildren();
    for (const event of events) {
      const deaths = fatalitiesFigure(event);
      const item = el("li", { "data-id": event.id, class: event.id === state.selected ? "selected" : null },
        el("button", { type: "button", onclick: () => selectEvent(event.id) },
          el("span", { class: "when" }, event.date ? event.date.start : "—"),
          el("span", { class: "type-dot", style: "background:" + (TYPE_COLOR[event.event_type] || "#555") }),
          el("strong", {}, event.sub_event_type || event.event_type),
          " · ", event.location ? event.location.name : "place unknown",
          el("div", { class: "meta" },
            actorsLine(event),
            " · " + event.sources + (event.sources === 1 ? " source" : " sources"),
            deaths ? " · " + deaths + " killed" : "",
            event.contradictions && event.contradictions.length ? " · disputed" : "")));
      list.appendChild(item);
    }
  }

  function renderVisible() {
    const events = visibleEvents();
    drawMap(events);
    drawList(events);
    let text = events.length + (events.length === 1 ? " event shown" : " events shown");
    if (state.brush) text += " in the selected dates";
    text += " (" + state.total + " match the filters";
    if (state.total > state.events.length) text += "; the first " + state.events.length + " are loaded";
    text += ")";
    setStatus(text);
    document.body.dataset.visibleEvents = String(events.length);
  }

  // -- event panel -------------------------------------------------------------------------------

  function highlightSelected() {
    for (const [id, layer] of state.layers) {
      const selected = id === state.selected;
      layer.setStyle({ weight: selected ? 4 : layer.options.dashArray ? 2 : 1 });
      if (selected && layer.bringToFront) layer.bringToFront();
    }
    for (const item of $("event-list").children) item.classList.toggle("selected", item.dataset.id === state.selected);
  }

  function claimantName(mention) {
    if (!mention.claimant) return mention.outlet || "the reporting outlet";
    if (mention.claimant.id === "reporter" || mention.claimant.id === "REPORTER") return mention.outlet || mention.claimant.name;
    return mention.claimant.name;
  }

  function whoClaims(claimant, mention) {
    if (mention && (!claimant || claimant.id === "reporter" || claimant.id === "REPORTER")) return claimantName(mention);
    return claimant ? claimant.name : "unattributed";
  }

  function fatalitiesTable(event, mentionsById) {
    const fused = event.fatalities || { estimates: [] };
    const estimates = fused.estimates || [];
    if (!estimates.length && fused.best === null && fused.low === null && fused.high === null) {
      return el("p", {}, "No fatality figures reported.");
    }
    // One row per distinct claim (who, figures, victims); the outlets that carry it are listed in it.
    const rows = new Map();
    for (const est of estimates) {
      const mention = mentionsById.get(est.mention_id);
      const who = whoClaims(est.claimant, mention);
      const key = JSON.stringify([who, est.best, est.low, est.high, est.victims]);
      if (!rows.has(key)) rows.set(key, { who, values: est, outlets: new Set() });
      if (mention && mention.outlet && mention.outlet !== who) rows.get(key).outlets.add(mention.outlet);
    }
    const show = (v) => (v === null || v === undefined ? "—" : String(v));
    const figures = (values) => ["best", "low", "high", "victims"].map((f) => el("td", {}, show(values[f])));
    return el("table", { class: "estimates" },
      el("thead", {}, el("tr", {}, ["Claimed by", "Best", "Low", "High", "Victims"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {},
        el("tr", { class: "fused" }, el("th", { scope: "row" }, "sitreps (fused)"), figures(fused)),
        [...rows.values()].map((row) =>
          el("tr", {},
            el("th", { scope: "row" }, row.who,
              row.outlets.size ? el("div", { class: "via" }, "via " + [...row.outlets].join(", ")) : null),
            figures(row.values)))));
  }

  function fatalityPhrase(v) {
    const victims = v.victims ? " " + v.victims : "";
    const { best, low, high } = v;
    if (best === 0 || (best === null && low === null && high === 0)) return v.victims ? "no" + victims + " killed" : "none";
    if (best !== null && best !== undefined) {
      const range = low !== null && high !== null && (low !== best || high !== best) ? " (" + low + "–" + high + ")" : "";
      return best + range + victims + " killed";
    }
    if (low !== null && high !== null) return low + "–" + high + victims + " killed";
    if (low !== null) return "at least " + low + victims + " killed";
    if (high !== null) return "up to " + high + victims + " killed";
    return "no figure";
  }

  function actorNames(event) {
    // Actor id -> display name, from every actor the event and its mentions name.
    const names = new Map();
    const add = (actor) => actor && actor.id && actor.name && !names.has(actor.id) && names.set(actor.id, actor.name);
    for (const holder of [event, ...event.mentions]) {
      [holder.actor1, holder.actor2, holder.claimant, ...(holder.assoc_actor_1 || []), ...(holder.assoc_actor_2 || [])].forEach(add);
    }
    for (const c of event.contradictions) c.values.forEach((v) => add(v.claimant));
    return names;
  }

  function actorDisplayName(id, names) {
    if (names.has(id)) return names.get(id);
    // Not named anywhere in the event: make the id readable rather than show it raw.
    const words = String(id).replace(/^unregistered:/, "").replace(/[-_]+/g, " ").toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function contradictionsBlock(event, mentionsById) {
    if (!event.contradictions || !event.contradictions.length) return null;
    const names = actorNames(event);
    return el("div", {},
      el("h3", {}, "Contradictions"),
      event.contradictions.map((c) => {
        const field = CONTRADICTION_FIELDS[c.field] || { subject: c.field.replace(/_/g, " "), phrase: (v) => String(v) };
        // "Who, who: what they say", one group per distinct statement, in the order first made.
        const groups = new Map();
        for (const v of c.values) {
          const phrase = field.phrase(v.value, names);
          if (!groups.has(phrase)) groups.set(phrase, new Set());
          groups.get(phrase).add(whoClaims(v.claimant, mentionsById.get(v.mention_id)));
        }
        const said = [...groups].map(([phrase, who]) => [...who].join(", ") + ": " + phrase);
        return el("div", { class: "contradiction", "data-field": c.field },
          el("strong", {}, "Sources disagree on " + field.subject + ": "), said.join(" · "));
      }));
  }

  function mentionCard(mention) {
    return el("div", { class: "mention", "data-mention": mention.id },
      el("div", {},
        el("span", { class: "outlet" }, mention.outlet || mention.article_source || "unknown outlet"),
        el("span", { class: "badge claimant", title: "who makes this claim" }, claimantName(mention)),
        el("span", { class: "badge stance-" + mention.stance, title: "how it is told" }, mention.stance),
        mention.article_published ? el("span", { class: "meta" }, " published " + mention.article_published) : null),
      mention.article_title ? el("div", { class: "meta" }, mention.article_title) : null,
      (mention.contexts || []).map((ctx) =>
        el("blockquote", {}, ctx.before, el("mark", { class: "evidence" }, ctx.text), ctx.after)),
      el("button", { type: "button", class: "link", onclick: () => showArticle(mention.article_id, mention.id) }, "read the whole article"),
      el("div", { class: "article-slot" }));
  }

  async function selectEvent(id) {
    state.selected = id;
    highlightSelected();
    const panel = $("event-panel");
    panel.hidden = false;
    $("hint").hidden = true;
    panel.replaceChildren(el("p", {}, "loading…"));
    let event;
    try {
      event = await api("/api/events/" + encodeURIComponent(id));
    } catch (err) {
      panel.replaceChildren(el("p", {}, "Could not load the event: " + err.message));
      return;
    }
    if (state.selected !== id) return;
    const mentionsById = new Map(event.mentions.map((m) => [m.id, m]));
    const loc = event.location;
    const precisionText = loc ? ["", "exact place", "near the place", "region only"][loc.geo_precision] : "";
    // el() flattens lists and drops nulls; replaceChildren would print them as text.
    panel.replaceChildren(el("div", {},
      el("h2", {}, event.sub_event_type || event.event_type),
      el("div", {},
        el("span", { class: "badge precision" }, event.event_type),
        loc ? el("span", { class: "badge precision" }, "geo precision " + loc.geo_precision + ": " + precisionText) : null,
        event.date ? el("span", { class: "badge precision" }, "date precision: " + event.date.precision) : null),
      el("dl", {},
        el("dt", {}, "When"), el("dd", {}, dateLabel(event.date)),
        el("dt", {}, "Where"), el("dd", {}, loc ? [loc.name, loc.admin1 && loc.admin1 !== loc.name ? ", " + loc.admin1 : "", loc.country_code ? " (" + loc.country_code + ")" : "", loc.toponym && loc.toponym !== loc.name ? " — written “" + loc.toponym + "”" : ""].join("") : "unknown"),
        el("dt", {}, "Actor 1"), el("dd", {}, event.actor1 ? event.actor1.name : "—", event.assoc_actor_1.length ? " with " + event.assoc_actor_1.map((a) => a.name).join(", ") : ""),
        el("dt", {}, "Actor 2"), el("dd", {}, event.actor2 ? event.actor2.name : "—", event.assoc_actor_2.length ? " with " + event.assoc_actor_2.map((a) => a.name).join(", ") : ""),
        el("dt", {}, "Sources"), el("dd", {title: "Independent: outlets that trace to an origin of their own (their own reporting, or a claimant no other of them quotes); never more than the outlets."}, event.sources + " outlet(s), " + event.independent_sources + " of them independent"),
        event.episode_id ? el("dt", {}, "Episode") : null, event.episode_id ? el("dd", {}, event.episode_id) : null,
        el("dt", {}, "Id"), el("dd", {}, event.id)),
      el("h3", {}, "Fatalities"),
      fatalitiesTable(event, mentionsById),
      contradictionsBlock(event, mentionsById),
      el("h3", {}, "Evidence (" + event.mentions.length + " mention" + (event.mentions.length === 1 ? "" : "s") + ")"),
      event.mentions.map(mentionCard)));
  }

  function highlightedText(text, spans) {
    // Merge overlapping spans, then alternate plain text and <mark> nodes.
    const sorted = spans.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
    const merged = [];
    for (const s of sorted) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ start: s.start, end: s.end });
    }
    const parts = [];
    let at = 0;
    for (const s of merged) {
      if (s.start > at) parts.push(text.slice(at, s.start));
      parts.push(el("mark", { class: "evidence" }, text.slice(s.start, s.end)));
      at = s.end;
    }
    parts.push(text.slice(at));
    return parts;
  }

  async function showArticle(articleId, mentionId) {
    const card = document.querySelector('.mention[data-mention="' + CSS.escape(mentionId) + '"] .article-slot');
    if (!card) return;
    card.replaceChildren(el("p", {}, "loading…"));
    try {
      const article = await api("/api/articles/" + encodeURIComponent(articleId));
      card.replaceChildren(el("div", {},
        el("div", { class: "meta" }, (article.title || "untitled") + " — " + (article.url || article.source)),
        el("div", { class: "article-view" }, highlightedText(article.text, article.spans)),
        article.removed.length
          ? el("details", { class: "removed" }, el("summary", {}, article.removed.length + " boilerplate block(s) removed"),
              el("ul", {}, article.removed.map((r) => el("li", {}, r))))
          : null));
    } catch (err) {
      card.replaceChildren(el("p", {}, "Could not load the article: " + err.message));
    }
  }

  // -- filters and loading -----------------------------------------------------------------------

  function filterQuery() {
    const form = new FormData($("filters"));
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    for (const [key, value] of form.entries()) {
      const text = String(value).trim();
      if (!text || (key === "min_sources" && text === "0")) continue;
      params.set(key, text);
    }
    return params.toString();
  }

  async function loadEvents(fit) {
    setStatus("loading events…");
    try {
      const page = await api("/api/events?" + filterQuery());
      state.events = page.events;
      state.total = page.total;
    } catch (err) {
      setStatus("Could not load events: " + err.message);
      return;
    }
    drawTimeline();
    renderVisible();
    if (fit) fitToEvents();
  }

  async function loadActors() {
    try {
      const stats = await api("/api/stats");
      const list = $("actor-names");
      list.replaceChildren(...Object.keys(stats.by_actor).slice(0, 300).map((name) => el("option", { value: name })));
    } catch (err) {
      /* the actor suggestions are a convenience; the filter works without them */
    }
  }

  async function submitReport(e) {
    e.preventDefault();
    const text = $("report-text").value;
    if (!text.trim()) return;
    // JSONL when every line is a JSON object; otherwise one plain-text report.
    const lines = text.split("\n").filter((line) => line.trim());
    const jsonl = lines.every((line) => line.trim().startsWith("{"));
    const result = $("report-result");
    result.textContent = "ingesting… (the first report also loads the language model)";
    try {
      const report = await api("/api/ingest", { body: text, contentType: jsonl ? "application/x-ndjson" : "text/plain" });
      const rejected = report.rejected.map((r) => r.source + ": " + r.reason).join("; ");
      result.textContent = report.new + " new article(s), " + report.duplicate + " duplicate(s), " + report.events
        + " event(s) touched" + (rejected ? "; rejected " + rejected : "");
      if (report.new) $("report-text").value = "";
      loadActors();
      loadEvents(false);
    } catch (err) {
      result.textContent = "Not stored: " + err.message;
    }
  }

  function initControls() {
    const select = $("f-type");
    for (const [type] of EVENT_TYPES) select.appendChild(el("option", { value: type }, type));
    $("legend").replaceChildren(
      ...EVENT_TYPES.map(([type, , hex]) => el("span", {}, el("span", { class: "swatch", style: "background:" + hex }), type)),
      el("span", {}, el("span", { class: "swatch area" }), "region only (area)"),
      el("span", {}, "circle size: fatalities"));
    $("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      loadEvents(true);
    });
    select.addEventListener("change", () => loadEvents(false));
    $("f-reset").addEventListener("click", () => {
      $("filters").reset();
      setBrush(null, false);
      loadEvents(true);
    });
    $("token-save").addEventListener("click", () => {
      sessionStorage.setItem("sitreps-token", $("token-input").value);
      state.token = $("token-input").value;
      $("token-box").hidden = true;
      loadActors();
      loadEvents(true);
    });
    $("report-form").addEventListener("submit", submitReport);
    window.addEventListener("resize", () => drawTimeline());
  }

  readToken();
  initControls();
  initMap();
  initBrush();
  loadActors();
  loadEvents(true);
})();

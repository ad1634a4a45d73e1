// The coach's dashboard, a Telegram Mini App. Plain JavaScript, no build step.
// Every request carries Telegram's signed launch data (initData) in the Authorization header;
// every text from the server goes into the page through textContent, never as HTML.
// The page's own words come in the coach's language with /api/me ("words"): the HTML names
// them by data-text, data-label, data-placeholder and data-abbr, the script by t(key).
"use strict";

const LEVELS = ["emergency", "urgent", "critical", "high", "low"]; // most severe first
const PAIN_SERIES = [
  { kind: "session", colour: "#1f6fb2" },
  { kind: "before", colour: "#6b4fbb" },
  { kind: "morning", colour: "#b35c00" },
];
const WEEKDAY_MS = 24 * 3600 * 1000;

const state = {
  initData: "",
  words: {},
  me: null,
  members: [],
  sort: { key: "name", descending: false },
  member: null,
  chart: null,
};

// --- Telegram -------------------------------------------------------------------------------

function launchParams() {
  const fromHash = new URLSearchParams(location.hash.slice(1));
  const webApp = window.Telegram && window.Telegram.WebApp;
  let theme = {};
  try {
    theme = JSON.parse(fromHash.get("tgWebAppThemeParams") || "{}");
  } catch (_) {
    theme = {};
  }
  return {
    initData: (webApp && webApp.initData) || fromHash.get("tgWebAppData") || "",
    theme: webApp && webApp.themeParams && Object.keys(webApp.themeParams).length ? webApp.themeParams : theme,
  };
}

function applyTheme(theme) {
  const root = document.documentElement.style;
  for (const name of ["--link", "--danger", "--hint", "--button"]) root.removeProperty(name);
  for (const [name, colour] of Object.entries(theme || {})) {
    if (/^#[0-9a-f]{3,8}$/i.test(colour)) root.setProperty(`--tg-${name.replaceAll("_", "-")}`, colour);
  }
  keepReadable();
}

// Telegram's colours, nudged where a pair falls short of WCAG AA (4.5:1): Telegram's own light
// theme has links and buttons at 4.1:1. A colour moves towards black or white until it reads.
function hexRgb(colour) {
  const hex = colour.trim().replace(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/i, "#$1$1$2$2$3$3");
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return match ? match.slice(1).map((part) => parseInt(part, 16)) : null;
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

function readable(colour, against) {
  const [fg, bg] = [hexRgb(colour), hexRgb(against)];
  if (!fg || !bg) return colour;
  const target = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  let rgb = fg;
  for (let step = 1; contrast(rgb, bg) < 4.6 && step <= 20; step++) {
    rgb = fg.map((v, i) => Math.round(v + ((target[i] - v) * step) / 20));
  }
  return `#${rgb.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function keepReadable() {
  const root = document.documentElement;
  const read = (name) => getComputedStyle(root).getPropertyValue(name).trim();
  const [bg, section] = [read("--bg"), read("--section")];
  root.style.setProperty("--link", readable(read("--link"), bg));
  root.style.setProperty("--danger", readable(read("--danger"), bg));
  root.style.setProperty("--hint", readable(readable(read("--hint"), bg), section));
  root.style.setProperty("--button", readable(read("--button"), read("--button-text")));
}

function telegramLoaded() {
  const webApp = window.Telegram && window.Telegram.WebApp;
  if (!webApp) return;
  webApp.ready();
  webApp.expand();
  webApp.onEvent("themeChanged", () => applyTheme(webApp.themeParams));
  webApp.BackButton.onClick(() => show("members"));
}

function backButton(visible) {
  const webApp = window.Telegram && window.Telegram.WebApp;
  if (webApp && webApp.BackButton) visible ? webApp.BackButton.show() : webApp.BackButton.hide();
}

// --- words ----------------------------------------------------------------------------------

// A word of the page in the coach's language, its {placeholders} filled (values are data:
// they are never read for placeholders themselves). The key itself if the word is missing.
function t(key, values = {}) {
  const text = Object.hasOwn(state.words, key) ? state.words[key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

// Month and weekday names for the pain chart's axis, as uPlot takes them (weeks from Sunday).
function dateNames() {
  const list = (prefix, count) => Array.from({ length: count }, (_, i) => t(`${prefix}${i}`));
  const fromSunday = (names) => [names[6], ...names.slice(0, 6)];
  return {
    MMMM: list("month_full_", 12),
    MMM: list("month_", 12),
    WWWW: fromSunday(list("weekday_full_", 7)),
    WWW: fromSunday(list("weekday_", 7)),
  };
}

function applyWords(root) {
  for (const node of root.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  for (const node of root.querySelectorAll("[data-label]")) node.setAttribute("aria-label", t(node.dataset.label));
  for (const node of root.querySelectorAll("[data-placeholder]")) node.placeholder = t(node.dataset.placeholder);
  for (const node of root.querySelectorAll("[data-abbr]")) node.setAttribute("abbr", t(node.dataset.abbr));
}

// --- talking to the server ------------------------------------------------------------------

async function api(path, options = {}) {
  const headers = { Authorization: `tma ${state.initData}`, ...(options.headers || {}) };
  const response = await fetch(`api/${path}`, { ...options, headers });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const problem = Object.hasOwn(state.words, "went_wrong") ? t("went_wrong", { status: response.status }) : `Something went wrong (${response.status}).`;
    throw new Error(body.error || problem);
  }
  return response;
}

async function getJson(path) {
  return (await api(path)).json();
}

async function postJson(path, data) {
  const response = await api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(data),
  });
  return response.json();
}

function say(text, isError = false) {
  const status = byId("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

async function act(button, work) {
  button.disabled = true;
  try {
    await work();
  } catch (error) {
    say(error.message, true);
  } finally {
    button.disabled = button.dataset.done === "true"; // a finished one-off action stays off
  }
}

// --- small helpers --------------------------------------------------------------------------

function byId(id) {
  return document.getElementById(id);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function when(iso, zone, withTime = true) {
  if (!iso) return "";
  const options = { day: "numeric", month: "short", timeZone: zone };
  if (withTime) Object.assign(options, { hour: "2-digit", minute: "2-digit" });
  return new Intl.DateTimeFormat(state.me ? state.me.locale : undefined, options).format(new Date(iso));
}

function localDay(date, zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(date); // YYYY-MM-DD
}

function flagTags(counts) {
  const cell = element("span");
  for (const level of LEVELS) {
    if (counts[level]) cell.append(element("span", `tag level-${level}`, t("flag_count", { count: counts[level], level: t(`level_${level}`) })));
  }
  return cell;
}

function flagWeight(counts) {
  return LEVELS.reduce((total, level, rank) => total + (counts[level] || 0) * 10 ** (LEVELS.length - rank), 0);
}

function sparkline(scores) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("width", "60");
  svg.setAttribute("height", "20");
  svg.setAttribute("viewBox", "0 0 60 20");
  svg.setAttribute("aria-hidden", "true");
  if (scores.length > 1) {
    const line = document.createElementNS(ns, "polyline");
    const step = 58 / (scores.length - 1);
    line.setAttribute("points", scores.map((pain, i) => `${1 + i * step},${19 - pain * 1.8}`).join(" "));
    svg.append(line);
  }
  return svg;
}

// --- views ----------------------------------------------------------------------------------

const VIEWS = ["members", "member", "flags", "export"];

function show(view) {
  for (const name of VIEWS) byId(`${name}-view`).hidden = name !== view;
  for (const tab of ["members", "flags", "export"]) {
    byId(`tab-${tab}`).setAttribute("aria-pressed", String(tab === view || (tab === "members" && view === "member")));
  }
  backButton(view === "member");
  if (view === "flags") loadFlags();
  if (view === "members") loadMembers();
}

// members

const SORT_KEYS = {
  name: (m) => m.name.toLowerCase(),
  protocol: (m) => (m.protocol_title || "").toLowerCase(),
  week: (m) => (m.week.cap ? m.week.done / m.week.cap : -1),
  adherence: (m) => (m.adherence === null ? -1 : m.adherence),
  pain: (m) => (m.pain.last === null ? -1 : m.pain.last),
  flags: (m) => flagWeight(m.flags),
  contact: (m) => (m.days_since_contact === null ? Infinity : m.days_since_contact),
};

async function loadMembers() {
  try {
    const roster = await getJson("members");
    state.members = roster.members;
    renderMembers();
  } catch (error) {
    say(error.message, true);
  }
}

function visibleMembers() {
  const words = byId("filter").value.trim().toLowerCase();
  const attentionOnly = byId("attention-only").checked;
  const key = SORT_KEYS[state.sort.key];
  const shown = state.members.filter((m) => {
    if (attentionOnly && !m.attention.length) return false;
    const haystack = `${m.name} @${m.username || ""} ${m.protocol_title || ""}`.toLowerCase();
    return !words || haystack.includes(words);
  });
  shown.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    return state.sort.descending ? -order : order;
  });
  return shown;
}

function renderMembers() {
  const shown = visibleMembers();
  byId("members-shown").textContent = t("shown", { shown: shown.length, total: state.members.length });
  for (const th of document.querySelectorAll("#members-table th[data-sort]")) {
    const sorted = th.dataset.sort === state.sort.key;
    th.setAttribute("aria-sort", sorted ? (state.sort.descending ? "descending" : "ascending") : "none");
  }
  byId("members-table").tBodies[0].replaceChildren(...shown.map(memberRow));
}

function memberRow(m) {
  const row = element("tr", m.attention.length ? "attention" : "");
  row.dataset.memberId = String(m.id);
  const name = element("td");
  const link = element("a", "", m.name);
  link.href = "#";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    openMember(m.id);
  });
  name.append(link);
  if (m.paused) name.append(" ", element("span", "tag paused", t("paused")));
  if (m.attention.length) name.append(element("span", "why", m.attention.join(" ")));
  const pain = element("td", "", m.pain.last === null ? "–" : m.pain.last);
  pain.append(sparkline(m.pain.recent));
  const flags = element("td");
  flags.append(flagTags(m.flags));
  row.append(
    name,
    flags,
    pain,
    element("td", "", m.week.cap ? `${m.week.done} / ${m.week.cap}` : "–"),
    element("td", "", m.adherence === null ? "–" : t("percent", { value: m.adherence })),
    element("td", "", m.contact_words),
    element("td", "", m.protocol_title || t("not_set_up")),
  );
  return row;
}

// one member

async function openMember(memberId) {
  try {
    state.member = await getJson(`members/${memberId}`);
  } catch (error) {
    say(error.message, true);
    return;
  }
  say("");
  renderMember(state.member);
  show("member");
  byId("member-name").focus();
}

function renderMember(m) {
  byId("member-name").textContent = m.name;
  byId("member-name").tabIndex = -1;
  const schedule = m.schedule ? m.schedule.words : "";
  const parts = [m.username ? `@${m.username}` : "", m.protocol_title || t("not_set_up"), schedule, m.zone];
  if (m.paused) parts.push(t("reminders_paused"));
  if (m.blocked) parts.push(t("blocked"));
  byId("member-summary").textContent = parts.filter(Boolean).join(" · ");
  byId("member-flags").replaceChildren(...m.flags.map((flag) => flagItem(flag, false)));

  const choice = byId("protocol-choice");
  choice.replaceChildren(
    ...state.me.protocols.map((p) => {
      const option = element("option", "", p.title);
      option.value = p.name;
      option.selected = p.name === m.protocol;
      return option;
    }),
  );
  byId("pause-button").textContent = m.paused ? t("resume") : t("pause");
  renderPain(m);
  renderCalendar(m);
  renderSessions(m);
  renderThread(byId("notes"), m.notes, m.zone, t("no_notes"));
  renderThread(byId("thread"), m.thread, m.zone, t("no_messages"));
  renderFormChecks(m);
}

function renderPain(m) {
  const box = byId("pain-chart");
  if (state.chart) state.chart.destroy();
  state.chart = null;
  box.replaceChildren();
  const times = [...new Set(m.pain.map((p) => Date.parse(p.at) / 1000))].sort((a, b) => a - b);
  const present = PAIN_SERIES.filter((s) => m.pain.some((p) => p.kind === s.kind));
  const last = m.pain[m.pain.length - 1];
  byId("pain-caption").textContent = m.pain.length
    ? t("pain_caption", { scores: m.pain_scores, first: when(m.pain[0].at, m.zone, false), last: when(last.at, m.zone, false), pain: last.pain })
    : t("no_pain");
  if (!m.pain.length || !window.uPlot) return;
  const data = [times];
  for (const series of present) {
    const byTime = new Map(m.pain.filter((p) => p.kind === series.kind).map((p) => [Date.parse(p.at) / 1000, p.pain]));
    data.push(times.map((t) => (byTime.has(t) ? byTime.get(t) : null)));
  }
  const style = getComputedStyle(document.body);
  const axis = { stroke: style.color, grid: { stroke: "rgba(128,128,128,0.2)" } };
  state.chart = new uPlot(
    {
      width: Math.min(box.clientWidth || 360, 640),
      height: 200,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), m.zone),
      fmtDate: (template) => uPlot.fmtDate(template, dateNames()),
      scales: { y: { range: [0, 10] } },
      axes: [axis, { ...axis, splits: () => [0, 2, 4, 6, 8, 10] }],
      series: [
        { label: t("time") },
        ...present.map((s) => ({ label: t(`series_${s.kind}`), stroke: s.colour, width: 2, spanGaps: true, points: { size: 6 } })),
      ],
    },
    data,
    box,
  );
}

function renderCalendar(m) {
  const body = byId("calendar").tBodies[0];
  const counts = new Map();
  for (const s of m.sessions) {
    const day = localDay(new Date(s.finished_at || s.started_at), m.zone);
    const entry = counts.get(day) || { finished: 0, other: 0 };
    s.status === "finished" ? entry.finished++ : entry.other++;
    counts.set(day, entry);
  }
  const today = new Date();
  const todayKey = localDay(today, m.zone);
  const weekday = (new Date(`${todayKey}T12:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const firstDay = Date.parse(`${todayKey}T12:00:00Z`) - (weekday + 7 * 7) * WEEKDAY_MS;
  const rows = [];
  for (let week = 0; week < 8; week++) {
    const row = element("tr");
    for (let day = 0; day < 7; day++) {
      const date = new Date(firstDay + (week * 7 + day) * WEEKDAY_MS);
      const key = date.toISOString().slice(0, 10);
      const entry = counts.get(key);
      const cell = element("td", "", date.getUTCDate());
      if (entry) cell.className = entry.finished ? "finished" : "abandoned";
      if (key === todayKey) cell.classList.add("today");
      const words = entry ? t("day_sessions", { finished: entry.finished, other: entry.other }) : t("no_session");
      cell.append(element("span", "visually-hidden", `, ${words}`));
      if (key > todayKey) cell.textContent = "";
      row.append(cell);
    }
    rows.push(row);
  }
  body.replaceChildren(...rows);
}

function renderSessions(m) {
  const list = byId("sessions");
  const items = [...m.sessions].reverse().map((s) => {
    const item = element("li");
    const details = element("details");
    const flagged = s.steps.filter((step) => step.outcome === "skipped" || step.outcome === "too_hard");
    const status = t(s.status === "finished" ? "finished" : s.status === "abandoned" ? "not_finished" : "in_progress");
    const marks = flagged.length ? ` · ${t("skipped_or_too_hard", { count: flagged.length })}` : "";
    details.append(element("summary", "", `${when(s.started_at, m.zone)} · ${s.workout} · ${status}${marks}`));
    const steps = element("ol", "steps");
    for (const step of s.steps) {
      const words = t(step.outcome ? `step_${step.outcome}` : "step_not_reached");
      const exercise = step.exercise || t("step_number", { number: step.index + 1 });
      const line = element("li", step.outcome ? `step-${step.outcome}` : "", `${exercise}: ${words}`);
      if (step.position) line.title = step.position;
      steps.append(line);
    }
    details.append(steps);
    item.append(details);
    return item;
  });
  list.replaceChildren(...(items.length ? items : [element("li", "hint", t("no_sessions"))]));
}

const MEDIA_MARKS = {
  voice: "🎤",
  audio: "🎵",
  photo: "🖼",
  video: "🎥",
  video_note: "🎥",
  document: "📎",
  sticker: "",
  animation: "",
  other: "",
};

function threadText(entry) {
  const words = entry.text || "";
  const mark = MEDIA_MARKS[entry.kind];
  const media = mark === undefined ? "" : [mark, t(`kind_${entry.kind}`)].filter(Boolean).join(" ");
  const text = media ? (words ? `${media}: ${words}` : media) : words;
  return entry.edited ? t("edited", { text }) : text;
}

function renderThread(list, entries, zone, empty) {
  const items = entries.map((entry) => {
    const item = element("li", `from-${entry.from}`);
    const who = entry.from === "coach" ? entry.coach || t("coach") : t("member");
    item.append(element("span", "hint", `${who} · ${when(entry.at, zone)}`), element("br"));
    item.append(document.createTextNode(threadText(entry)));
    return item;
  });
  list.replaceChildren(...(items.length ? items : [element("li", "hint", empty)]));
}

function renderFormChecks(m) {
  const items = m.form_checks.map((check) => {
    const item = element("li");
    item.append(element("strong", "", check.exercise || t("form_check")), " ", element("span", "hint", when(check.at, m.zone)));
    if (check.reply) item.append(element("p", "", t("your_reply", { reply: check.reply })));
    const play = element("button", "", t("play_video"));
    play.type = "button";
    play.addEventListener("click", () => act(play, () => playVideo(item, play, check.video)));
    item.append(play);
    return item;
  });
  byId("form-checks").replaceChildren(...(items.length ? items : [element("li", "hint", t("no_form_checks"))]));
}

async function playVideo(item, button, url) {
  const blob = await (await api(url.replace(/^api\//, ""))).blob();
  const video = element("video");
  video.controls = true;
  video.src = URL.createObjectURL(blob);
  video.setAttribute("aria-label", t("video"));
  button.replaceWith(video);
  video.focus();
}

// flags

async function loadFlags() {
  try {
    const { flags } = await getJson("flags");
    byId("flags").replaceChildren(...(flags.length ? flags.map((f) => flagItem(f, true)) : [element("li", "hint", t("no_flags"))]));
    updateFlagCount(flags.length);
  } catch (error) {
    say(error.message, true);
  }
}

function updateFlagCount(count) {
  byId("flag-count").textContent = count ? `(${count})` : "";
}

function flagItem(flag, withMember) {
  const item = byId("flag-template").content.firstElementChild.cloneNode(true);
  item.dataset.flagId = String(flag.id);
  item.querySelector(".level").textContent = t(`level_${flag.level}`);
  item.querySelector(".level").className = `tag level level-${flag.level}`;
  item.querySelector(".flag-member").textContent = flag.member.name;
  item.querySelector(".flag-when").textContent = when(flag.raised_at, flag.member.zone);
  item.querySelector(".flag-reason").textContent = flag.reason;
  const ack = item.querySelector(".ack");
  ack.addEventListener("click", () =>
    act(ack, async () => {
      const answer = await postJson(`flags/${flag.id}/acknowledge`, {});
      ack.textContent = t("acknowledged");
      ack.dataset.done = "true";
      item.classList.add("done");
      say(t(answer.already ? "already_acknowledged" : "flag_acknowledged", { id: flag.id }));
    }),
  );
  const open = item.querySelector(".open");
  open.hidden = !withMember;
  open.addEventListener("click", () => openMember(flag.member.id));
  const form = item.querySelector(".reply-form");
  item.querySelector(".reply").addEventListener("click", () => {
    form.hidden = false;
    form.querySelector("textarea").focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const field = form.querySelector("textarea");
    act(form.querySelector("button"), async () => {
      await sendMessage(flag.member.id, field.value);
      field.value = "";
      form.hidden = true;
    });
  });
  return item;
}

async function sendMessage(memberId, text) {
  const answer = await postJson(`members/${memberId}/message`, { text });
  say(t(answer.delivered ? "sent_to" : "not_sent", { name: answer.name }), !answer.delivered);
}

// actions on the open member

function wireMemberActions() {
  byId("message-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const field = byId("message-text");
    act(event.submitter || byId("message-form").querySelector("button"), async () => {
      await sendMessage(state.member.id, field.value);
      field.value = "";
    });
  });
  byId("protocol-form").addEventListener("submit", (event) => {
    event.preventDefault();
    act(byId("protocol-form").querySelector("button"), async () => {
      const answer = await postJson(`members/${state.member.id}/protocol`, { protocol: byId("protocol-choice").value });
      say(t(answer.changed ? "now_on" : "already_on", { name: answer.name, title: answer.protocol_title }));
      await openMember(state.member.id);
    });
  });
  const pause = byId("pause-button");
  pause.addEventListener("click", () =>
    act(pause, async () => {
      const answer = await postJson(`members/${state.member.id}/pause`, { paused: !state.member.paused });
      say(t(answer.paused ? "now_paused" : "back_on", { name: answer.name }));
      await openMember(state.member.id);
    }),
  );
}

// export

function wireExport() {
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () =>
      act(button, async () => {
        const answer = await postJson("export", { format: button.dataset.export });
        say(t(answer.empty ? "nothing_to_export" : answer.sent ? "sent_to_chat" : "chat_not_reached"));
      }),
    );
  }
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () =>
      act(button, async () => {
        const response = await api(`export.${button.dataset.download}`);
        const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
        const link = element("a");
        link.href = URL.createObjectURL(await response.blob());
        link.download = name ? name[1] : "export";
        link.click();
      }),
    );
  }
}

// --- start ----------------------------------------------------------------------------------

async function start() {
  const launch = launchParams();
  state.initData = launch.initData;
  applyTheme(launch.theme);
  const sdk = byId("telegram-sdk");
  if (window.Telegram && window.Telegram.WebApp) telegramLoaded();
  else sdk.addEventListener("load", telegramLoaded);

  byId("tab-members").addEventListener("click", () => show("members"));
  byId("tab-flags").addEventListener("click", () => show("flags"));
  byId("tab-export").addEventListener("click", () => show("export"));
  byId("back").addEventListener("click", () => show("members"));
  byId("filter").addEventListener("input", renderMembers);
  byId("attention-only").addEventListener("change", renderMembers);
  for (const th of document.querySelectorAll("#members-table th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = { key, descending: state.sort.key === key ? !state.sort.descending : key !== "name" && key !== "protocol" };
      renderMembers();
    });
  }
  wireMemberActions();
  wireExport();

  if (!state.initData) {
    say("Open the dashboard from Telegram: the Dashboard button in your chat with the bot.", true);
    return;
  }
  try {
    state.me = await getJson("me");
  } catch (error) {
    say(error.message, true);
    return;
  }
  state.words = state.me.words;
  document.documentElement.lang = state.me.locale;
  applyWords(document);
  applyWords(byId("flag-template").content);
  await loadMembers();
  const { flags } = await getJson("flags").catch(() => ({ flags: [] }));
  updateFlagCount(flags.length);
}

start();

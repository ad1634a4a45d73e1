// The demo web chat: one pane per chat, kept live by Server-Sent Events from /api/events.
// Every text from the bot or a user goes into the page through textContent, never as HTML.
"use strict";

const ACTIONS = {
  typing: "typing…",
  upload_photo: "sending a photo…",
  upload_video: "sending a video…",
  upload_document: "sending a file…",
};
const ACTION_SHOWN_MS = 4000;
const TOAST_SHOWN_MS = 3000;
const LOCATION_WAIT_MS = 8000; // how long the browser may take to say where it is

const panes = new Map(); // chat id -> pane state
// The server refuses a POST without the token it rendered into this page (see web_guard.py).
const TOKEN = document.querySelector('meta[name="demo-token"]').content;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

async function api(path, options = {}) {
  const headers = { ...(options.headers || {}), "X-Demo-Token": TOKEN };
  const response = await fetch(path, { ...options, headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `request failed (${response.status})`);
  return body;
}

function postJson(path, data) {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(data),
  });
}

// panes

function createPane(chat) {
  const root = document.getElementById("pane-template").content.firstElementChild.cloneNode(true);
  root.dataset.role = chat.role;
  root.dataset.chatId = String(chat.chat_id);
  root.setAttribute("aria-label", `${chat.name} (${chat.role})`);
  root.querySelector(".pane-name").textContent = chat.name;
  root.querySelector(".pane-role").textContent = chat.role;
  const pane = {
    chatId: chat.chat_id,
    root,
    list: root.querySelector(".messages"),
    input: root.querySelector(".text"),
    status: root.querySelector(".pane-status"),
    toast: root.querySelector(".toast"),
    replying: root.querySelector(".replying"),
    announcer: root.querySelector(".announcer"),
    replyKeyboard: root.querySelector(".reply-keyboard"),
    picker: root.querySelector(".place-picker"),
    replyTo: null,
    stuck: true, // scrolled to the newest message, so new ones keep it in view
    scrolledTo: 0, // where keepNewestInView last put the list
    timers: {},
  };
  // Only the reader scrolling up stops the pane following the newest message: content that
  // grows after it was scrolled (an image, a font, an emoji) does not.
  pane.list.addEventListener("scroll", () => {
    const list = pane.list;
    if (list.scrollHeight - list.scrollTop - list.clientHeight < 40) pane.stuck = true;
    else if (list.scrollTop < pane.scrolledTo - 1) pane.stuck = false;
  });
  // Late layout (fonts, emoji, images, a narrow screen) must not leave the newest message
  // below the fold while the pane is following it.
  pane.resized = new ResizeObserver(() => keepNewestInView(pane));
  pane.resized.observe(pane.list);
  root.querySelector(".composer").addEventListener("submit", (event) => {
    event.preventDefault();
    sendText(pane);
  });
  root.querySelector(".file").addEventListener("change", (event) => sendFile(pane, event.target));
  root.querySelector(".replying-cancel").addEventListener("click", () => setReply(pane, null));
  pane.picker.addEventListener("submit", (event) => {
    event.preventDefault();
    const [latitude, longitude] = pane.picker.querySelector(".place").value.split(",").map(Number);
    sendLocation(pane, latitude, longitude);
  });
  pane.picker.querySelector(".place-cancel").addEventListener("click", () => showPicker(pane, null));
  const menuApp = root.querySelector(".menu-app");
  menuApp.addEventListener("click", () => openMiniApp(pane, menuApp.dataset.url, menuApp.textContent));
  document.getElementById("chats").append(root);
  panes.set(chat.chat_id, pane);
  return pane;
}

function showFor(pane, node, text, milliseconds, name) {
  node.textContent = text;
  node.hidden = !text;
  clearTimeout(pane.timers[name]);
  if (text) {
    pane.timers[name] = setTimeout(() => {
      node.textContent = "";
      node.hidden = true;
    }, milliseconds);
  }
}

function showError(pane, error) {
  showFor(pane, pane.toast, error.message, TOAST_SHOWN_MS, "toast");
}

function setReply(pane, message) {
  pane.replyTo = message ? message.id : null;
  pane.replying.hidden = !message;
  pane.replying.querySelector(".replying-text").textContent = message
    ? `Replying to: ${snippet(message.text || message.caption || "a file")}`
    : "";
  if (message) pane.input.focus();
}

function snippet(text) {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

// messages

function renderMessage(pane, message) {
  const item = element("li", `message ${message.from_bot ? "from-bot" : "from-user"}`);
  item.dataset.messageId = String(message.id);
  if (message.forwarded) item.append(element("div", "forwarded", "Forwarded message"));
  if (message.reply_to) {
    item.append(element("div", "quote", snippet(message.reply_to.text || "a file")));
  }
  if (message.file) item.append(renderFile(pane, message));
  const body = message.text ?? message.caption;
  if (body) item.append(element("div", "body", body));
  if (message.location) {
    const { latitude, longitude } = message.location;
    item.append(element("div", "body", `📍 Location ${latitude.toFixed(4)}, ${longitude.toFixed(4)}`));
  }
  if (message.keyboard.length) item.append(renderKeyboard(pane, message));
  item.append(renderMeta(pane, message));
  return item;
}

function renderFile(pane, message) {
  const file = message.file;
  if (file.kind === "photo") {
    const image = element("img", "photo");
    image.addEventListener("load", () => keepNewestInView(pane));
    image.src = file.url;
    image.alt = photoDescription(message);
    return image;
  }
  if (file.kind === "video" || file.kind === "video_note") {
    const video = element("video", "video");
    video.addEventListener("loadedmetadata", () => keepNewestInView(pane));
    video.src = file.url;
    video.controls = true;
    video.preload = "metadata";
    return video;
  }
  if (file.kind === "voice" || file.kind === "audio") {
    const audio = element("audio", "audio");
    audio.src = file.url;
    audio.controls = true;
    audio.preload = "metadata";
    return audio;
  }
  const link = element("a", "document", `📄 ${file.name || file.kind} (${file.size} bytes)`);
  link.href = file.url;
  link.download = file.name || "file";
  return link;
}

// The bot's photos are charts and say what they show in their caption; a person's photo is
// described by its caption when it has one.
function photoDescription(message) {
  if (message.caption) return message.caption;
  return message.from_bot ? "Chart" : "Photo without a caption";
}

function renderKeyboard(pane, message) {
  const keyboard = element("div", "keyboard");
  for (const row of message.keyboard) {
    const line = element("div", "keyboard-row");
    for (const button of row) {
      if (button.web_app_url) {
        const key = element("button", "key", button.text);
        key.type = "button";
        key.addEventListener("click", () => openMiniApp(pane, button.web_app_url, button.text));
        line.append(key);
      } else if (button.url && /^https?:\/\//i.test(button.url)) {
        const link = element("a", "key", `${button.text} ↗`);
        link.href = button.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        line.append(link);
      } else {
        const key = element("button", "key", button.text);
        key.type = "button";
        key.addEventListener("click", () => press(pane, message, button, keyboard));
        line.append(key);
      }
    }
    keyboard.append(line);
  }
  return keyboard;
}

function renderMeta(pane, message) {
  const meta = element("div", "meta");
  const time = new Date(message.date * 1000).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  });
  meta.append(element("span", "time", message.edited ? `edited ${time}` : time));
  if (message.from_bot) {
    const reply = element("button", "reply", "Reply");
    reply.type = "button";
    reply.setAttribute("aria-label", `Reply to: ${snippet(message.text || message.caption || "a file")}`);
    reply.addEventListener("click", () => setReply(pane, message));
    meta.append(reply);
  }
  return meta;
}

function upsertMessage(pane, message) {
  const node = renderMessage(pane, message);
  const old = pane.list.querySelector(`[data-message-id="${message.id}"]`);
  if (old) {
    const focused = old.contains(document.activeElement);
    old.replaceWith(node);
    pane.resized.observe(node);
    if (focused) node.querySelector("button")?.focus(); // an edit keeps the keyboard's place
    return false;
  }
  pane.list.append(node);
  pane.resized.observe(node);
  if (!message.from_bot) pane.stuck = true; // what you send yourself is always shown
  keepNewestInView(pane);
  return true;
}

function keepNewestInView(pane) {
  if (!pane.stuck) return;
  pane.list.scrollTop = pane.list.scrollHeight;
  pane.scrolledTo = pane.list.scrollTop;
}

// Screen readers hear each new message once (not edits, not the history on load): the list
// itself is not a live region, this pane's announcer is.
function announce(pane, message) {
  const who = message.from_bot ? "Bot" : "You";
  const what = message.text ?? message.caption ?? (message.file ? message.file.kind : "");
  pane.announcer.textContent = `${who}: ${snippet(what)}`;
}

function removeMessage(pane, message) {
  pane.list.querySelector(`[data-message-id="${message.id}"]`)?.remove();
}

// actions

async function sendText(pane) {
  const text = pane.input.value.trim();
  if (!text) return;
  const body = { text };
  if (pane.replyTo !== null) body.reply_to = pane.replyTo;
  try {
    await postJson(`/api/chats/${pane.chatId}/messages`, body);
    pane.input.value = "";
    setReply(pane, null);
  } catch (error) {
    showError(pane, error);
  }
}

async function sendFile(pane, input) {
  const file = input.files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  form.append("caption", pane.input.value.trim());
  try {
    await api(`/api/chats/${pane.chatId}/files`, { method: "POST", body: form });
    pane.input.value = "";
  } catch (error) {
    showError(pane, error);
  } finally {
    input.value = "";
  }
}

async function press(pane, message, button, keyboard) {
  keyboard.classList.add("pending");
  try {
    const answer = await postJson(`/api/chats/${pane.chatId}/press`, {
      message_id: message.id,
      callback_data: button.callback_data,
    });
    if (answer.toast) {
      pane.toast.classList.toggle("alert", answer.alert);
      showFor(pane, pane.toast, answer.toast, answer.alert ? 2 * TOAST_SHOWN_MS : TOAST_SHOWN_MS, "toast");
    }
  } catch (error) {
    showError(pane, error);
  } finally {
    keyboard.classList.remove("pending");
  }
}

// The reply keyboard: buttons the bot shows under the text field. A plain one sends its text;
// "Share location" sends where the browser says the person is, or a city they pick.

function showReplyKeyboard(pane, rows) {
  const shown = JSON.stringify(rows || []);
  if (shown === pane.replyRows) return; // unchanged: keep the buttons (and the focus)
  pane.replyRows = shown;
  pane.replyKeyboard.replaceChildren();
  for (const row of rows || []) {
    const line = element("div", "keyboard-row");
    for (const button of row) {
      const key = element("button", "key", button.text);
      key.type = "button";
      key.addEventListener("click", () =>
        button.request_location ? shareLocation(pane) : sendWords(pane, button.text),
      );
      line.append(key);
    }
    pane.replyKeyboard.append(line);
  }
  pane.replyKeyboard.hidden = !pane.replyKeyboard.childElementCount;
  if (pane.replyKeyboard.hidden) showPicker(pane, null);
}

async function sendWords(pane, text) {
  try {
    await postJson(`/api/chats/${pane.chatId}/messages`, { text });
  } catch (error) {
    showError(pane, error);
  }
}

function shareLocation(pane) {
  if (!navigator.geolocation) {
    showPicker(pane, "This browser can't share a location: pick the city nearest you.");
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (position) => sendLocation(pane, position.coords.latitude, position.coords.longitude),
    () => showPicker(pane, "The browser didn't share your location: pick the city nearest you."),
    { timeout: LOCATION_WAIT_MS, maximumAge: 600000 },
  );
}

function showPicker(pane, why) {
  pane.picker.hidden = !why;
  pane.picker.querySelector(".place-why").textContent = why || "";
  if (why) pane.picker.querySelector(".place").focus();
}

async function sendLocation(pane, latitude, longitude) {
  try {
    await postJson(`/api/chats/${pane.chatId}/location`, { latitude, longitude });
    showPicker(pane, null);
  } catch (error) {
    showError(pane, error);
  }
}

// Mini Apps: the emulator signs the launch data as Telegram does; the app opens over the page.

async function openMiniApp(pane, url, title) {
  try {
    const launch = await api(`/api/chats/${pane.chatId}/web-app?url=${encodeURIComponent(url)}`);
    const dialog = document.getElementById("mini-app");
    document.getElementById("mini-app-title").textContent = title;
    document.getElementById("mini-app-frame").src = launch.url;
    dialog.showModal();
  } catch (error) {
    showError(pane, error);
  }
}

function closeMiniApp() {
  const dialog = document.getElementById("mini-app");
  document.getElementById("mini-app-frame").src = "about:blank";
  dialog.close();
}

function showMenuButton(pane, menu) {
  const button = pane.root.querySelector(".menu-app");
  button.hidden = !menu;
  button.textContent = menu ? menu.text : "";
  button.dataset.url = menu ? menu.url : "";
}

// live updates

function applySnapshot(snapshot) {
  document.title = `${snapshot.bot.name} demo`;
  for (const chat of snapshot.chats) {
    const pane = panes.get(chat.chat_id) || createPane(chat);
    showMenuButton(pane, chat.menu_button);
    showReplyKeyboard(pane, chat.reply_keyboard);
    pane.list.replaceChildren();
    pane.stuck = true;
    for (const message of chat.messages) upsertMessage(pane, message);
    requestAnimationFrame(() => keepNewestInView(pane));
  }
}

function applyEvent(event) {
  const pane = panes.get(event.chat_id);
  if (!pane) return;
  if (event.reply_keyboard) showReplyKeyboard(pane, event.reply_keyboard);
  if (event.kind === "message" || event.kind === "edit") {
    const added = upsertMessage(pane, event.message);
    if (added && event.kind === "message") announce(pane, event.message);
    if (event.kind === "message" && event.message.from_bot) showFor(pane, pane.status, "", 0, "status");
  } else if (event.kind === "delete") {
    removeMessage(pane, event.message);
  } else if (event.kind === "chat_action") {
    const text = ACTIONS[event.action] || `${event.action.replaceAll("_", " ")}…`;
    showFor(pane, pane.status, text, ACTION_SHOWN_MS, "status");
  }
}

function connect() {
  const connection = document.getElementById("connection");
  const source = new EventSource("/api/events");
  source.addEventListener("snapshot", (event) => {
    applySnapshot(JSON.parse(event.data));
    connection.textContent = "connected";
    connection.classList.add("ok");
  });
  source.addEventListener("chat", (event) => applyEvent(JSON.parse(event.data)));
  source.addEventListener("error", () => {
    connection.textContent = "reconnecting…";
    connection.classList.remove("ok");
  });
}

document.getElementById("mini-app-close").addEventListener("click", closeMiniApp);
connect();

// The chat: a socket.io client on the events of Rasa's socketio channel (channels/webchat.py),
// with the conversation kept in the browser so that it survives a reload.
//
// Events: "session_request" {session_id} -> "session_confirm" session_id; "user_uttered"
// {message, session_id}; "bot_uttered" {text, quick_replies, picture} (one event per reply).
(function (HRChat) {
  "use strict";

  var STORAGE_KEY = "hr_careers_chat"; // {session_id, messages: [{from, text, buttons, picture}]}
  var KEPT_MESSAGES = 200; // the newest ones; the server keeps the whole conversation
  var GREETING = "/greet"; // sent once per new conversation, never on a reload
  var TYPING_AT_LEAST_MS = 600; // long enough to see that the assistant is answering

  var log = document.getElementById("messages");
  var form = document.getElementById("composer");
  var input = document.getElementById("question");
  var typing = document.getElementById("typing");
  var status = document.getElementById("connection");

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (stored && typeof stored.session_id === "string" && Array.isArray(stored.messages)) return stored;
    } catch (error) {
      // A damaged entry starts a new conversation.
    }
    return { session_id: null, messages: [] };
  }

  var state = load();

  function save() {
    state.messages = state.messages.slice(-KEPT_MESSAGES);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      // Storage full or off: the conversation goes on, it will not survive a reload.
    }
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function removeQuickReplies() {
    log.querySelectorAll(".quick-replies").forEach(function (replies) {
      replies.remove();
    });
  }

  function quickReplies(buttons) {
    var group = document.createElement("div");
    group.className = "quick-replies";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested questions");
    buttons.forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "quick-reply";
      button.textContent = item.title;
      button.addEventListener("click", function () {
        send(item.payload, item.title);
      });
      group.appendChild(button);
    });
    return group;
  }

  function show(message, isNewest) {
    var row = document.createElement("div");
    row.className = "message " + (message.from === "user" ? "user" : "bot");
    var bubble = document.createElement("div");
    bubble.className = "bubble";
    if (message.from === "user") {
      bubble.textContent = message.text; // what the user typed is text, never markup
    } else {
      bubble.appendChild(HRChat.renderMarkdown(message.text));
      var picture = HRChat.drawPicture(message.picture);
      if (picture) bubble.appendChild(picture);
    }
    row.appendChild(bubble);
    if (isNewest && message.buttons && message.buttons.length) row.appendChild(quickReplies(message.buttons));
    log.insertBefore(row, typing);
    scrollToEnd();
  }

  function add(message) {
    removeQuickReplies();
    state.messages.push(message);
    save();
    show(message, true);
  }

  // Replies are shown in order, each no sooner than TYPING_AT_LEAST_MS after the question.
  var shownAt = 0;
  var queue = Promise.resolve();
  function receive(message) {
    queue = queue.then(function () {
      var wait = Math.max(0, shownAt - Date.now());
      return new Promise(function (resolve) {
        window.setTimeout(resolve, wait);
      }).then(function () {
        typing.hidden = true;
        add(message);
      });
    });
  }

  // socket.io's default: HTTP long-polling first, upgraded to a websocket where the way allows.
  var socket = window.io({ path: "/socket.io/" });

  function send(payload, shown) {
    if (!state.session_id) return;
    if (shown !== null) add({ from: "user", text: shown });
    typing.hidden = false;
    shownAt = Date.now() + TYPING_AT_LEAST_MS;
    scrollToEnd();
    socket.emit("user_uttered", { message: payload, session_id: state.session_id });
  }

  socket.on("connect", function () {
    status.hidden = true;
    socket.emit("session_request", { session_id: state.session_id });
  });

  socket.on("session_confirm", function (sessionId) {
    var id = typeof sessionId === "string" ? sessionId : sessionId && sessionId.session_id;
    if (!id) return;
    if (id !== state.session_id) {
      state = { session_id: id, messages: [] };
      save();
      send(GREETING, null);
    }
  });

  socket.on("bot_uttered", function (data) {
    if (!data || typeof data !== "object") return;
    var buttons = Array.isArray(data.quick_replies) ? data.quick_replies : [];
    receive({
      from: "bot",
      text: typeof data.text === "string" ? data.text : "",
      buttons: buttons.filter(function (item) {
        return item && typeof item.title === "string" && typeof item.payload === "string";
      }),
      picture: data.picture || null,
    });
  });

  socket.on("disconnect", function () {
    status.hidden = false;
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text, text);
  });

  document.getElementById("start-over").addEventListener("click", function () {
    // A new session id gives a new conversation; the old one stays in Rasa's tracker store.
    window.localStorage.removeItem(STORAGE_KEY);
    window.location.reload();
  });

  state.messages.forEach(function (message, index) {
    show(message, index === state.messages.length - 1);
  });
})((window.HRChat = window.HRChat || {}));

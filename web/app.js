// Starts the rasa-webchat widget (webchat.js, served from node_modules by the Rasa server)
// inside the page, connected to the Rasa server that served the page: one origin, no CORS.
(function () {
  "use strict";

  // Where rasa-webchat keeps the conversation (its session id and the messages shown).
  var WIDGET_STORAGE_KEY = "chat_session";
  var chat = document.getElementById("chat");

  window.WebChat.default(
    {
      socketUrl: window.location.origin,
      socketPath: "/socket.io/",
      // Sent once per new conversation, never on a reload: the greeting with suggested questions.
      initPayload: "/greet",
      title: "HR careers guide",
      subtitle: "Sourced answers from the BLS",
      inputTextFieldHint: "Ask about an HR career",
      embedded: true,
      showFullScreenButton: false,
      hideWhenNotConnected: false,
      // The history survives a reload and a closed browser (the server keeps it too).
      params: { storage: "local" },
      // A short pause per reply, long enough to show the typing indicator.
      customMessageDelay: function () { return 600; },
    },
    chat
  );

  document.getElementById("start-over").addEventListener("click", function () {
    // A new session id gives a new conversation; the old one stays in Rasa's tracker store.
    window.localStorage.removeItem(WIDGET_STORAGE_KEY);
    window.location.reload();
  });

  // rasa-webchat's input and send button have no accessible names, and its quick replies
  // are plain <div>s: name them, and make the replies reachable and usable by keyboard.
  function labelControls() {
    var input = chat.querySelector(".rw-new-message");
    if (input && !input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", "Your question");
    }
    var send = chat.querySelector(".rw-send");
    if (send && !send.hasAttribute("aria-label")) {
      send.setAttribute("aria-label", "Send");
    }
    chat.querySelectorAll(".rw-reply:not([role])").forEach(function (reply) {
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "0");
      reply.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          reply.click();
        }
      });
    });
    var messages = chat.querySelector(".rw-messages-container");
    if (messages && !messages.hasAttribute("aria-live")) {
      messages.setAttribute("aria-live", "polite");
    }
  }
  new MutationObserver(labelControls).observe(chat, { childList: true, subtree: true });
  labelControls();
})();

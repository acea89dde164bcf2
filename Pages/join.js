// The student page: joins a live class over the protocol in docs/live-protocol.md and
// answers with the same text a student would type in `lectern study`. Every text from the
// server is shown with textContent, never parsed as markup.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("join-form");
  const state = { socket: null, code: "", name: "", question: null, retry: 0, leaving: false, timer: null };

  const storageKey = (code) => "lectern.seat." + code;
  // The page's storage is untrusted too: anything unreadable is no seat.
  function savedSeat(code) {
    try {
      const seat = JSON.parse(localStorage.getItem(storageKey(code)) || "null");
      return seat && typeof seat.token === "string" ? seat : null;
    } catch {
      return null;
    }
  }
  const normalCode = (text) => text.toUpperCase().replace(/[\s-]/g, "");

  function show(section) {
    for (const id of ["join-form", "lobby", "question", "reveal"]) $(id).hidden = id !== section;
    document.body.dataset.phase = section;
  }

  function status(text) { $("status").textContent = text; }

  function error(text) {
    $("error").textContent = text || "";
    $("error").hidden = !text;
  }

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  }

  const letter = (index) => String.fromCharCode(97 + index);

  // --- Connection -------------------------------------------------------------------

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(scheme + "//" + location.host + "/live");
    state.socket = socket;
    socket.addEventListener("open", () => {
      const saved = savedSeat(state.code);
      const join = { type: "join", code: state.code, name: state.name };
      if (saved && saved.token) join.token = saved.token;
      socket.send(JSON.stringify(join));
    });
    socket.addEventListener("message", (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      if (message && typeof message.type === "string") handle(message);
    });
    socket.addEventListener("close", () => {
      if (state.socket !== socket || state.leaving) return;
      // A dropped connection keeps the seat: rejoin with the token, waiting longer each time.
      const wait = Math.min(10000, 500 * 2 ** state.retry++);
      status("Connection lost; joining again…");
      setTimeout(connect, wait);
    });
  }

  function send(message) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message));
  }

  // --- Messages ---------------------------------------------------------------------

  const handlers = {
    welcome(m) {
      state.retry = 0;
      state.name = m.name;
      localStorage.setItem(storageKey(state.code), JSON.stringify({ token: m.token, name: m.name }));
      $("title").textContent = m.deck;
      status(m.rejoined ? "Welcome back, " + m.name + ": your seat and your " + m.points + " points are kept." : "");
      error("");
      if (!$("join-form").hidden) show("lobby");
    },
    lobby(m) {
      show("lobby");
      $("lobby-text").textContent = "You are in as " + state.name + ". Waiting for the teacher to start: " +
        m.count + (m.count === 1 ? " student" : " students") + " here.";
    },
    question(m) { renderQuestion(m); },
    accepted(m) {
      $("accepted").textContent = "Answer received: " + m.answer;
      for (const control of $("answer-area").querySelectorAll("button, input, select")) control.disabled = true;
    },
    reveal(m) { renderReveal(m); },
    board(m) {
      status("Board after " + m.after + " of " + m.count + ": " +
        m.entries.slice(0, 3).map((e) => e.rank + ". " + e.name + " " + e.points).join(" · "));
    },
    paused() { status("Paused by the teacher."); stopCountdown(); },
    end(m) {
      state.leaving = true;
      stopCountdown();
      localStorage.removeItem(storageKey(state.code));
      show("reveal");
      $("reveal-heading").textContent = "The class is over";
      for (const id of ["right-answer", "your-answer", "explanation"]) $(id).textContent = "";
      $("mistakes").replaceChildren();
      $("standing").textContent = m.rank ? "You came " + m.rank + " of " + m.students + " with " + m.points + " points." : "";
    },
    error(m) {
      error(m.message);
      if (["wrong-code", "full", "kicked", "ended", "bad-name", "name-taken"].includes(m.code)) {
        if (m.code !== "bad-name" && m.code !== "name-taken") localStorage.removeItem(storageKey(state.code));
        state.leaving = true;
        if (state.socket) state.socket.close();
        show("join-form");
        status("");
      }
    },
  };

  function handle(message) {
    const handler = handlers[message.type];
    if (handler) handler(message);
  }

  // --- The question -----------------------------------------------------------------

  function renderQuestion(m) {
    state.question = m;
    show("question");
    $("question-heading").textContent = "Question " + (m.question + 1) + " of " + m.count +
      (m.steps ? " · step " + m.step + " of " + m.steps : "");
    $("scenario").hidden = !m.scenario;
    $("scenario").textContent = m.scenario || "";
    $("prompt").textContent = m.prompt;
    $("accepted").textContent = "";
    const area = $("answer-area");
    area.replaceChildren(...controlsFor(m));
    startCountdown(m.secondsLeft, m.timeLimit);
    const first = area.querySelector("button, input, select");
    if (first) first.focus();
  }

  function answer(text) {
    if (!state.question || !text.trim()) return;
    send({ type: "answer", question: state.question.question, answer: text.trim() });
  }

  function controlsFor(m) {
    switch (m.itemType) {
      case "choice": return [choiceButtons(m.options, (i) => answer(letter(i)))];
      case "truefalse": return [choiceButtons(["True", "False"], (i) => answer(i === 0 ? "t" : "f"), false)];
      case "multi": return multiControls(m.options);
      case "order": return orderControls(m.options);
      case "match": return pairControls(m.numbered, m.options.map((text, i) => [letter(i), letter(i) + ") " + text]));
      case "roles": return pairControls(m.numbered, ROLES);
      default: return textControls(m);
    }
  }

  const ROLES = [["c", "conclusion"], ["p", "premise"], ["a", "assumption"], ["o", "objection"], ["x", "beside the point"]];

  function choiceButtons(texts, pick, lettered = true) {
    const list = element("div", undefined, { class: "choices", role: "group", "aria-label": "Options" });
    texts.forEach((text, i) => {
      const button = element("button", lettered ? letter(i) + ") " + text : text, { type: "button" });
      button.addEventListener("click", () => pick(i));
      list.append(button);
    });
    return list;
  }

  function sendButton(onSend) {
    const button = element("button", "Send", { type: "button", class: "primary" });
    button.addEventListener("click", onSend);
    return element("p").appendChild(button).parentNode;
  }

  function multiControls(options) {
    const list = element("div", undefined, { class: "choices", role: "group", "aria-label": "Pick every right option" });
    const buttons = options.map((text, i) => {
      const button = element("button", letter(i) + ") " + text, { type: "button", "aria-pressed": "false" });
      button.addEventListener("click", () => {
        button.setAttribute("aria-pressed", button.getAttribute("aria-pressed") === "true" ? "false" : "true");
      });
      list.append(button);
      return button;
    });
    const picked = () => buttons.map((b, i) => (b.getAttribute("aria-pressed") === "true" ? letter(i) : "")).filter(Boolean);
    return [list, sendButton(() => answer(picked().join(" ")))];
  }

  function orderControls(entries) {
    const order = entries.map((_, i) => i);
    const list = element("ol", undefined, { "aria-label": "Put these in order, first to last" });
    function draw() {
      list.replaceChildren(...order.map((entry, position) => {
        const row = element("li", undefined, { class: "row" });
        row.append(element("span", letter(entry) + ") " + entries[entry], { class: "text" }));
        for (const [label, step] of [["Up", -1], ["Down", 1]]) {
          const button = element("button", label === "Up" ? "↑" : "↓", {
            type: "button", "aria-label": "Move " + letter(entry) + " " + label.toLowerCase(),
          });
          button.disabled = position + step < 0 || position + step >= order.length;
          button.addEventListener("click", () => {
            [order[position], order[position + step]] = [order[position + step], order[position]];
            draw();
            list.querySelectorAll("li")[position + step].querySelector("button:not(:disabled)")?.focus();
          });
          row.append(button);
        }
        return row;
      }));
    }
    draw();
    return [list, sendButton(() => answer(order.map(letter).join(" ")))];
  }

  function pairControls(numbered, choices) {
    const rows = numbered.map((text, i) => {
      const row = element("div", undefined, { class: "row" });
      const id = "pair-" + i;
      const label = element("label", (i + 1) + ". " + text, { for: id, class: "text" });
      const select = element("select", undefined, { id });
      select.append(element("option", "—", { value: "" }));
      for (const [value, shown] of choices) select.append(element("option", shown, { value }));
      row.append(label, select);
      return { row, select };
    });
    const send = () => {
      const parts = rows.map(({ select }, i) => (select.value ? (i + 1) + select.value : "")).filter(Boolean);
      answer(parts.join(" "));
    };
    return [...rows.map((r) => r.row), sendButton(send)];
  }

  function textControls(m) {
    const hints = {
      numeric: "A number" + (m.unit ? " in " + m.unit : "") + (m.percent ? " (a percentage)" : ""),
      cloze: m.blanks > 1 ? "Fill the " + m.blanks + " blanks, separated by ;" : "Fill the blank",
      open: "Your answer",
    };
    const label = element("label", hints[m.itemType] || "Your answer", { for: "typed" });
    const input = element("input", undefined, {
      id: "typed", type: "text", autocomplete: "off", maxlength: "2000",
      inputmode: m.itemType === "numeric" ? "decimal" : "text",
    });
    input.addEventListener("keydown", (event) => { if (event.key === "Enter") answer(input.value); });
    return [label, input, sendButton(() => answer(input.value))];
  }

  function startCountdown(secondsLeft, limit) {
    stopCountdown();
    const end = Date.now() + secondsLeft * 1000;
    const tick = () => {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      $("seconds").textContent = left + " s left";
      $("countdown-fill").style.width = (limit > 0 ? (100 * left) / limit : 0) + "%";
      if (left === 0) stopCountdown();
    };
    tick();
    state.timer = setInterval(tick, 1000);
  }

  function stopCountdown() {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
  }

  // --- The reveal -------------------------------------------------------------------

  function renderReveal(m) {
    stopCountdown();
    status("");
    show("reveal");
    const you = m.you || {};
    const outcome = you.outcome;
    const heading = !you.answered ? "No answer in time" :
      outcome === "right" ? "Right" : outcome === "partial" ? "Partly right (" + you.percent + "%)" :
      outcome === "wrong" ? "Not this time" : "Answer collected";
    $("reveal-heading").textContent = "Question " + (m.question + 1) + ": " + heading;
    $("reveal-heading").className = outcome ? "outcome-" + outcome : "";
    $("right-answer").textContent = m.answer ? "The answer: " + m.answer : "";
    $("your-answer").textContent = you.answer ? "You answered: " + you.answer : "";
    $("mistakes").replaceChildren(...(you.mistakes || []).map((text) => element("li", text)));
    $("explanation").textContent = m.explanation || "";
    $("standing").textContent = "+" + (you.points || 0) + " points · " + m.points + " in all · rank " +
      m.rank + " of " + m.students;
  }

  // --- Start --------------------------------------------------------------------------

  const params = new URLSearchParams(location.search);
  $("code").value = normalCode(params.get("code") || "");
  const last = savedSeat($("code").value);
  if (last && last.name) $("name").value = last.name;
  show("join-form");

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.code = normalCode($("code").value);
    state.name = $("name").value.trim();
    state.leaving = false;
    state.retry = 0;
    error("");
    status("Joining…");
    connect();
  });

  // A reload with a seat in this page's storage goes straight back to it.
  if (last && $("code").value) {
    state.code = $("code").value;
    state.name = String(last.name || "");
    status("Joining again…");
    connect();
  }
})();

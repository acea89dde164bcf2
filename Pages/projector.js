// The projector page: what the whole room sees. It watches the class (`watch`, see
// docs/live-protocol.md) and is sent class-level messages only: never a right answer
// before the reveal, never one student's answer. Text is shown with textContent only.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { socket: null, code: "", retry: 0, timer: null, question: null, ended: false };
  const letter = (index) => String.fromCharCode(97 + index);
  const sections = ["lobby", "question", "reveal", "board", "podium-section"];

  function show(section) {
    for (const id of sections) $(id).hidden = id !== section;
    document.body.dataset.phase = section;
  }

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  }

  function retryLater(what) {
    $("status").textContent = "Waiting for the host…";
    setTimeout(what, Math.min(10000, 500 * 2 ** state.retry++));
  }

  // --- Connection: the class's code comes from the host that serves this page. ----------

  async function start() {
    try {
      const response = await fetch("/class.json", { cache: "no-store" });
      if (!response.ok) throw new Error("status " + response.status);
      const info = await response.json();
      state.code = String(info.code);
      $("deck").textContent = info.deck;
      $("join-address").textContent = info.joinURL;
      $("join-command").textContent = info.command;
      $("join-code").textContent = info.code;
      // A new address each time, so a restarted host's new code is shown, not a cached one.
      $("qr").src = "/qr.svg?code=" + encodeURIComponent(info.code);
      connect();
    } catch {
      // The host is restarting or the network blipped: try again.
      retryLater(start);
    }
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(scheme + "//" + location.host + "/live");
    state.socket = socket;
    socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "watch", code: state.code })));
    socket.addEventListener("message", (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      const handler = message && typeof message.type === "string" && handlers[message.type];
      if (handler) handler(message);
    });
    socket.addEventListener("close", () => {
      if (state.socket !== socket || state.ended) return;
      stopCountdown();
      retryLater(start);
    });
  }

  // --- Messages -----------------------------------------------------------------------

  const handlers = {
    watching(m) {
      state.retry = 0;
      $("status").textContent = "";
      $("deck").textContent = m.deck;
    },
    lobby(m) {
      show("lobby");
      $("lobby-count").textContent = m.count === 0 ? "Nobody has joined yet." :
        m.count + (m.count === 1 ? " student has joined:" : " students have joined:");
      $("names").replaceChildren(...m.names.map((name) => element("li", name)));
    },
    question(m) {
      state.question = m;
      $("status").textContent = "";
      show("question");
      $("question-heading").textContent = "Question " + (m.question + 1) + " of " + m.count +
        (m.steps ? " · step " + m.step + " of " + m.steps : "");
      $("scenario").hidden = !m.scenario;
      $("scenario").textContent = m.scenario || "";
      $("prompt").textContent = m.prompt;
      const entries = m.itemType === "truefalse" ? [] : m.options.map((text, i) => letter(i) + ") " + text);
      $("options").replaceChildren(
        ...entries.map((text) => element("li", text)),
        ...m.numbered.map((text, i) => element("li", (i + 1) + ". " + text)));
      $("options").hidden = entries.length + m.numbered.length === 0;
      $("tf-note").hidden = m.itemType !== "truefalse";
      $("progress").textContent = "";
      startCountdown(m.secondsLeft, m.timeLimit);
    },
    progress(m) {
      if (!state.question || state.question.question !== m.question) return;
      $("progress").textContent = m.answered + " of " + m.students + " answered";
    },
    summary(m) {
      stopCountdown();
      show("reveal");
      $("reveal-heading").textContent = "Question " + (m.question + 1) + " of " + m.count;
      $("answer").textContent = m.answer ? "The answer: " + m.answer : "";
      $("explanation").textContent = m.explanation || "";
      drawHistogram(m.histogram);
      drawBoard($("top"), m.board.slice(0, 5));
    },
    board(m) {
      show("board");
      $("board-heading").textContent = "Leaderboard after " + m.after + " of " + m.count + " questions";
      drawBoard($("entries"), m.entries);
    },
    paused() { stopCountdown(); $("status").textContent = "Paused"; },
    end(m) {
      state.ended = true;
      stopCountdown();
      $("status").textContent = "";
      show("podium-section");
      const places = ["first", "second", "third"];
      $("podium").replaceChildren(...m.board.slice(0, 3).map((e, i) => {
        const step = element("li", undefined, { class: "place " + places[i] });
        step.append(element("span", String(e.rank), { class: "rank" }), element("span", e.name, { class: "name" }),
          element("span", e.points + " points", { class: "points" }));
        return step;
      }));
    },
    error(m) {
      $("status").textContent = m.message;
      // A wrong code means the host restarted with a new class: fetch its code again.
      if (m.code === "wrong-code" && state.socket) { state.socket.close(); }
    },
  };

  function drawBoard(list, entries) {
    list.replaceChildren(...entries.map((e) => {
      const row = element("li");
      row.append(element("span", e.rank + ".", { class: "rank" }), element("span", e.name, { class: "name" }),
        element("span", String(e.points), { class: "points" }));
      return row;
    }));
  }

  function drawHistogram(histogram) {
    let bars = histogram.bars || [];
    if (histogram.spread) {
      const round = (x) => Number(x.toPrecision(4));
      bars = histogram.spread.bins.map((bin) => ({ label: round(bin.low) + "–" + round(bin.high), count: bin.count }));
    }
    const most = Math.max(1, ...bars.map((b) => b.count));
    $("bars").replaceChildren(...bars.map((bar) => {
      const row = element("div", undefined, { class: "bar" + (bar.right ? " right" : "") });
      const label = bar.text ? bar.label + ") " + bar.text : bar.label;
      row.append(element("span", (bar.right ? "✓ " : "") + label, { class: "label" }));
      const track = element("div", undefined, { class: "track" });
      const fill = element("div", undefined, { class: "fill" });
      fill.style.width = (100 * bar.count) / most + "%";
      track.append(fill);
      row.append(track, element("span", String(bar.count), { class: "count" }));
      return row;
    }));
    const s = histogram.spread;
    $("split").textContent = (s ? "lowest " + s.lowest + " · median " + s.median + " · highest " + s.highest + " — " : "") +
      histogram.right + " right · " + histogram.partial + " partly · " + histogram.wrong + " wrong · " +
      histogram.unanswered + " no answer";
  }

  function startCountdown(secondsLeft, limit) {
    stopCountdown();
    const end = Date.now() + secondsLeft * 1000;
    const tick = () => {
      const left = Math.max(0, (end - Date.now()) / 1000);
      $("countdown-fill").style.width = (limit > 0 ? (100 * left) / limit : 0) + "%";
      $("seconds").textContent = Math.ceil(left) + " s";
      if (left <= 0) stopCountdown();
    };
    tick();
    state.timer = setInterval(tick, 250);
  }

  function stopCountdown() {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
  }

  start();
})();

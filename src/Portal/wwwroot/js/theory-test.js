// The candidate's theory test. Every change gets the next sequence number and goes to a queue kept in
// localStorage; the queue is sent in order, one change at a time, and a change counts as saved only when
// the server acknowledges it (after it is stored). A lost connection only pauses the sending.
(() => {
  "use strict";
  const root = document.getElementById("theory-test");
  const sessionId = root.dataset.session;
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const storageKey = `theory-test:${sessionId}:${root.dataset.person}`;
  const $ = (id) => document.getElementById(id);
  const number = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 2 });
  const format = (text, ...args) => text.replace(/\{(\d+)\}/g, (_, i) => typeof args[Number(i)] === "number" ? number.format(args[Number(i)]) : args[Number(i)]);

  let view = null;          // the attempt as the server last described it
  let current = 0;          // index of the shown question
  const answers = new Map(); // question number -> { selected: string[], flagged: bool }
  let queue = JSON.parse(localStorage.getItem(storageKey) || "[]");
  let nextSeq = queue.reduce((max, change) => Math.max(max, change.seq), 0) + 1;
  let online = false, holding = false, flushing = false;
  let deadline = null;       // performance.now() value when time runs out, from the server's remaining seconds

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/theory-test")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(10000, 500 * 2 ** Math.min(c.previousRetryCount, 5)) })
    .build();

  connection.on("changed", () => open());
  connection.on("displaced", () => { holding = false; notice(texts.displaced, texts.takeBack); renderConnection(); });
  connection.onreconnecting(() => { online = false; renderConnection(); });
  connection.onreconnected(() => { online = true; open(); });
  connection.onclose(() => { online = false; renderConnection(); setTimeout(start, 2000); });

  async function start() {
    try {
      await connection.start();
      online = true;
      await open();
    } catch {
      online = false;
      renderConnection();
      setTimeout(start, 2000);
    }
  }

  async function open() {
    const result = await connection.invoke("Open", sessionId);
    if (!result.view) {
      notice(texts.notPrepared);
      return;
    }
    holding = true;
    hideNotice();
    apply(result.view);
    flush();
  }

  function apply(next) {
    view = next;
    answers.clear();
    for (const a of next.answers) answers.set(a.question, { selected: a.selected, flagged: a.flagged });
    // Changes not yet acknowledged are newer than what the server has: they stay on screen.
    for (const change of queue) answers.set(change.question, { selected: change.selected, flagged: change.flagged });
    nextSeq = Math.max(nextSeq, next.highestSeq + 1);
    setRemaining(next.remainingSeconds);
    if (next.status === "Submitted" || next.status === 4) return showResult();
    if (next.status === "Paused" || next.status === 3) notice(texts.paused); else if (holding) hideNotice();
    render();
  }

  function change(question, selected, flagged) {
    answers.set(question, { selected, flagged });
    queue.push({ seq: nextSeq++, question, selected, flagged });
    localStorage.setItem(storageKey, JSON.stringify(queue));
    render();
    flush();
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (queue.length > 0 && online && holding) {
        const head = queue[0];
        renderConnection();
        const ack = await connection.invoke("SaveAnswer", sessionId, head);
        setRemaining(ack.remainingSeconds);
        if (ack.outcome === "Rejected" || ack.outcome === 3) {
          if (["attempt.opened_elsewhere", "attempt.submitted", "attempt.paused"].includes(ack.code)) {
            await open();
            if (ack.code !== "attempt.paused") dropQueue();
            break;
          }
          notice(`${texts.rejected} (${ack.code})`);
        }
        queue.shift();
        localStorage.setItem(storageKey, JSON.stringify(queue));
      }
    } catch {
      // The connection broke mid-send: the change stays queued and goes again after reconnecting.
    } finally {
      flushing = false;
      renderConnection();
    }
  }

  function dropQueue() {
    queue = [];
    localStorage.removeItem(storageKey);
  }

  function setRemaining(seconds) {
    deadline = performance.now() + seconds * 1000;
  }

  // The clock is silent, or a screen reader would read it every second; the time left is announced at these marks.
  const warningMinutes = [10, 5, 1];
  let warnedAt = null;

  function warnTimeLeft(left) {
    const mark = warningMinutes.filter((m) => left <= m * 60).pop();
    if (mark === undefined || (warnedAt !== null && mark > warnedAt)) {
      warnedAt = mark ?? null; // more time than the mark, or the operator has just added some
    } else if (left > 0 && (warnedAt === null || mark < warnedAt)) {
      warnedAt = mark;
      setText($("time-warning"), format(texts.timeWarning, Math.ceil(left / 60)));
    }
  }

  setInterval(() => {
    if (deadline === null || !view) return;
    const paused = view.status === "Paused" || view.status === 3;
    const left = Math.max(0, Math.round((deadline - performance.now()) / 1000));
    if (paused) { setRemaining(view.remainingSeconds); }
    $("remaining").textContent = `${String(Math.floor(left / 60)).padStart(2, "0")}:${String(left % 60).padStart(2, "0")}`;
    $("remaining").classList.toggle("low", left < 300);
    warnTimeLeft(left);
    if (left === 0 && online && holding && view.status !== "Submitted" && view.status !== 4) open();
  }, 250);

  function render() {
    if (!view) return;
    const focused = focusedControl();
    const q = view.questions[current];
    const answer = answers.get(q.number) || { selected: [], flagged: false };
    const multiple = q.kind === "MultipleChoice" || q.kind === 2;
    const section = $("question");
    section.replaceChildren();
    const heading = el("h2", { id: "question-heading", tabindex: "-1" }, format(texts.question, q.number, view.questions.length));
    // The item bank is written in Polish whatever language the candidate reads the interface in.
    const stem = el("p", { class: "stem", id: "stem", lang: "pl" }, q.stem);
    const fieldset = el("fieldset", { "aria-labelledby": "stem", "aria-describedby": multiple ? "multiple-hint" : "" });
    if (multiple) fieldset.append(el("p", { class: "muted", id: "multiple-hint" }, texts.multiple));
    for (const option of q.options) {
      const input = el("input", { type: multiple ? "checkbox" : "radio", name: "answer", value: option.id });
      input.checked = answer.selected.includes(option.id);
      input.disabled = !holding;
      input.addEventListener("change", () => {
        const selected = multiple
          ? [...fieldset.querySelectorAll("input:checked")].map((i) => i.value)
          : [option.id];
        change(q.number, selected, answer.flagged);
      });
      fieldset.append(el("label", { class: "option" }, input, " ", el("span", { lang: "pl" }, option.text)));
    }
    const flag = el("button", { type: "button", id: "flag", class: answer.flagged ? "flagged" : "" }, answer.flagged ? texts.unflag : texts.flag);
    flag.disabled = !holding;
    flag.addEventListener("click", () => change(q.number, answer.selected, !answer.flagged));
    const previous = el("button", { type: "button", id: "previous" }, texts.previous);
    previous.disabled = current === 0;
    previous.addEventListener("click", () => go(current - 1));
    const next = el("button", { type: "button", id: "next" }, texts.next);
    next.disabled = current === view.questions.length - 1;
    next.addEventListener("click", () => go(current + 1));
    section.append(heading, stem, fieldset, el("div", { class: "actions" }, previous, flag, next));

    const grid = $("grid");
    grid.replaceChildren(...view.questions.map((question, index) => {
      const a = answers.get(question.number);
      const answered = Boolean(a && a.selected.length), flagged = Boolean(a && a.flagged);
      const pending = queue.some((c) => c.question === question.number);
      // Colour and border tell the state on screen; the name tells it to a screen reader.
      const state = [answered ? texts.cellAnswered : texts.cellUnanswered, flagged ? texts.cellFlagged : "", pending ? texts.cellUnsaved : ""].filter(Boolean).join(", ");
      const cell = el("button", {
        type: "button", "data-index": String(index),
        class: ["cell", answered ? "answered" : "", flagged ? "flagged" : "", index === current ? "current" : "", pending ? "pending" : ""].join(" "),
        "aria-label": format(texts.cell, question.number, state),
        "aria-current": index === current ? "true" : "",
      }, String(question.number));
      cell.addEventListener("click", () => go(index));
      return el("li", {}, cell);
    }));
    renderConnection();
    restoreFocus(focused);
  }

  // Redrawing replaces the controls; without this a keyboard user would be thrown back to the top of the page
  // after every answer.
  function focusedControl() {
    const active = document.activeElement;
    if (!active || !root.contains(active)) return null;
    if (active.name === "answer") return `#question input[value="${CSS.escape(active.value)}"]`;
    if (active.dataset.index) return `#grid [data-index="${active.dataset.index}"]`;
    return active.id ? `#${CSS.escape(active.id)}` : null;
  }

  function restoreFocus(selector) {
    if (!selector || root.contains(document.activeElement)) return;
    const target = document.querySelector(selector);
    (target && !target.disabled && !target.closest("[hidden]") ? target : $("question-heading"))?.focus();
  }

  function go(index) {
    current = Math.max(0, Math.min(view.questions.length - 1, index));
    render();
    $("question-heading").focus();
  }

  // The status region is announced on every change of its text, so the number of queued changes is only shown:
  // a reconnection sending ten answers would otherwise be read out ten times.
  function renderConnection() {
    $("connection").className = "connection " + (!online ? "offline" : queue.length ? "saving" : "online");
    setText($("connection-text"), !online ? texts.offline : queue.length ? texts.saving : texts.saved);
    setText($("connection-count"), online && queue.length ? ` (${queue.length})` : "");
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function notice(message, actionLabel) {
    const box = $("notice");
    box.replaceChildren(el("span", {}, message));
    if (actionLabel) {
      const takeBack = el("button", { type: "button", id: "take-back" }, actionLabel);
      takeBack.addEventListener("click", () => open());
      box.append(" ", takeBack);
    }
    box.hidden = false;
    render();
  }

  function hideNotice() { $("notice").hidden = true; }

  function showResult() {
    dropQueue();
    root.querySelector(".test-body").hidden = true;
    const box = $("result");
    const wasShown = !box.hidden;
    box.replaceChildren(el("h2", { id: "result-heading", tabindex: "-1" }, texts.submitted));
    if (view.result) {
      const r = view.result;
      box.append(el("p", { id: "score" }, format(texts.score, r.percent, r.points, r.maxPoints)), el("p", { class: r.passed ? "ok" : "error" }, r.passed ? texts.passed : texts.failed));
      const rows = r.outcomes.map((o) => el("tr", {}, el("td", {}, o.outcome), el("td", { class: "num" }, `${number.format(o.points)} / ${o.maxPoints}`), el("td", { class: "num" }, `${number.format(o.percent)}%`)));
      box.append(el("table", { class: "list" }, el("thead", {}, el("tr", {}, el("th", {}, texts.outcome), el("th", { class: "num" }, texts.points), el("th", { class: "num" }, "%"))), el("tbody", {}, ...rows)));
    } else {
      box.append(el("p", {}, texts.withheld));
    }
    box.hidden = false;
    if (!wasShown) $("result-heading").focus();
    $("remaining").textContent = "--:--";
    deadline = null;
  }

  $("submit").addEventListener("click", () => {
    const unanswered = view.questions.filter((q) => !(answers.get(q.number)?.selected.length)).length;
    const flagged = [...answers.values()].filter((a) => a.flagged).length;
    $("confirm-text").textContent = format(texts.unanswered, unanswered, view.questions.length, flagged);
    $("confirm").showModal();
  });
  $("confirm").addEventListener("close", async () => {
    if ($("confirm").returnValue !== "submit") return;
    await flush();
    const result = await connection.invoke("Submit", sessionId);
    if (result.view) apply(result.view);
  });

  document.addEventListener("keydown", (e) => {
    // Keys with a modifier belong to the browser and the screen reader (Alt+← is Back, Ctrl+F is Find).
    if (!view || e.altKey || e.ctrlKey || e.metaKey || $("confirm").open || !$("result").hidden) return;
    if (e.key === "ArrowRight" && e.target.type !== "radio") go(current + 1);
    else if (e.key === "ArrowLeft" && e.target.type !== "radio") go(current - 1);
    // A single-letter shortcut works only with the focus on the question (WCAG 2.1.4), so that speech input
    // or a stray key elsewhere cannot flag it.
    else if (e.key.toLowerCase() === "f" && holding && $("question").contains(e.target)) {
      const q = view.questions[current];
      const a = answers.get(q.number) || { selected: [], flagged: false };
      change(q.number, a.selected, !a.flagged);
    }
  });

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) if (value !== "") node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  start();
})();

// The exam operator's console: the roster arrives over the operator hub and is pushed again whenever
// an attempt changes. Actions carry the reason typed above the table; the hub refuses them without one.
(() => {
  "use strict";
  const root = document.getElementById("console");
  const sessionId = root.dataset.session;
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const names = JSON.parse(document.getElementById("names").textContent);
  const $ = (id) => document.getElementById(id);
  let rows = [];
  let shownAt = performance.now();

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/operator")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 2000 })
    .build();
  connection.on("board", (board) => show(board));
  connection.onreconnecting(() => live(false));
  connection.onreconnected(() => watch());

  async function watch() {
    show(await connection.invoke("Watch", sessionId));
    live(true);
  }

  function live(on) {
    $("live").textContent = on ? texts.online : texts.offline;
    $("live").className = "connection " + (on ? "online" : "offline");
  }

  function show(board) {
    rows = board;
    shownAt = performance.now();
    render();
  }

  // Every push of the board redraws the rows; the operator working the table with the keyboard keeps the focus on
  // the same action of the same candidate (or on the action that replaced it, Resume for Pause).
  function render() {
    const tbody = $("roster").querySelector("tbody");
    const focused = tbody.contains(document.activeElement)
      ? { person: document.activeElement.closest("tr").dataset.person, action: document.activeElement.dataset.action }
      : null;
    tbody.replaceChildren(...rows.map((row) => {
      const name = names[row.personId] || row.personId;
      const actions = el("td", { class: "row-actions" });
      if (row.status === "InProgress") actions.append(button("Pause", texts.pause, name, () => act("Pause", row.personId)));
      if (row.status === "Paused") actions.append(button("Resume", texts.resume, name, () => act("Resume", row.personId)));
      if (row.status !== "Submitted") {
        actions.append(button("Extend", texts.extend, name, () => act("Extend", row.personId, Number($("minutes").value))));
        actions.append(button("Terminate", texts.terminate, name, () => confirm(texts.confirmTerminate) && act("Terminate", row.personId)));
      }
      return el("tr", { "data-person": row.personId },
        el("td", {}, name),
        el("td", { class: row.connected ? "ok" : "muted" }, row.connected ? texts.connected : texts.disconnected),
        el("td", { class: "status" }, texts[row.status] || row.status),
        el("td", { class: "num answered" }, `${row.answered} / ${row.questions}`),
        el("td", { class: "num remaining" }, remaining(row)),
        el("td", {}, row.lastActivity ? new Date(row.lastActivity).toLocaleTimeString("pl-PL") : "—"),
        el("td", {}, row.percent == null ? "—" : `${row.percent}% ${row.passed ? texts.passed : texts.failed}`),
        actions);
    }));
    if (focused) {
      const row = tbody.querySelector(`tr[data-person="${focused.person}"]`);
      (row?.querySelector(`[data-action="${focused.action}"]`) || row?.querySelector("button"))?.focus();
    }
  }

  function remaining(row) {
    const elapsed = Math.floor((performance.now() - shownAt) / 1000);
    const left = Math.max(0, row.remainingSeconds - (row.status === "InProgress" ? elapsed : 0));
    return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  }

  // The clocks only: redrawing the rows every second would pull the focus and a screen reader's reading position
  // out from under the operator.
  function tick() {
    for (const row of rows) {
      const cell = $("roster").querySelector(`tr[data-person="${row.personId}"] .remaining`);
      if (cell) cell.textContent = remaining(row);
    }
  }

  async function act(action, personId, minutes) {
    const reason = $("reason").value;
    try {
      const code = action === "Extend"
        ? await connection.invoke(action, sessionId, personId, minutes, reason)
        : await connection.invoke(action, sessionId, personId, reason);
      message(code);
    } catch (error) {
      message(error.message);
    }
  }

  function message(code) {
    $("message").hidden = !code;
    $("message").textContent = code ? (texts[code] || code) : "";
  }

  $("pause-all").addEventListener("click", async () => report(await connection.invoke("PauseAll", sessionId, true, $("reason").value)));
  $("resume-all").addEventListener("click", async () => report(await connection.invoke("PauseAll", sessionId, false, $("reason").value)));

  function report(refusals) {
    const codes = [...new Set(Object.values(refusals))];
    message(codes.length ? codes.map((c) => texts[c] || c).join(" ") : null);
  }

  // Named with the candidate too, since a screen reader lists the buttons of every row together.
  function button(action, label, candidate, handler) {
    const b = el("button", { type: "button", "data-action": action, "aria-label": `${label}: ${candidate}` }, label);
    b.addEventListener("click", handler);
    return b;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  setInterval(tick, 1000);
  connection.start().then(watch).catch(() => live(false));
})();

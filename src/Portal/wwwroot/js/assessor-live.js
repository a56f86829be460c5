// The panel's live view of a candidate's simulation. The page is drawn with the stream as it was; the assessors' hub then
// sends each new action with the checkers' verdicts after it, and the panel's notes whenever one is pinned. Actions are
// kept by sequence number: one already shown is ignored, and a gap (a push lost on the way) or a reconnection asks the
// hub for everything after the last action shown, so none is missed or shown twice.
(() => {
  "use strict";
  const root = document.getElementById("simulation-live");
  if (!root) return;
  const sessionId = root.dataset.session;
  const personId = root.dataset.person;
  const texts = JSON.parse(document.getElementById("live-texts").textContent);
  const names = JSON.parse(document.getElementById("live-names").textContent);
  const $ = (id) => document.getElementById(id);
  const stream = $("action-stream").querySelector("tbody");
  const format = (text, ...args) => text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  // Times as they are in Poland, whatever the assessor's computer thinks.
  const clock = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const minutes = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

  let last = Number(root.dataset.last);  // the highest action number shown; the stream has every one up to it
  let verdictsAt = last;                  // the action the verdicts shown come after
  let notes = null;                       // the panel's notes once the hub sent them (the page drew the first ones)
  let online = false;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/assessor")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(10000, 500 * 2 ** Math.min(c.previousRetryCount, 5)) })
    .build();

  connection.on("action", (update) => {
    if (update.action.sequence > last + 1) {
      catchUp();
      return;
    }
    add(update.action, true);
    showVerdicts(update.verdicts, update.action.sequence);
  });
  connection.on("notes", (all) => showNotes(all));
  connection.onreconnecting(() => connected(false));
  connection.onreconnected(() => catchUp());
  connection.onclose(() => { connected(false); setTimeout(start, 2000); });

  async function start() {
    try {
      await connection.start();
    } catch {
      connected(false);
      setTimeout(start, 2000);
      return;
    }
    await catchUp();
  }

  // Watching again is harmless: the hub keeps one watch per screen and answers with what came after `last`.
  async function catchUp() {
    const from = last;
    try {
      const result = await connection.invoke("Watch", sessionId, personId, from);
      for (const action of result.actions) add(action, false);
      showVerdicts(result.verdicts, result.actions.length ? result.actions[result.actions.length - 1].sequence : from);
      showNotes(result.notes);
      connected(true);
    } catch {
      // The call failed on its way (the connection dropped, the silo was busy): again shortly, while connected.
      connected(false);
      setTimeout(() => { if (connection.state === signalR.HubConnectionState.Connected) catchUp(); }, 2000);
    }
  }

  function connected(on) {
    online = on;
    $("live").textContent = on ? texts.online : texts.offline;
    $("live").className = "connection " + (on ? "online" : "offline");
    $("note-form").hidden = !on || last === 0;
    $("pin-note").disabled = !on;
    for (const pin of root.querySelectorAll("button.pin")) pin.hidden = !on;
  }

  function what(action) {
    return action.accepted ? action.summary : (texts.commands[action.command] || action.command);
  }

  function add(action, announce) {
    if (action.sequence !== last + 1) return;
    last = action.sequence;
    const at = new Date(action.at);
    const pin = el("button", { type: "button", class: "link pin", "data-sequence": action.sequence, "aria-label": format(texts.pin, action.sequence) }, texts.pinShort);
    pin.hidden = !online;
    const row = el("tr", { id: `action-${action.sequence}`, "data-sequence": action.sequence },
      el("td", {}, String(action.sequence)),
      el("td", {}, el("time", { datetime: action.at }, clock.format(at))),
      el("td", {}, what(action)),
      el("td", { class: "result" }, action.accepted ? texts.done : format(texts.refused, action.errors.join(" "))),
      el("td", { class: "notes" }, el("ul", { class: "notes-list" }), pin));
    if (!action.accepted) row.classList.add("refused");
    stream.prepend(row);
    $("note-action").prepend(el("option", { value: action.sequence }, format(texts.option, action.sequence, clock.format(at), what(action))));
    // Until the assessor starts writing, the note is about the newest action.
    if (!$("note-text").value) $("note-action").value = String(action.sequence);
    $("no-actions").hidden = true;
    $("note-form").hidden = !online;
    if (notes) showNotes(notes);
    if (announce) $("live-announce").textContent = format(texts.newAction, what(action));
  }

  // Verdicts older than those shown (a late push) are not shown over newer ones.
  function showVerdicts(verdicts, after) {
    if (after < verdictsAt) return;
    verdictsAt = after;
    for (const verdict of verdicts) {
      const row = $("verdicts").querySelector(`tr[data-criterion="${verdict.criterionId}"]`);
      if (!row) continue;
      row.dataset.verdict = verdict.verdict;
      const status = row.querySelector(".verdict");
      status.className = `verdict verdict-${verdict.verdict}`;
      status.textContent = texts[verdict.verdict] || verdict.verdict;
      // The evidence stays open for an assessor who opened it.
      const evidence = row.querySelector(".evidence");
      const open = evidence.querySelector("details")?.open === true;
      if (!verdict.evidence.length) {
        evidence.replaceChildren(el("p", {}, verdict.summary));
        continue;
      }
      const details = el("details", {}, el("summary", {}, verdict.summary), el("ul", { class: "small" }, ...verdict.evidence.map((e) =>
        e.sequence == null ? el("li", {}, e.text) : el("li", {}, `${e.text} `, el("a", { href: `#action-${e.sequence}` }, `#${e.sequence}`)))));
      details.open = open;
      evidence.replaceChildren(details);
    }
  }

  function showNotes(all) {
    notes = all;
    for (const list of stream.querySelectorAll(".notes-list")) list.replaceChildren();
    for (const note of all) {
      const list = stream.querySelector(`#action-${note.actionSequence} .notes-list`);
      if (!list) continue;
      list.append(el("li", {},
        el("strong", {}, names[note.by] || note.by), ", ",
        el("time", { datetime: note.at }, minutes.format(new Date(note.at))), ": ",
        el("span", { class: "prewrap" }, note.text)));
    }
  }

  // A pin in the stream picks its action in the form below and puts the cursor in the note.
  root.addEventListener("click", (event) => {
    const pin = event.target.closest("button.pin");
    if (!pin) return;
    $("note-action").value = pin.dataset.sequence;
    $("note-text").focus();
  });

  $("note-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const sequence = Number($("note-action").value);
    $("pin-note").disabled = true;
    try {
      const code = await connection.invoke("Note", sessionId, personId, sequence, $("note-text").value);
      message(code ? texts[code] || code : format(texts.noteSaved, sequence), !code);
      if (!code) $("note-text").value = "";
    } catch {
      message(texts.noteFailed, false);
    } finally {
      $("pin-note").disabled = !online;
    }
  });

  function message(text, ok) {
    $("note-message").textContent = text;
    $("note-message").className = ok ? "ok" : "error";
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  start();
})();

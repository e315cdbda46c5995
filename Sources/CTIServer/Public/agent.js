// Agent desktop: pops, state, call controls, tickets and wrap-up over /ws/agent.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = CTI.el;
  let connection = null, call = null, requestCounter = 0;
  const pending = new Map();

  const lastSeq = () => {
    const value = sessionStorage.getItem("cti.lastSeq");
    return value == null ? null : Number(value);
  };
  const log = (text) => {
    const line = el("div", {}, new Date().toLocaleTimeString() + "  " + text);
    $("log").prepend(line);
  };

  function start(grant) {
    $("login").hidden = true;
    $("desk").hidden = false;
    $("sign-out").hidden = false;
    $("who").textContent = grant.principal.displayName;
    connection = CTI.socket("/ws/agent", {
      token: grant.token,
      lastSeq: () => lastSeq(),
      onStatus: (state, event) => {
        $("conn").dataset.state = state;
        $("conn").textContent = state === "live" ? "connected" : state;
        if (event && event.code === 1008) { CTI.clearSession(); location.reload(); }
      },
      onFrame: handle,
    });
  }

  function handle(frame) {
    switch (frame.type) {
      case "welcome":
        // A fresh session starts from now; a reconnect has already asked for what it missed.
        if (lastSeq() == null) sessionStorage.setItem("cti.lastSeq", String(frame.data.lastSeq));
        log("connected as " + frame.data.displayName + " (last message " + frame.data.lastSeq + ")");
        return;
      case "reply": {
        const resolve = pending.get(frame.data.id);
        pending.delete(frame.data.id);
        if (resolve) resolve(frame.data);
        if (!frame.data.ok) log(frame.data.action + " refused: " + (frame.data.error ? frame.data.error.message : "error"));
        return;
      }
      case "error": log("server: " + frame.data.message); return;
      case "ack": case "wallboard": return;
    }
    if (typeof frame.seq === "number") {
      const seen = lastSeq() ?? 0;
      if (frame.seq <= seen) return; // already shown (a replay overlapping a live frame)
      render(frame);
      sessionStorage.setItem("cti.lastSeq", String(frame.seq));
      $("last-seq").textContent = String(frame.seq);
      connection.send("ack", { seq: frame.seq });
    }
  }

  function setPhase(phase, text) {
    $("call-status").dataset.phase = phase;
    $("call-status").textContent = text;
    const onCall = phase === "connected";
    for (const id of ["btn-hold", "btn-unhold", "btn-hangup", "btn-transfer"]) $(id).disabled = !onCall;
  }

  function render(frame) {
    const data = frame.data;
    switch (frame.type) {
      case "offer":
        call = data;
        showPop(data);
        $("wrapup").hidden = true;
        setPhase("offer", "Incoming call · " + data.queue);
        log("offer " + data.callID + " from " + data.callerNumber);
        break;
      case "connected":
        call = data;
        showPop(data);
        setPhase("connected", "Connected · " + (data.callerName || data.callerNumber));
        log("connected " + data.callID);
        break;
      case "callEnded":
        setPhase("ended", "Call ended (" + data.reason + ", talked " + CTI.duration(data.talkSeconds) + ")");
        log("call ended " + data.callID);
        break;
      case "wrapUp":
        setPhase("wrapUp", "Wrap-up · choose a disposition");
        showWrapUp(data);
        log("wrap-up " + data.callID);
        break;
      case "stateChanged": {
        const badge = $("agent-state");
        badge.className = "badge state-" + data.state;
        badge.textContent = data.state.replace("-", " ") + (data.reason ? " · " + data.reason : "");
        if (data.state === "ready" && $("call-status").dataset.phase !== "offer") { setPhase("idle", "Waiting for calls"); $("wrapup").hidden = true; }
        log("state " + data.state + (data.reason ? " (" + data.reason + ")" : ""));
        break;
      }
    }
  }

  function showPop(pop) {
    $("pop").hidden = false;
    $("caller-number").textContent = pop.callerNumber;
    $("caller-name").textContent = pop.callerName || "Unknown caller";
    $("dnis").textContent = pop.dnis;
    $("queue").textContent = pop.queue;
    $("wait").textContent = CTI.duration(pop.waitSeconds);
    $("recording").textContent = pop.recordingID || "—";
    const crm = $("crm-link");
    crm.hidden = !pop.crmURL;
    if (pop.crmURL) crm.href = pop.crmURL;
    $("ivr-path").replaceChildren(el("span", { class: "muted" }, "IVR "), ...pop.ivrPath.map((step) => el("span", { class: "chip step" }, step)));
    const digits = Object.entries(pop.collectedDigits || {});
    $("digits").replaceChildren(...(digits.length ? [el("span", { class: "muted" }, "Entered "), ...digits.map(([k, v]) => el("span", { class: "chip" }, k + ": " + v))] : []));
    const customer = pop.customer;
    $("customer").replaceChildren(...(customer ? [
      el("h3", { id: "customer-name" }, customer.name, customer.vip ? el("span", { class: "badge vip" }, "VIP") : null),
      el("div", { class: "company" }, (customer.company || "") + " · customer " + customer.id),
      el("div", { class: "chips" }, ...customer.tags.map((tag) => el("span", { class: "chip" }, tag))),
      customer.notes ? el("div", { class: "notes" }, customer.notes) : null,
    ] : [el("p", { class: "empty", id: "customer-name" }, "No customer record matches this number")]));
    $("tickets").replaceChildren(...(pop.openTickets.length ? pop.openTickets.map((t) => el("li", {},
      el("div", { class: "title" }, t.id + " · " + t.subject),
      el("div", { class: "meta" }, el("span", { class: t.priority === "high" ? "prio-high" : "" }, t.priority), " · " + t.status + " · updated " + new Date(t.updatedAt * 1000).toLocaleDateString()),
    )) : [el("li", { class: "empty" }, "No open tickets")]));
    $("history").replaceChildren(...(pop.lastInteractions.length ? pop.lastInteractions.map((i) => el("li", {},
      el("div", { class: "title" }, i.channel + (i.disposition ? " · " + i.disposition : "")),
      el("div", { class: "meta" }, new Date(i.at * 1000).toLocaleString() + (i.agentName ? " · " + i.agentName : "")),
      i.note ? el("div", {}, i.note) : null,
    )) : [el("li", { class: "empty" }, "No earlier contact")]));
  }

  function showWrapUp(wrap) {
    $("wrapup").hidden = false;
    $("disposition").replaceChildren(...wrap.dispositions.map((d) => el("option", {}, d)));
    $("wrapup-timer").textContent = "Up to " + CTI.duration(wrap.seconds);
    $("disposition").focus();
  }

  function act(action) {
    const id = "r" + ++requestCounter;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (!connection || !connection.send("action", { id, action })) {
        pending.delete(id);
        resolve({ ok: false, error: { message: "not connected" } });
      }
    });
  }
  const queues = () => $("queues").value.split(",").map((q) => q.trim()).filter(Boolean);

  $("btn-ready").onclick = () => act({ action: "ready" });
  $("btn-pause").onclick = () => act({ action: "pause", reason: $("pause-reason").value });
  $("btn-login").onclick = () => act({ action: "login", queues: queues() });
  $("btn-logout").onclick = () => act({ action: "logout", queues: queues() });
  $("btn-hold").onclick = () => call && act({ action: "hold", callID: call.callID });
  $("btn-unhold").onclick = () => call && act({ action: "unhold", callID: call.callID });
  $("btn-hangup").onclick = () => call && act({ action: "hangUp", callID: call.callID });
  $("btn-transfer").onclick = () => {
    const destination = $("transfer-to").value.trim();
    if (call && destination) act({ action: "blindTransfer", callID: call.callID, destination });
  };
  $("wrapup-form").onsubmit = async (event) => {
    event.preventDefault();
    if (!call) return;
    const note = $("wrapup-note").value.trim();
    const reply = await act({ action: "setDisposition", callID: call.callID, disposition: $("disposition").value, ...(note ? { note } : {}) });
    if (reply.ok) { await act({ action: "endWrapUp" }); $("wrapup").hidden = true; $("wrapup-note").value = ""; }
  };
  $("ticket-form").onsubmit = async (event) => {
    event.preventDefault();
    const reply = await act({
      action: "createTicket", subject: $("ticket-subject").value, description: $("ticket-description").value,
      priority: $("ticket-priority").value, ...(call ? { callID: call.callID } : {}),
    });
    $("ticket-result").textContent = reply.ok ? "Created " + reply.result.ticketID : "Could not create: " + reply.error.message;
    if (reply.ok) $("ticket-form").reset();
  };
  $("login-form").onsubmit = async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    try { start(await CTI.login($("username").value, $("password").value)); } catch (error) { $("login-error").textContent = error.message; }
  };
  $("sign-out").onclick = () => { if (connection) connection.stop(); CTI.clearSession(); location.reload(); };

  const grant = CTI.session();
  if (grant) start(grant); else $("username").focus();
})();

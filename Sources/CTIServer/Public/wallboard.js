// Supervisor wallboard: queue and agent figures from /ws/supervisor, with small inline SVG charts.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = CTI.el;
  const SVG = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs) => { const node = document.createElementNS(SVG, tag); for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v); return node; };
  const colours = { ready: "#1b8a4b", offered: "#6a3fb5", "on-call": "#1f5fbf", "wrap-up": "#8e3b9d", paused: "#d48a00", "logged-out": "#a3adba" };
  const history = [];

  function render(snapshot) {
    $("updated").textContent = "Updated " + new Date(snapshot.generatedAt * 1000).toLocaleTimeString();
    const queues = snapshot.queues;
    const waiting = queues.reduce((sum, q) => sum + q.waiting, 0);
    const longest = queues.reduce((max, q) => Math.max(max, q.longestWaitSeconds), 0);
    const answered = queues.reduce((sum, q) => sum + q.answeredToday, 0);
    const weighted = queues.filter((q) => q.serviceLevelToday != null);
    const sl = weighted.length ? weighted.reduce((s, q) => s + q.serviceLevelToday * q.answeredToday, 0) / Math.max(1, weighted.reduce((s, q) => s + q.answeredToday, 0)) : null;
    $("kpi-waiting").textContent = waiting;
    $("kpi-longest").textContent = CTI.duration(longest);
    $("kpi-longest").classList.toggle("alert", longest > 60);
    $("kpi-sl").textContent = sl == null ? "–" : Math.round(sl * 100) + "%";
    $("kpi-sl").classList.toggle("alert", sl != null && sl < 0.8);
    $("kpi-ready").textContent = snapshot.agentsByState.ready ?? 0;
    void answered;

    $("queues").tBodies[0].replaceChildren(...queues.map((q) => {
      const level = q.serviceLevelToday;
      return el("tr", { class: q.longestWaitSeconds > 60 ? "hot" : "" },
        el("th", { scope: "row" }, q.name),
        el("td", { class: "num" }, q.waiting),
        el("td", { class: "num" }, CTI.duration(q.longestWaitSeconds)),
        el("td", {}, level == null ? "–" : el("span", {}, el("span", { class: "slbar" + (level < 0.8 ? " low" : "") }, el("span", { style: "width:" + Math.round(level * 100) + "%" })), Math.round(level * 100) + "%")),
        el("td", { class: "num" }, q.answeredToday),
        el("td", { class: "num" }, q.abandonedToday),
        el("td", { class: "num" }, q.agentsReady));
    }));

    $("agents").tBodies[0].replaceChildren(...snapshot.agents.map((a) => el("tr", {},
      el("th", { scope: "row" }, a.name),
      el("td", {}, el("span", { class: "badge state-" + a.state }, a.state.replace("-", " ") + (a.reason ? " · " + a.reason : ""))),
      el("td", { class: "num" }, CTI.duration(a.secondsInState)))));

    drawDonut(snapshot.agentsByState);
    history.push({ at: snapshot.generatedAt, waiting });
    while (history.length && history[0].at < snapshot.generatedAt - 600) history.shift();
    drawTrend();
  }

  function drawDonut(counts) {
    const donut = $("donut");
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const radius = 46, circumference = 2 * Math.PI * radius;
    donut.replaceChildren(svg("circle", { cx: 60, cy: 60, r: radius, fill: "none", stroke: "#eef2f7", "stroke-width": 18 }));
    let offset = 0;
    for (const [state, colour] of Object.entries(colours)) {
      const count = counts[state] || 0;
      if (!count || !total) continue;
      const length = (count / total) * circumference;
      donut.append(svg("circle", { cx: 60, cy: 60, r: radius, fill: "none", stroke: colour, "stroke-width": 18,
        "stroke-dasharray": length + " " + (circumference - length), "stroke-dashoffset": -offset, transform: "rotate(-90 60 60)" }));
      offset += length;
    }
    const label = svg("text", { x: 60, y: 66, "text-anchor": "middle", "font-size": 22, "font-weight": 650, fill: "#1c2430" });
    label.textContent = total;
    donut.append(label);
    $("legend").replaceChildren(...Object.entries(colours).map(([state, colour]) =>
      el("span", { style: "--c:" + colour }, state.replace("-", " ") + " " + (counts[state] || 0))));
  }

  function drawTrend() {
    const chart = $("trend");
    const width = 600, height = 120, pad = 18;
    const max = Math.max(4, ...history.map((p) => p.waiting));
    const end = history.length ? history[history.length - 1].at : 0;
    const x = (at) => pad + ((at - (end - 600)) / 600) * (width - 2 * pad);
    const y = (value) => height - pad - (value / max) * (height - 2 * pad);
    chart.replaceChildren(
      svg("line", { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: "#dfe4ea" }),
      svg("line", { x1: pad, y1: pad, x2: width - pad, y2: pad, stroke: "#eef2f7", "stroke-dasharray": "4 4" }));
    const top = svg("text", { x: pad, y: pad - 4, "font-size": 11, fill: "#5d6b7c" });
    top.textContent = max + " waiting";
    chart.append(top);
    if (history.length > 1) {
      const points = history.map((p) => x(p.at) + "," + y(p.waiting)).join(" ");
      chart.append(svg("polygon", { points: x(history[0].at) + "," + (height - pad) + " " + points + " " + x(end) + "," + (height - pad), fill: "rgba(31,95,191,.12)" }));
      chart.append(svg("polyline", { points, fill: "none", stroke: "#1f5fbf", "stroke-width": 2 }));
    }
  }

  function start(grant) {
    $("login").hidden = true;
    $("board").hidden = false;
    $("who").textContent = grant.principal.displayName;
    CTI.socket("/ws/supervisor", {
      token: grant.token,
      lastSeq: () => null,
      onStatus: (state, event) => {
        $("conn").dataset.state = state;
        $("conn").textContent = state === "live" ? "live" : state;
        if (event && event.code === 1008) { CTI.clearSession(); $("login").hidden = false; $("board").hidden = true; $("login-error").textContent = "Signed out: " + (event.reason || "not allowed"); }
      },
      onFrame: (frame) => { if (frame.type === "wallboard") render(frame.data); },
    });
  }

  $("login-form").onsubmit = async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    try { start(await CTI.login($("username").value, $("password").value)); } catch (error) { $("login-error").textContent = error.message; }
  };
  const grant = CTI.session();
  if (grant) start(grant); else $("username").focus();
})();

// Shared by the agent desktop and the wallboard: session storage, REST calls, a self-healing socket.
"use strict";
const CTI = {
  session() {
    try { return JSON.parse(sessionStorage.getItem("cti.session") || "null"); } catch { return null; }
  },
  saveSession(grant) { sessionStorage.setItem("cti.session", JSON.stringify(grant)); },
  clearSession() { sessionStorage.removeItem("cti.session"); sessionStorage.removeItem("cti.lastSeq"); },
  async login(username, password) {
    const response = await fetch("/api/session", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(response.status === 401 ? "Wrong username or password" : "Sign-in failed (" + response.status + ")");
    const grant = await response.json();
    CTI.saveSession(grant);
    return grant;
  },
  el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "class") node.className = value; else if (key === "style") node.style.cssText = value; else node.setAttribute(key, value);
    }
    for (const child of children) if (child != null) node.append(child instanceof Node ? child : String(child));
    return node;
  },
  duration(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    const m = Math.floor(seconds / 60), s = seconds % 60;
    return m > 0 ? m + "m " + String(s).padStart(2, "0") + "s" : s + "s";
  },
  // Opens `path`, authenticates with the first frame, reconnects with backoff; `onFrame` gets parsed frames.
  socket(path, { token, lastSeq, onFrame, onStatus }) {
    let socket = null, attempt = 0, stopped = false;
    const open = () => {
      onStatus("connecting");
      const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
      socket = new WebSocket(url);
      socket.onopen = () => {
        attempt = 0;
        const data = { token };
        const seq = lastSeq();
        if (seq != null) data.lastSeq = seq;
        socket.send(JSON.stringify({ v: 1, type: "auth", data }));
        onStatus("live");
      };
      socket.onmessage = (event) => {
        let frame;
        try { frame = JSON.parse(event.data); } catch { return; }
        onFrame(frame);
      };
      socket.onclose = (event) => {
        onStatus("offline", event);
        if (stopped || event.code === 1008) return;
        const delay = Math.min(10000, 500 * 2 ** attempt++) * (0.75 + Math.random() / 2);
        setTimeout(open, delay);
      };
    };
    open();
    return {
      send(type, data) {
        if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify({ v: 1, type, data })); return true; }
        return false;
      },
      stop() { stopped = true; if (socket) socket.close(1000); },
    };
  },
};

// The QA page: evaluators' work list, recording player with a comment timeline, scorecard form
// with the live total, submit; agents' own evaluations with acknowledge / dispute.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = CTI.el;
  const state = { grant: null, card: null, evaluation: null };

  const clock = (seconds) => {
    seconds = Math.max(0, Math.floor(seconds || 0));
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  };

  async function api(method, path, body) {
    const headers = { Authorization: "Bearer " + state.grant.token };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) { signOut(); throw new Error("Your session has ended; sign in again."); }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (data && data.error) || {};
      const problems = (error.fields || []).map((p) => p.field + ": " + p.problem).join("; ");
      throw new Error((error.message || "Request failed (" + response.status + ")") + (problems ? " — " + problems : ""));
    }
    return data;
  }

  // Points the player at a short-lived playback link (POST …/playback with the bearer token):
  // the <audio> element then streams the file itself with Range requests; the session token never
  // goes into a URL. An expired link (a seek after its lifetime) is renewed once and playback resumes.
  async function loadAudio(player, recordingID) {
    player.dataset.recording = recordingID || "";
    player.dataset.renewedAt = "";
    player.removeAttribute("src");
    if (!recordingID) return;
    try {
      const link = await api("POST", "/api/recordings/" + encodeURIComponent(recordingID) + "/playback");
      if (player.dataset.recording === recordingID) player.src = link.url;
    } catch (error) {
      say("The recording cannot be played: " + error.message);
    }
  }

  async function renewAudio(player) {
    const recordingID = player.dataset.recording;
    const last = Number(player.dataset.renewedAt || 0);
    if (!recordingID || !state.grant || Date.now() - last < 10000) return;
    player.dataset.renewedAt = String(Date.now());
    const at = player.currentTime || 0;
    const playing = !player.paused;
    try {
      const link = await api("POST", "/api/recordings/" + encodeURIComponent(recordingID) + "/playback");
      if (player.dataset.recording !== recordingID) return;
      player.src = link.url;
      player.addEventListener("loadedmetadata", () => {
        player.currentTime = at;
        if (playing) player.play().catch(() => {});
      }, { once: true });
    } catch (error) {
      say("The recording cannot be played: " + error.message);
    }
  }

  function say(text) { $("qa-message").textContent = text; }

  function renderTimeline(list, bar, comments, duration, player) {
    list.replaceChildren(...comments.map((comment) => {
      const seek = el("button", { type: "button", class: "at", "aria-label": "Play from " + clock(comment.offsetSeconds) }, clock(comment.offsetSeconds));
      seek.addEventListener("click", () => { player.currentTime = comment.offsetSeconds; player.play().catch(() => {}); });
      return el("li", { "data-offset": String(comment.offsetSeconds) }, seek, el("span", {}, comment.text));
    }));
    if (bar) {
      bar.replaceChildren(...comments.map((comment) =>
        el("span", { style: "left:" + Math.min(100, (comment.offsetSeconds / Math.max(1, duration || 1)) * 100) + "%", title: comment.text })));
    }
  }

  // ---------- Evaluator view ----------

  async function loadWorklist() {
    const items = await api("GET", "/api/qa/worklist");
    $("worklist").replaceChildren(...items.map((item) => {
      const button = el("button", { type: "button", "data-call": item.callID }, item.draftID ? "Continue" : "Score");
      button.addEventListener("click", () => openCall(item).catch((error) => say(error.message)));
      return el("tr", {},
        el("td", {}, item.callID, el("div", { class: "muted" }, item.queue || "", item.durationSeconds != null ? " · " + CTI.duration(item.durationSeconds) : "")),
        el("td", {}, item.agentID), el("td", {}, item.reason), el("td", {}, button));
    }));
    $("worklist-empty").hidden = items.length > 0;
  }

  async function loadMine() {
    const me = sessionStorage.getItem("qa.username");
    const list = await api("GET", "/api/qa/evaluations" + (me ? "?evaluator=" + encodeURIComponent(me) : ""));
    $("my-evaluations").replaceChildren(...list.map((evaluation) => {
      const open = el("button", { type: "button" }, "Open");
      open.addEventListener("click", () => openEvaluation(evaluation.id).catch((error) => say(error.message)));
      return el("li", { "data-evaluation": evaluation.id },
        el("div", { class: "title" }, evaluation.callID + " · " + evaluation.agentID + " ",
          el("span", { class: "badge" }, evaluation.state)),
        el("div", { class: "meta" }, evaluation.score ? QAScoring.format(evaluation.score.percent) : "not scored yet", " "), open);
    }));
  }

  async function openCall(item) {
    if (item.draftID) return openEvaluation(item.draftID);
    const cards = await api("GET", "/api/qa/scorecards");
    if (cards.length === 0) { say("No scorecard is published yet."); return; }
    const evaluation = await api("POST", "/api/qa/evaluations", { callID: item.callID, scorecardID: cards[0].id });
    await showEvaluation(evaluation);
    await loadWorklist();
  }

  async function openEvaluation(id) { await showEvaluation(await api("GET", "/api/qa/evaluations/" + encodeURIComponent(id))); }

  async function showEvaluation(evaluation) {
    state.evaluation = evaluation;
    state.card = await api("GET", "/api/qa/scorecards/" + encodeURIComponent(evaluation.scorecardID) + "?version=" + evaluation.scorecardVersion);
    const recording = evaluation.recordingID ? await api("GET", "/api/recordings/" + encodeURIComponent(evaluation.recordingID)) : null;
    state.duration = recording ? recording.durationSeconds : null;
    $("recording-info").textContent = "Call " + evaluation.callID + " · agent " + evaluation.agentID +
      (recording ? " · " + (recording.queue || "") + " · " + CTI.duration(recording.durationSeconds) : "");
    await loadAudio($("audio"), evaluation.recordingID);
    renderForm();
    showStatus();
    say("");
  }

  function showStatus() {
    const evaluation = state.evaluation;
    const draft = evaluation.state === "draft";
    const status = $("eval-status");
    status.dataset.state = evaluation.state;
    status.textContent = state.card.name + " v" + state.card.version + " · " + evaluation.state +
      (evaluation.score ? " · scored " + QAScoring.format(evaluation.score.percent) : "");
    for (const input of $("scorecard-form").querySelectorAll("input")) input.disabled = !draft;
    $("btn-save").disabled = !draft;
    $("btn-submit").disabled = !draft;
    $("comment-text").disabled = !draft;
    $("comment-add").disabled = !draft;
    renderTimeline($("timeline"), $("timeline-bar"), evaluation.comments, state.duration, $("audio"));
  }

  function renderForm() {
    const card = state.card, answers = state.evaluation.answers || {};
    const parts = [];
    for (const section of card.sections) {
      parts.push(el("h3", { class: "section-title" }, section.title));
      for (const question of section.questions) {
        const name = "q-" + question.id;
        const options = [];
        const scale = question.kind && question.kind.scale ? question.kind.scale.max : null;
        if (scale == null) options.push(["yes", "Yes"], ["no", "No"]);
        else for (let v = 0; v <= scale; v++) options.push([String(v), String(v)]);
        if (question.allowsNA) options.push(["na", "N/A"]);
        const current = answers[question.id];
        const choices = options.map(([value, label]) => {
          const input = el("input", { type: "radio", name, value, "data-question": question.id });
          if (current !== undefined && String(current) === value) input.checked = true;
          return el("label", {}, input, label);
        });
        parts.push(el("fieldset", { class: "question", "data-question": question.id },
          el("legend", {}, question.text + " (" + question.points + " pts)"),
          question.critical !== "none" ? el("div", { class: "critical" }, question.critical === "form" ? "Critical: fails the form" : "Critical: zeroes the section") : null,
          el("div", { class: "choices" }, ...choices)));
      }
    }
    $("scorecard-questions").replaceChildren(...parts);
    $("scorecard-form").hidden = false;
    $("form-error").textContent = "";
    updateTotal();
  }

  function formAnswers() {
    const answers = {};
    for (const input of $("scorecard-form").querySelectorAll("input[type=radio]:checked")) {
      const value = input.value;
      answers[input.dataset.question] = /^[0-9]+$/.test(value) ? Number(value) : value;
    }
    return answers;
  }

  function updateTotal() {
    const result = QAScoring.score(state.card, formAnswers());
    const output = $("live-total");
    output.textContent = QAScoring.format(result.percent) + (result.complete ? "" : " (partial)");
    output.dataset.percent = result.percent === null ? "" : String(result.percent);
    output.dataset.complete = String(result.complete);
    const verdict = $("live-verdict");
    verdict.textContent = result.autoFailed ? "auto-fail" : (result.passed ? "pass" : "below " + state.card.passingMark + " %");
    verdict.className = "badge " + (result.passed ? "pass" : "fail");
  }

  async function saveDraft() {
    state.evaluation = await api("PUT", "/api/qa/evaluations/" + encodeURIComponent(state.evaluation.id), { answers: formAnswers() });
    showStatus();
  }

  async function submit() {
    await saveDraft();
    state.evaluation = await api("POST", "/api/qa/evaluations/" + encodeURIComponent(state.evaluation.id) + "/submit");
    showStatus();
    say("Submitted: " + QAScoring.format(state.evaluation.score.percent) + ".");
    await Promise.all([loadWorklist(), loadMine()]);
  }

  // ---------- Agent view ----------

  async function loadAgentEvaluations() {
    const list = await api("GET", "/api/qa/evaluations");
    $("agent-evaluations").replaceChildren(...list.map((evaluation) => {
      const open = el("button", { type: "button", "data-evaluation": evaluation.id }, "View");
      open.addEventListener("click", () => showAgentEvaluation(evaluation.id).catch((error) => ($("agent-error").textContent = error.message)));
      return el("li", {},
        el("div", { class: "title" }, "Call " + evaluation.callID + " ", el("span", { class: "badge" }, evaluation.state)),
        el("div", { class: "meta" }, QAScoring.format(evaluation.score && evaluation.score.percent)), open);
    }));
    $("agent-empty").hidden = list.length > 0;
  }

  async function showAgentEvaluation(id) {
    const evaluation = await api("GET", "/api/qa/evaluations/" + encodeURIComponent(id));
    const card = await api("GET", "/api/qa/scorecards/" + encodeURIComponent(evaluation.scorecardID) + "?version=" + evaluation.scorecardVersion);
    state.evaluation = evaluation;
    $("agent-detail").hidden = false;
    $("agent-error").textContent = "";
    $("agent-score").textContent = card.name + ": " + QAScoring.format(evaluation.score && evaluation.score.percent) +
      (evaluation.score && evaluation.score.autoFailed ? " (auto-fail)" : "") + " · " + evaluation.state;
    $("agent-score").dataset.state = evaluation.state;
    const scores = Object.fromEntries(((evaluation.score && evaluation.score.questions) || []).map((q) => [q.questionID, q]));
    const questions = card.sections.flatMap((section) => section.questions);
    $("agent-answers").replaceChildren(...questions.map((question) => {
      const score = scores[question.id] || {};
      return el("tr", {}, el("td", {}, question.text), el("td", {}, String(evaluation.answers[question.id] ?? "")),
        el("td", { class: "num" }, score.earned == null ? "N/A" : score.earned.toFixed(1) + " / " + score.possible));
    }));
    const below = questions.filter((q) => { const s = scores[q.id]; return s && s.earned != null && s.earned < s.possible; });
    $("dispute-questions").replaceChildren(...below.map((question) =>
      el("label", {}, el("input", { type: "checkbox", value: question.id, name: "dispute-question" }), question.text)));
    $("agent-actions").hidden = evaluation.state !== "submitted";
    $("btn-dispute").disabled = below.length === 0;
    await loadAudio($("agent-audio"), evaluation.recordingID);
    renderTimeline($("agent-timeline"), null, evaluation.comments, null, $("agent-audio"));
  }

  async function agentStep(path, body) {
    try {
      await api("POST", "/api/qa/evaluations/" + encodeURIComponent(state.evaluation.id) + path, body);
      await showAgentEvaluation(state.evaluation.id);
      await loadAgentEvaluations();
    } catch (error) {
      $("agent-error").textContent = error.message;
    }
  }

  // ---------- Session ----------

  function signOut() {
    CTI.clearSession();
    sessionStorage.removeItem("qa.username");
    location.reload();
  }

  async function start(grant) {
    state.grant = grant;
    $("login").hidden = true;
    $("qa-main").hidden = false;
    $("sign-out").hidden = false;
    $("who").textContent = grant.principal.displayName;
    const agent = grant.principal.role === "agent";
    $("agent-view").hidden = !agent;
    $("staff-view").hidden = agent;
    try {
      if (agent) await loadAgentEvaluations(); else await Promise.all([loadWorklist(), loadMine()]);
      document.body.dataset.ready = "true";
    } catch (error) {
      say(error.message);
    }
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    try {
      const username = $("username").value.trim();
      const grant = await CTI.login(username, $("password").value);
      sessionStorage.setItem("qa.username", username);
      await start(grant);
    } catch (error) {
      $("login-error").textContent = error.message;
    }
  });
  $("sign-out").addEventListener("click", signOut);
  $("scorecard-form").addEventListener("change", updateTotal);
  $("scorecard-form").addEventListener("submit", (event) => {
    event.preventDefault();
    submit().catch((error) => ($("form-error").textContent = error.message));
  });
  $("btn-save").addEventListener("click", () => saveDraft().then(() => say("Draft saved.")).catch((error) => ($("form-error").textContent = error.message)));
  for (const player of [$("audio"), $("agent-audio")]) player.addEventListener("error", () => renewAudio(player));
  $("audio").addEventListener("timeupdate", () => ($("comment-at").textContent = clock($("audio").currentTime)));
  $("comment-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("comment-text").value.trim();
    if (!text || !state.evaluation) return;
    try {
      state.evaluation = await api("PUT", "/api/qa/evaluations/" + encodeURIComponent(state.evaluation.id), {
        comments: [{ offsetSeconds: Math.round(($("audio").currentTime || 0) * 10) / 10, text }],
      });
      $("comment-text").value = "";
      showStatus();
    } catch (error) {
      $("form-error").textContent = error.message;
    }
  });
  $("btn-ack").addEventListener("click", () => agentStep("/acknowledge"));
  $("dispute-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const questionIDs = [...document.querySelectorAll("input[name=dispute-question]:checked")].map((input) => input.value);
    agentStep("/dispute", { questionIDs, reason: $("dispute-reason").value });
  });

  const existing = CTI.session();
  if (existing) start(existing);
})();

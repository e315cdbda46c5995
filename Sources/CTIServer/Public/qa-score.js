// The QA scoring rules of CTICore's QAScorer, in the browser, for the live total.
// Modes: points, sectionWeighted, pointsTimesWeight; N/A leaves both sides; section-critical
// failures zero their section, form-critical failures zero the form (raw score kept).
"use strict";
const QAScoring = {
  // answers: { questionID: "yes" | "no" | "na" | number }; unanswered questions are left out
  // (so the total is partial until every question is answered: `complete` says which).
  score(card, answers) {
    let autoFailed = false, complete = true;
    const sections = card.sections.map((section) => {
      const tally = { weight: section.weight, earned: 0, possible: 0, weightedEarned: 0, weightedPossible: 0, zeroed: false };
      for (const question of section.questions) {
        const answer = answers[question.id];
        if (answer === undefined || answer === null || answer === "") { complete = false; continue; }
        const scale = question.kind && question.kind.scale ? question.kind.scale.max : null;
        let earned = null;
        if (answer === "na") earned = null;
        else if (answer === "yes") earned = question.points;
        else if (answer === "no") earned = 0;
        else if (scale != null) earned = question.points * Number(answer) / scale;
        const failed = answer === "no" || (typeof answer === "number" && answer === 0);
        if (failed && question.critical === "section") tally.zeroed = true;
        if (failed && question.critical === "form") autoFailed = true;
        if (earned === null) continue;
        const weight = question.weight != null ? question.weight : section.weight;
        tally.earned += earned; tally.possible += question.points;
        tally.weightedEarned += earned * weight; tally.weightedPossible += question.points * weight;
      }
      return tally;
    });
    const form = (applyCritical) => {
      if (card.mode === "sectionWeighted") {
        let weighted = 0, weights = 0;
        for (const s of sections) {
          if (s.possible <= 0) continue;
          weighted += s.weight * (applyCritical && s.zeroed ? 0 : s.earned / s.possible * 100);
          weights += s.weight;
        }
        return weights > 0 ? weighted / weights : null;
      }
      const weightedMode = card.mode === "pointsTimesWeight";
      const possible = sections.reduce((sum, s) => sum + (weightedMode ? s.weightedPossible : s.possible), 0);
      if (possible <= 0) return null;
      const earned = sections.reduce((sum, s) => sum + (applyCritical && s.zeroed ? 0 : (weightedMode ? s.weightedEarned : s.earned)), 0);
      return earned / possible * 100;
    };
    const rawPercent = form(false);
    let percent = form(true);
    if (autoFailed && percent !== null) percent = 0;
    return { percent, rawPercent, autoFailed, complete, passed: percent !== null && percent >= card.passingMark - 1e-9 };
  },
  format(percent) { return percent === null || percent === undefined ? "N/A" : percent.toFixed(2) + " %"; },
};

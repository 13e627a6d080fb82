/** Two reports side by side: per instance whether each resolved it, and their summaries' figures. */
import type { Report } from "./report.ts";

const FIGURES: { label: string; pick: (report: Report) => string }[] = [
  {
    label: "resolved",
    pick: (report) => `${report.summary.resolved}/${report.summary.instances} (${Math.round(report.summary.resolvedRate * 1000) / 10}%)`,
  },
  { label: "tokens in / out", pick: (report) => `${report.summary.promptTokens} / ${report.summary.completionTokens}` },
  { label: "cost", pick: (report) => (report.summary.costUsd === null ? "price unknown" : `$${report.summary.costUsd.toFixed(4)}`) },
  {
    label: "wall s (agents / CI)",
    pick: (report) => `${report.summary.wallSeconds} (${report.summary.agentSeconds} / ${report.summary.ciSeconds})`,
  },
  { label: "model calls", pick: (report) => String(Object.values(report.summary.modelCalls).reduce((a, b) => a + b, 0)) },
  { label: "CI runs", pick: (report) => String(report.summary.ciRuns) },
  { label: "repair rounds", pick: (report) => String(report.summary.repairRounds) },
  { label: "tasks per plan", pick: (report) => String(report.summary.meanTasksPerPlan) },
  { label: "localisation recall", pick: (report) => String(report.summary.meanLocalisationRecall ?? "-") },
];

const setting = (report: Report): string =>
  `${report.run} (agent ${report.settings.agent}, plan ${report.settings.plan}, tools ${report.settings.tools ? "on" : "off"}, checks ${report.settings.checks ? "on" : "off"})`;

export function compareReports(a: Report, b: Report): string {
  const ids = [...new Set([...a.instances, ...b.instances].map((record) => record.id))].sort();
  const verdict = (report: Report, id: string): string => {
    const record = report.instances.find((item) => item.id === id);
    if (!record) return "-";
    return record.error ? "error" : record.resolved ? "yes" : "no";
  };
  return [
    `A: ${setting(a)}`,
    `B: ${setting(b)}`,
    "",
    "| | A | B |",
    "| --- | --- | --- |",
    ...FIGURES.map((figure) => `| ${figure.label} | ${figure.pick(a)} | ${figure.pick(b)} |`),
    ...ids.map((id) => `| ${id} | ${verdict(a, id)} | ${verdict(b, id)} |`),
  ].join("\n");
}

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { createMetrics } from "../../../src/observe/metrics.ts";
import { registerStoreGauges } from "../../../src/observe/store-gauges.ts";
import { freshStore } from "../store/store-fixture.ts";

const RULES_PATH = fileURLToPath(new URL("../../../deploy/prometheus/alerts.yml", import.meta.url));

/** Prometheus's rule-file shape (https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/), alerting rules only. */
const Duration = z.string().regex(/^(\d+(ms|s|m|h|d|w|y))+$/);
const AlertRule = z
  .object({
    alert: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    expr: z.string().min(1),
    for: Duration.optional(),
    keep_firing_for: Duration.optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.object({ summary: z.string().min(1), description: z.string().min(1) }).catchall(z.string()),
  })
  .strict();
const RuleFile = z
  .object({
    groups: z.array(z.object({ name: z.string().min(1), interval: Duration.optional(), rules: z.array(AlertRule).min(1) }).strict()).min(1),
  })
  .strict();

/** Every metric name the app registers, with a histogram's series suffixes. */
async function registeredNames(): Promise<Set<string>> {
  const metrics = createMetrics();
  const { store } = freshStore();
  registerStoreGauges(metrics.registry, { overview: store.overview, openWorkflows: () => store.openWorkflows(), now: () => 0 });
  const described = await metrics.registry.getMetricsAsJSON();
  return new Set(
    described.flatMap((metric) =>
      metric.type.toString() === "histogram" ? ["_bucket", "_sum", "_count"].map((suffix) => `${metric.name}${suffix}`) : [metric.name],
    ),
  );
}

describe("deploy/prometheus/alerts.yml", () => {
  const file = RuleFile.parse(parse(readFileSync(RULES_PATH, "utf8")));
  const rules = file.groups.flatMap((group) => group.rules);

  it("is a Prometheus rule file covering stuck workflows, failing jobs, budgets and rate limits", () => {
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining(["ForemanWorkflowStuck", "ForemanJobsFailing", "ForemanBudgetExhausted", "ForemanGitHubRateLimitExhausted"]),
    );
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length);
  });

  it("names only metrics the app registers", async () => {
    const names = await registeredNames();

    const used = rules.flatMap((rule) => [...rule.expr.matchAll(/\bforeman_[a-z_]+\b/g)].map((match) => match[0]));

    expect(used.length).toBeGreaterThan(rules.length - 1);
    expect(used.filter((name) => !names.has(name))).toEqual([]);
  });

  it("keeps its brackets balanced in every expression", () => {
    for (const rule of rules) {
      const depth = [...rule.expr].reduce(
        (open, character) => (open < 0 ? open : open + (character === "(" ? 1 : character === ")" ? -1 : 0)),
        0,
      );
      expect(depth, rule.alert).toBe(0);
    }
  });
});

/**
 * A run of the suite: each instance played (several at once with `concurrency`), its record added
 * to the report file as soon as it is known, so an interrupted run resumes where it stopped.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { RealModel } from "@foreman/sandbox";
import type { PriceTable } from "./cost.ts";
import { oracleGap } from "./agents.ts";
import type { Instance } from "./instance.ts";
import { RecordingProxy } from "./model-calls.ts";
import type { Endpoint, EvalOptions } from "./options.ts";
import { failedRecord, instanceRecord, summarize, type InstanceRecord, type Report, type Settings } from "./report.ts";
import { playInstance } from "./run-instance.ts";
import type { RunSettings } from "./scenario.ts";

class ResumeError extends Error {
  constructor(path: string) {
    super(`${path} is a run with other settings; give a new --run name, or the same settings to resume it`);
    this.name = "ResumeError";
  }
}

function settingsOf(options: EvalOptions, endpoint: Endpoint | null): Settings {
  const models = endpoint ? { ...(endpoint.model ? { default: endpoint.model } : {}), ...endpoint.models } : {};
  return { agent: options.agent, plan: options.plan, tools: options.tools, checks: options.checks, models };
}

export function reportPath(options: Pick<EvalOptions, "out">, run: string): string {
  return run.includes("/") || run.endsWith(".json") ? run : join(options.out, `${run}.json`);
}

async function readRecords(path: string, settings: Settings): Promise<InstanceRecord[]> {
  if (!existsSync(path)) return [];
  const report = JSON.parse(await readFile(path, "utf8")) as Report;
  if (JSON.stringify(report.settings) !== JSON.stringify(settings)) throw new ResumeError(path);
  return report.instances.filter((record) => record.error === null);
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

function runSettings(options: EvalOptions, endpoint: Endpoint | null): RunSettings {
  return {
    agent: options.agent,
    plan: options.plan,
    tools: options.tools,
    checks: options.checks,
    timeoutSeconds: options["timeout-seconds"],
    tokensPerIssue: options["max-tokens"],
    costPerIssueUsd: options["max-cost-usd"],
    models: endpoint?.models,
  };
}

async function playOne(instance: Instance, options: EvalOptions, endpoint: Endpoint | null, prices: PriceTable): Promise<InstanceRecord> {
  if (options.agent === "oracle" && oracleGap(instance)) return failedRecord(instance, oracleGap(instance));
  const proxy = endpoint ? new RecordingProxy(endpoint.baseUrl) : null;
  try {
    await proxy?.start();
    const realModel: RealModel | null =
      endpoint && proxy ? { baseUrl: proxy.url, apiKey: endpoint.apiKey, ...(endpoint.model ? { model: endpoint.model } : {}) } : null;
    const played = await playInstance(instance, {
      settings: runSettings(options, endpoint),
      realModel,
      proxyCalls: () => proxy?.calls ?? [],
    });
    return instanceRecord(instance, played, prices);
  } catch (error) {
    return failedRecord(instance, error);
  } finally {
    await proxy?.stop();
  }
}

export interface SuiteRun {
  options: EvalOptions;
  run: string;
  command: string;
  instances: Instance[];
  endpoint: Endpoint | null;
  prices: PriceTable;
  onRecord?: (record: InstanceRecord) => void;
}

/** Plays every instance not yet in the report and writes the report after each; answers the whole report. */
export async function runSuite(suite: SuiteRun): Promise<Report> {
  const settings = settingsOf(suite.options, suite.endpoint);
  const path = reportPath(suite.options, suite.run);
  const records = await readRecords(path, settings);
  const done = new Set(records.map((record) => record.id));
  const queue = suite.instances.filter((instance) => !done.has(instance.id));
  const report = (): Report => {
    const order = new Map(suite.instances.map((instance, index) => [instance.id, index]));
    const instances = [...records].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return { run: suite.run, command: suite.command, date: new Date().toISOString(), settings, instances, summary: summarize(instances) };
  };
  // Instances finish in any order; their writes of the report go one after another.
  let saved: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => (saved = saved.then(() => writeJson(path, report())));
  const worker = async (): Promise<void> => {
    for (let instance = queue.shift(); instance; instance = queue.shift()) {
      const record = await playOne(instance, suite.options, suite.endpoint, suite.prices);
      records.push(record);
      suite.onRecord?.(record);
      await save();
    }
  };
  await Promise.all(Array.from({ length: Math.min(suite.options.concurrency, Math.max(queue.length, 1)) }, worker));
  await save();
  return report();
}

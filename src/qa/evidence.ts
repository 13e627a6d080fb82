import { errorLines, signatureOfLines } from "./failure-signature.ts";
import { redactSecrets } from "./redact.ts";
import { cleanLog, trimLog } from "./trim-log.ts";

interface FailureAnnotation {
  path: string;
  line: number;
  level: string;
  message: string;
}

export interface FailedCheck {
  name: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  annotations: FailureAnnotation[];
}

/** What GitHub says about a red commit: the failing checks with their annotations, and the failing jobs' logs. */
export interface FailureEvidence {
  checks: FailedCheck[];
  logs: Array<{ job: string; text: string }>;
}

export interface FormattedEvidence {
  /** For the debugger's prompt: annotations first, then the trimmed logs; redacted. */
  text: string;
  /** `failureSignature` of the annotations and the logs' error lines. */
  signature: string;
  /** At most 15 redacted lines for a comment a human reads. */
  excerpt: string;
}

const MAX_EXCERPT_LINES = 15;
const MAX_EXCERPT_LINE_CHARS = 200;
const MAX_SUMMARY_CHARS = 1_500;
/** Annotations may use at most this share of the budget; the logs get the rest. */
const ANNOTATION_SHARE = 0.4;
/** GitHub's generic annotation on every failed step; it says nothing about the failure. */
const GENERIC_ANNOTATION = /^Process completed with exit code \d+\.?$/;
const STACK_FRAME = /^\s*at\s/;
/** `##[error]`, `##[warning]`: how the runner marks a line; noise for a human. */
const WORKFLOW_COMMAND = /^##\[(?:error|warning|notice)\]/;

const redact = (text: string): string => redactSecrets(text).text;

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function formatCheck(check: FailedCheck, budget: number): string {
  const parts = [`### Check \`${check.name}\`: ${check.conclusion ?? "unknown"}`];
  if (check.title) parts.push(`Title: ${redact(check.title)}`);
  if (check.summary) parts.push(`Summary:\n${trimLog(redact(cleanLog(check.summary)), MAX_SUMMARY_CHARS)}`);
  for (const annotation of check.annotations) {
    const message = redact(annotation.message).trim().replace(/\n/g, "\n  ");
    parts.push(`- ${annotation.path}:${annotation.line} (${annotation.level}): ${message}`);
  }
  const text = parts.join("\n");
  return text.length <= budget ? text : `${text.slice(0, Math.max(0, budget - 30))}\n… (annotations cut) …`;
}

function formatChecks(checks: readonly FailedCheck[], budget: number): string {
  if (checks.length === 0) return "";
  const share = Math.floor(budget / checks.length);
  return `## Failing checks and their annotations\n\n${checks.map((check) => formatCheck(check, share)).join("\n\n")}`;
}

function cleanLogs(logs: FailureEvidence["logs"]): Array<{ job: string; text: string }> {
  return logs.map((log) => ({ job: log.job, text: redact(cleanLog(log.text)) }));
}

function formatLogs(logs: ReadonlyArray<{ job: string; text: string }>, budget: number): string {
  if (logs.length === 0) return "";
  const share = Math.max(200, Math.floor(budget / logs.length) - 40);
  return `## Logs of the failing jobs\n\n${logs.map((log) => `### Job \`${log.job}\`\n${trimLog(log.text, share)}`).join("\n\n")}`;
}

function signatureLines(evidence: FailureEvidence, logs: ReadonlyArray<{ job: string; text: string }>): string[] {
  const fromChecks = evidence.checks.flatMap((check) => [
    `check ${check.name}: ${check.conclusion ?? "unknown"}`,
    ...check.annotations.map((annotation) => `${annotation.path}: ${redact(annotation.message)}`),
  ]);
  return [...fromChecks, ...logs.flatMap((log) => errorLines(log.text))];
}

function excerptOf(evidence: FailureEvidence, logs: ReadonlyArray<{ job: string; text: string }>): string {
  const fromAnnotations = evidence.checks
    .flatMap((check) => check.annotations)
    .filter((annotation) => !GENERIC_ANNOTATION.test(annotation.message.trim()))
    .map((annotation) => `${annotation.path}:${annotation.line}: ${redact(annotation.message)}`);
  const fromLogs = logs.flatMap((log) => errorLines(log.text).filter((line) => !STACK_FRAME.test(line)));
  const lines = [
    ...new Set([...fromAnnotations, ...fromLogs].map((line) => oneLine(line.replace(WORKFLOW_COMMAND, ""), MAX_EXCERPT_LINE_CHARS))),
  ];
  const fallback = evidence.checks.map(
    (check) => `${check.name}: ${check.conclusion ?? "unknown"}${check.title ? ` (${oneLine(redact(check.title), 120)})` : ""}`,
  );
  return (lines.length > 0 ? lines : fallback).slice(0, MAX_EXCERPT_LINES).join("\n");
}

/**
 * Turns the evidence of a red commit into prompt text within `budgetChars` (annotations
 * first, then each failing job's log trimmed to its error regions), a failure signature and a
 * short excerpt for humans. Everything is redacted before it leaves this function.
 */
export function formatEvidence(evidence: FailureEvidence, budgetChars: number): FormattedEvidence {
  const logs = cleanLogs(evidence.logs);
  const checks = formatChecks(evidence.checks, Math.floor(budgetChars * (logs.length > 0 ? ANNOTATION_SHARE : 1)));
  const logText = formatLogs(logs, budgetChars - checks.length - 2);
  const full = redact([checks, logText].filter((part) => part !== "").join("\n\n") || "(GitHub reported no failing check and no log.)");
  const text = full.length <= budgetChars ? full : `${full.slice(0, Math.max(0, budgetChars - 24))}\n… (evidence cut) …`;
  return { text, signature: signatureOfLines(signatureLines(evidence, logs)), excerpt: excerptOf(evidence, logs) };
}

import type { FileChange } from "../ports/github.ts";
import { matchesAny } from "./glob.ts";

export type RiskLevel = "low" | "medium" | "high";

export interface RiskAssessment {
  level: RiskLevel;
  reasons: string[];
}

/** Files that decide what gets installed or run: a change here can run code on every machine that builds. */
const DEPENDENCY_MANIFESTS = [
  "**/package.json",
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/yarn.lock",
  "**/pnpm-lock.yaml",
  "**/requirements*.txt",
  "**/pyproject.toml",
  "**/Pipfile",
  "**/Pipfile.lock",
  "**/poetry.lock",
  "**/go.mod",
  "**/go.sum",
  "**/Cargo.toml",
  "**/Cargo.lock",
  "**/Gemfile",
  "**/Gemfile.lock",
  "**/pom.xml",
  "**/*.gradle",
  "**/*.gradle.kts",
  "**/composer.json",
];

/** Build and CI entry points that run with the repository's secrets or on every contributor's machine. */
const BUILD_AND_CI = [
  "**/Makefile",
  "**/Dockerfile",
  "**/*.dockerfile",
  "**/docker-compose*.yml",
  "**/Jenkinsfile",
  "**/.gitlab-ci.yml",
  "**/*.sh",
  "scripts/**",
  "bin/**",
  ".husky/**",
  "**/.pre-commit-config.yaml",
  "**/setup.py",
  "**/conftest.py",
  "**/webpack.config.*",
  "**/vite.config.*",
  "**/rollup.config.*",
  "**/babel.config.*",
];

export interface RiskRules {
  /** Changed lines from which a change is medium and high risk. */
  mediumLines: number;
  highLines: number;
}

const DEFAULT_RISK_RULES: RiskRules = { mediumLines: 150, highLines: 400 };

/**
 * Classifies a task's change by deterministic rules, never by the model's say-so: dependency
 * manifests, build files and scripts CI runs are high risk, as are large changes.
 */
export function classifyRisk(changes: readonly FileChange[], changedLines: number, rules: RiskRules = DEFAULT_RISK_RULES): RiskAssessment {
  const reasons: string[] = [];
  for (const change of changes) {
    const manifest = matchesAny(change.path, DEPENDENCY_MANIFESTS);
    if (manifest) reasons.push(`\`${change.path}\` is a dependency manifest or lock file`);
    const build = matchesAny(change.path, BUILD_AND_CI);
    if (build) reasons.push(`\`${change.path}\` is a build file or a script CI may run`);
  }
  if (changedLines >= rules.highLines) reasons.push(`${changedLines} lines change (high from ${rules.highLines})`);
  if (reasons.length > 0) return { level: "high", reasons };
  if (changedLines >= rules.mediumLines)
    return { level: "medium", reasons: [`${changedLines} lines change (medium from ${rules.mediumLines})`] };
  if (changes.some((change) => change.content === null)) return { level: "medium", reasons: ["the change deletes files"] };
  return { level: "low", reasons: [] };
}

/** The stronger of two risk levels (the plan's declared risk and the computed one). */
export function maxRisk(a: RiskLevel, b: RiskLevel): RiskLevel {
  const order: RiskLevel[] = ["low", "medium", "high"];
  return order[Math.max(order.indexOf(a), order.indexOf(b))] ?? "high";
}

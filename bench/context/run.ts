import { driveScenario, type World } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { githubFigures, roleFigures, shownPaths, type GitHubFigures, type RoleFigures } from "./measure.ts";
import type { Reach } from "./reach.ts";
import { contextScenario } from "./scenario.ts";

/** What the model was shown of the repository's paths in one run, and what it could not reach. */
interface PathFigures {
  total: number;
  /** Paths some request named (a tree listing, a file, a tool result). */
  shown: number;
  /**
   * Paths the model could not have reached. Without tools: those no request named (the prompt
   * is all a model gets). With tools: those the `list_files` crawl did not reach (null until it ran).
   */
  unreachable: number | null;
}

/** One run of the whole app on one repository, tools on or off. */
export interface RunRecord {
  files: number;
  tools: boolean;
  /** The task merged and the issue closed, with every scripted answer matched and no request refused. */
  completed: boolean;
  failures: string[];
  seconds: number;
  tasks: number;
  merged: number;
  roles: Record<string, RoleFigures>;
  /** Model calls of every role. */
  modelCalls: number;
  unmatchedModelRequests: number;
  github: GitHubFigures;
  /** The GitHub figures divided by the tasks of the plan. */
  githubPerTask: { apiReads: number; apiWrites: number; codeReads: number; gitAdvertise: number; gitUploadPack: number };
  paths: PathFigures;
  /** With tools: the crawl that tells which paths the tools reach. */
  reach?: Reach;
  /** The app log's last lines when the run failed. */
  appLogTail?: string;
}

interface Observed {
  roles: Record<string, RoleFigures>;
  modelCalls: number;
  unmatched: number;
  github: GitHubFigures;
  paths: PathFigures;
}

function observe(world: World): Observed {
  const requests = world.model?.requests() ?? [];
  const paths = Object.keys(world.scenario.repository.files);
  return {
    roles: roleFigures(requests),
    modelCalls: requests.length,
    unmatched: requests.filter((request) => request.unmatched).length,
    github: githubFigures(world.github.requestLog.all(), new Set([world.botLogin, world.app.slug])),
    paths: { total: paths.length, shown: shownPaths(requests, paths).size, unreachable: null },
  };
}

/**
 * The reconciler's timers at their defaults rather than the sandbox's seconds: its periodic scans
 * read GitHub by elapsed time, whatever the task, and would make a slower run look costlier.
 */
const PRODUCTION_TIMERS = { FOREMAN_RECONCILE_SECONDS: "300", FOREMAN_RECONCILE_SCAN_SECONDS: "3600" };

const perTask = (value: number, tasks: number): number => (tasks === 0 ? value : Math.round((value / tasks) * 10) / 10);

/** Runs the app once on a generated repository of `size` files and measures it. */
export async function runOnce(size: number, tools: boolean, timeoutSeconds: number): Promise<RunRecord> {
  const scenario = contextScenario(size, tools, timeoutSeconds);
  const run = await driveScenario(scenario, { world: { app: foremanUnderTest, appEnv: PRODUCTION_TIMERS }, stopWhenQuiet: true, observe });
  const { roles, github, paths } = run.observed;
  const tasks = run.figures.taskIds.length;
  return {
    files: size,
    tools,
    completed: run.ok,
    failures: run.failures,
    seconds: run.figures.seconds,
    tasks,
    merged: run.figures.merged,
    roles,
    modelCalls: run.observed.modelCalls,
    unmatchedModelRequests: run.observed.unmatched,
    github,
    githubPerTask: {
      apiReads: perTask(github.api.reads, tasks),
      apiWrites: perTask(github.api.writes, tasks),
      codeReads: perTask(github.codeReads, tasks),
      gitAdvertise: perTask(github.git.advertise, tasks),
      gitUploadPack: perTask(github.git.uploadPack, tasks),
    },
    paths: tools ? paths : { ...paths, unreachable: paths.total - paths.shown },
    ...(run.ok ? {} : { appLogTail: run.appLogTail }),
  };
}

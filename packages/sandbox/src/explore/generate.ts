import { Dice } from "./dice.ts";
import { githubItem, modelItem, secretAnswerItem, webhookItem } from "./fault-items.ts";
import { approval, CHANGES_TASK, chaosMove, followUp, move, MOVE_WEIGHTS, plainApproval, type MoveKind } from "./moves.ts";
import type { ExplorePlan, ExploreTask, Schedule, ScheduleConfig, ScheduleItem, ScheduleKind } from "./schedule.ts";

export interface GenerateOptions {
  plans: readonly ExplorePlan[];
  /** The repository's initial files, which human pushes edit. */
  files: Record<string, string>;
  /** The label that starts the app. */
  label: string;
  /** Force a kind instead of drawing it. */
  kind?: ScheduleKind;
}

/** The configuration of `faults` schedules and their baselines: one per plan, so one baseline run serves them all. */
const CANONICAL_CONFIG: ScheduleConfig = { planApproval: "auto", review: true, mergeQueue: false, coderDelayMs: 200 };

function drawConfig(dice: Dice): ScheduleConfig {
  return {
    planApproval: dice.chance(0.25) ? "manual" : "auto",
    review: dice.chance(0.35),
    mergeQueue: dice.chance(0.2),
    coderDelayMs: dice.pick([200, 800, 1500]),
  };
}

/** The approvals a run needs: the plan's (when manual), then each task's, dependencies first. */
function progressItems(
  dice: Dice,
  plan: ExplorePlan,
  config: ScheduleConfig,
  kind: ScheduleKind,
): { items: ScheduleItem[]; approvals: Map<string, ScheduleItem> } {
  const planApproval =
    config.planApproval === "manual"
      ? [
          move("maya approves the plan", { anchor: "none", task: "", pause: 0 }, [
            {
              as: "maya",
              when: { commentContains: { on: "issue", text: "`/approve`" }, timeoutSeconds: 40 },
              comment: { on: "issue", body: "/approve" },
            },
          ]),
        ]
      : [];
  const approvals = new Map(
    plan.tasks.map((task) => [task.id, kind === "humans" ? approval(dice, task.id, false) : plainApproval(task.id)]),
  );
  return { items: [...planApproval, ...approvals.values()], approvals };
}

interface Progress {
  items: ScheduleItem[];
  approvals: Map<string, ScheduleItem>;
}

/** Where a move on `task` may go: after its dependencies' approvals, up to just after its own. */
function slotFor(dice: Dice, progress: Progress, task: ExploreTask): number {
  const approvalOf = (id: string): number => {
    const item = progress.approvals.get(id);
    return item ? progress.items.indexOf(item) : -1;
  };
  const own = approvalOf(task.id);
  const after = Math.max(0, ...task.dependsOn.map((id) => approvalOf(id) + 1));
  const upTo = own < 0 ? progress.items.length : own + 1;
  return dice.int(Math.min(after, upTo), upTo);
}

function insertChaos(dice: Dice, progress: Progress, plan: ExplorePlan, options: GenerateOptions): void {
  const kind = dice.weighted<MoveKind>(MOVE_WEIGHTS);
  const task = dice.pick(plan.tasks);
  const context = { dice, task, files: options.files, label: options.label };
  const at = slotFor(dice, progress, task);
  const added = [chaosMove(kind, context)];
  const undo = followUp(kind, context);
  if (undo && dice.chance(0.6)) added.push(undo);
  if (CHANGES_TASK.has(kind)) added.push(approval(dice, task.id, true));
  progress.items.splice(at, 0, ...added);
}

function faultItems(dice: Dice, kind: ScheduleKind): ScheduleItem[] {
  const faults = kind === "faults";
  const items: ScheduleItem[] = [];
  if (dice.chance(faults ? 0.6 : 0.4)) items.push(webhookItem(dice));
  const githubCount = dice.int(0, faults ? 2 : 1);
  for (let index = 0; index < githubCount; index += 1) items.push(githubItem(dice));
  if (dice.chance(faults ? 0.4 : 0.3)) items.push(modelItem(dice, !faults));
  if (faults && items.length === 0) items.push(webhookItem(dice));
  return items;
}

function pickPlan(dice: Dice, plans: readonly ExplorePlan[]): ExplorePlan {
  const name = dice.weighted(Object.fromEntries(plans.map((plan) => [plan.name, plan.weight ?? 1])));
  const plan = plans.find((candidate) => candidate.name === name);
  if (!plan) throw new Error("no plan to pick");
  return plan;
}

/** The schedule of a seed: the same seed always makes the same schedule. */
export function generateSchedule(seed: number, options: GenerateOptions): Schedule {
  const dice = new Dice(seed);
  const kind: ScheduleKind = options.kind ?? (dice.chance(0.25) ? "faults" : "humans");
  const plan = pickPlan(dice, options.plans);
  const config = kind === "humans" ? drawConfig(dice) : CANONICAL_CONFIG;
  const progress = progressItems(dice, plan, config, kind);
  const { items } = progress;
  if (kind === "baseline") return { seed, kind, plan: plan.name, config, items };
  if (kind === "humans") {
    const moves = dice.int(1, 3);
    for (let index = 0; index < moves; index += 1) insertChaos(dice, progress, plan, options);
    if (dice.chance(0.12)) items.push(secretAnswerItem(dice.pick(plan.tasks)));
  }
  return { seed, kind, plan: plan.name, config, items: [...items, ...faultItems(dice, kind)] };
}

/** The fault-free run `faults` schedules of a plan are compared with (G5): the same plan, configuration and approvals, nothing else. */
export function baselineOf(schedule: Schedule, options: GenerateOptions): Schedule {
  const plan = options.plans.find((candidate) => candidate.name === schedule.plan);
  if (!plan) throw new Error(`no plan ${schedule.plan}`);
  return generateSchedule(schedule.seed, { ...options, plans: [plan], kind: "baseline" });
}

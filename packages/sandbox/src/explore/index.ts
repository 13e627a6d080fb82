/**
 * The interleaving explorer: seeded schedules of humans and GitHub faults played against an app
 * with the scenario driver, each run checked against guarantees G1–G8 from the sandbox's records.
 */
export { Explorer, mapPool, violationsOf } from "./explorer.ts";
export { runSchedule, stopLiveRuns, type ExploreSetup, type ScheduleRun } from "./run-schedule.ts";
export {
  activeItems,
  describeSchedule,
  keepItems,
  type ExplorePlan,
  type ExploreRepository,
  type ExploreTask,
  type Schedule,
  type ScheduleItem,
} from "./schedule.ts";
export { scheduleScenario } from "./to-scenario.ts";
export { FAKE_TOKEN } from "./fault-items.ts";
export { GUARANTEES, closingKeywords, liveMentions, secretsIn, type CheckOutcome, type Guarantee } from "./checks/index.ts";
export type { ShrinkResult } from "./shrink.ts";

import type { Intake } from "../worker/intake.ts";

/** Where handlers put a narrowed webhook: recorded once per delivery id and queued for the worker. */
export interface IntakeSink {
  accept(input: { deliveryId: string; event: string; action: string | null; key: string; intake: Intake }): boolean;
}

import type { ScriptedAnswer } from "../scenario/model-script.ts";
import { modelNotFound, type HttpAnswer } from "./openai-error.ts";

const DEFAULT_MODEL = "sandbox-model";

/** The script's declared models, else the models its answers name, else `sandbox-model`. */
export function modelIds(declared: readonly string[] | undefined, answers: readonly ScriptedAnswer[]): string[] {
  if (declared) return [...declared];
  const named = [...new Set(answers.flatMap((answer) => answer.match?.model ?? []))];
  return named.length > 0 ? named : [DEFAULT_MODEL];
}

function modelObject(id: string, created: Date): Record<string, unknown> {
  return { id, object: "model", created: Math.floor(created.getTime() / 1000), owned_by: "sandbox" };
}

/** `GET /v1/models`. */
export function listModels(ids: readonly string[], created: Date): HttpAnswer {
  return { status: 200, headers: {}, body: { object: "list", data: ids.map((id) => modelObject(id, created)) } };
}

/** `GET /v1/models/{id}`. */
export function retrieveModel(ids: readonly string[], id: string, created: Date): HttpAnswer {
  return ids.includes(id) ? { status: 200, headers: {}, body: modelObject(id, created) } : modelNotFound(id);
}

export { startModelServer, type ModelServer, type ModelServerOptions } from "./model-server.ts";
export type { RecordedModelRequest } from "./recorded-request.ts";
export type { MessageText } from "./chat-request.ts";
export type { Usage, FinishReason } from "./completion.ts";
export { DEFAULT_MODEL } from "./model-list.ts";
export type {
  ModelFault,
  ModelFaultInput,
  ModelScript,
  ModelScriptInput,
  ScriptedAnswer,
  ScriptedAnswerInput,
} from "../scenario/model-script.ts";

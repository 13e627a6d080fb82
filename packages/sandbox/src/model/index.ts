export { startModelServer, type ModelServer, type ModelServerOptions } from "./model-server.ts";
export type { AnsweredToolCall, RecordedModelRequest } from "./recorded-request.ts";

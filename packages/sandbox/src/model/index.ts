export { startModelServer, type ModelServer, type ModelServerOptions } from "./model-server.ts";
export type { RecordedModelRequest } from "./recorded-request.ts";

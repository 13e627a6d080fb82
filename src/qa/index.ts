export { redactSecrets, entropyPerChar, looksRandom } from "./redact.ts";
export type { Redacted } from "./redact.ts";
export { cleanLog, trimLog, ERROR_LINE } from "./trim-log.ts";
export type { TrimOptions } from "./trim-log.ts";
export { failureSignature, errorLines, normalizeErrorLine, signatureOfLines } from "./failure-signature.ts";
export { formatEvidence } from "./evidence.ts";
export type { FailureEvidence, FailedCheck, FailureAnnotation, FormattedEvidence } from "./evidence.ts";

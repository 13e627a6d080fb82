import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

/** Upload-pack's settings: partial clones (`--filter`) and fetches by commit id, as GitHub allows. */
const UPLOAD_PACK_CONFIG = [
  "-c",
  "uploadpack.allowFilter=true",
  "-c",
  "uploadpack.allowAnySHA1InWant=true",
  "-c",
  "core.hooksPath=/dev/null",
];

/** Seconds without progress after which upload-pack gives up (its own `--timeout`). */
const IDLE_TIMEOUT_SECONDS = 60;

const NO_CACHE = {
  "cache-control": "no-cache, max-age=0, must-revalidate",
  expires: "Fri, 01 Jan 1980 00:00:00 GMT",
  pragma: "no-cache",
};

export interface UploadPackCall {
  gitDir: string;
  /** Answers `info/refs?service=git-upload-pack` rather than a `git-upload-pack` POST. */
  advertise: boolean;
  request: IncomingMessage;
  response: ServerResponse;
}

/** A pkt-line: four hex digits of length (itself included), then the data. */
function pktLine(text: string): string {
  return `${(text.length + 4).toString(16).padStart(4, "0")}${text}`;
}

/** The `Git-Protocol` header as git sends it (`version=2`), passed to upload-pack as `GIT_PROTOCOL`. */
function protocolOf(request: IncomingMessage): string | null {
  const header = request.headers["git-protocol"];
  const value = Array.isArray(header) ? header.join(":") : header;
  return value !== undefined && /^[A-Za-z0-9=:._-]{1,256}$/.test(value) ? value : null;
}

function environment(protocol: string | null): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_"));
  return {
    ...Object.fromEntries(inherited),
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    ...(protocol ? { GIT_PROTOCOL: protocol } : {}),
  };
}

function requestBody(request: IncomingMessage): NodeJS.ReadableStream {
  const encoding = String(request.headers["content-encoding"] ?? "").toLowerCase();
  return encoding === "gzip" || encoding === "x-gzip" ? request.pipe(createGunzip()) : request;
}

/**
 * Runs `git upload-pack --stateless-rpc` on the bare repository and streams its answer: the
 * request body (gunzipped when git compressed it) goes to its stdin, its stdout to the response.
 * Resolves with the status sent once upload-pack has exited.
 */
export function serveUploadPack(call: UploadPackCall): Promise<number> {
  const { gitDir, advertise, request, response } = call;
  const protocol = protocolOf(request);
  const args = [...UPLOAD_PACK_CONFIG, "upload-pack", "--stateless-rpc", `--timeout=${IDLE_TIMEOUT_SECONDS}`];
  if (advertise) args.push("--advertise-refs");
  const child = spawn("git", [...args, gitDir], { env: environment(protocol), stdio: ["pipe", "pipe", "pipe"] });
  const stderr: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  response.on("close", () => {
    if (!response.writableFinished) child.kill("SIGTERM");
  });
  response.statusCode = 200;
  response.setHeader("content-type", `application/x-git-upload-pack-${advertise ? "advertisement" : "result"}`);
  for (const [name, value] of Object.entries(NO_CACHE)) response.setHeader(name, value);
  // Protocol v0 and v1 clients expect the service announcement first; version 2 begins with its capabilities.
  if (advertise && !(protocol ?? "").includes("version=2")) response.write(`${pktLine("# service=git-upload-pack\n")}0000`);
  child.stdin.on("error", () => undefined);
  if (advertise) child.stdin.end();
  else pipeline(requestBody(request), child.stdin).catch(() => child.kill("SIGTERM"));
  child.stdout.pipe(response, { end: false });
  return new Promise((resolve) => {
    let done = false;
    const settle = (code: number | null, message: string): void => {
      if (done) return;
      done = true;
      resolve(finish(response, code, message));
    };
    child.on("error", (error) => settle(null, error.message));
    child.on("close", (code) => settle(code, Buffer.concat(stderr).toString("utf8")));
  });
}

function finish(response: ServerResponse, code: number | null, stderr: string): number {
  if (code === 0) {
    response.end();
    return 200;
  }
  if (!response.headersSent) {
    response.statusCode = 500;
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.end(`upload-pack failed: ${stderr.trim().split("\n")[0] ?? ""}\n`);
    return 500;
  }
  response.destroy();
  return 500;
}

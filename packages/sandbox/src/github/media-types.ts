/** A raw media type a request asked for, in the spelling it used: the response's content type echoes it, as GitHub's does. */
export interface RawMediaType {
  /** e.g. `application/vnd.github.raw` or `application/vnd.github.v3.raw+json`. */
  contentType: string;
  /** The `x-github-media-type` header GitHub sends with it. */
  githubMediaType: string;
}

/** `application/vnd.github.raw`, with or without the `v3` version and the `+json` suffix. */
const RAW = /^application\/vnd\.github(\.v3)?\.raw(\+json)?$/;

/**
 * The raw media type named in an `Accept` header, if any. The header may list several types, each
 * with parameters (`;q=0.9`); a type refused with `q=0` does not count.
 */
export function rawMediaType(accept: string): RawMediaType | null {
  for (const entry of accept.split(",")) {
    const [type = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    const match = RAW.exec(type);
    if (!match || parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter))) continue;
    return { contentType: type, githubMediaType: `github.v3; param=raw${match[2] ? "; format=json" : ""}` };
  }
  return null;
}

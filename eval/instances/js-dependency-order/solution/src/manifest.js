// Reads a build manifest: one package per line, `name: dep1, dep2`.
import { Graph } from "./graph.js";

const NAME = /^[a-z0-9][a-z0-9._-]*$/;

export class ManifestError extends Error {
  constructor(line, message) {
    super(`line ${line}: ${message}`);
    this.name = "ManifestError";
    this.line = line;
  }
}

function parseLine(raw, line) {
  const text = raw.replace(/#.*$/, "").trim();
  if (text === "") return undefined;
  const colon = text.indexOf(":");
  if (colon < 0) throw new ManifestError(line, `expected 'name: dependencies', found '${text}'`);
  const name = text.slice(0, colon).trim();
  const deps = text.slice(colon + 1).split(",").map((dep) => dep.trim()).filter((dep) => dep !== "");
  for (const each of [name, ...deps]) {
    if (!NAME.test(each)) throw new ManifestError(line, `'${each}' is not a valid package name`);
  }
  if (deps.includes(name)) throw new ManifestError(line, `'${name}' depends on itself`);
  return { name, deps, line };
}

export function parseManifest(text) {
  const declared = new Map();
  text.split(/\r?\n/).forEach((raw, index) => {
    const entry = parseLine(raw, index + 1);
    if (!entry) return;
    const earlier = declared.get(entry.name);
    if (earlier) throw new ManifestError(entry.line, `'${entry.name}' is already declared on line ${earlier.line}`);
    declared.set(entry.name, entry);
  });
  const graph = new Graph();
  for (const { name, deps, line } of declared.values()) {
    graph.addNode(name);
    for (const dep of deps) {
      if (!declared.has(dep)) throw new ManifestError(line, `'${name}' depends on '${dep}', which is not declared`);
      graph.addEdge(name, dep);
    }
  }
  return graph;
}

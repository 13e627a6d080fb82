import { test } from "node:test";
import assert from "node:assert/strict";
import { parseManifest } from "../src/manifest.js";

test("packages, dependencies, comments, blank lines and CRLF", () => {
  const graph = parseManifest("# monorepo\r\n\r\nweb: ui , api   # the site\r\nui:\r\n  api: db\r\ndb:\r\n");
  assert.deepEqual(graph.nodes(), ["api", "db", "ui", "web"]);
  assert.deepEqual(graph.dependenciesOf("web"), ["api", "ui"]);
  assert.deepEqual(graph.dependenciesOf("api"), ["db"]);
  assert.deepEqual(graph.dependenciesOf("db"), []);
});

test("a dependency may be declared after its dependent", () => {
  assert.deepEqual(parseManifest("a: b\nb:\n").dependenciesOf("a"), ["b"]);
});

const failsOn = (text, line, pattern) =>
  assert.throws(
    () => parseManifest(text),
    (error) => {
      assert.equal(error.name, "ManifestError");
      assert.equal(error.line, line);
      assert.match(error.message, new RegExp(`^line ${line}: `));
      assert.match(error.message, pattern);
      return true;
    },
  );

test("errors name the line and the problem", () => {
  failsOn("a:\nb: a, ghost\n", 2, /ghost/);
  failsOn("a:\n\na: \n", 3, /already declared on line 1/);
  failsOn("a: b, a\nb:\n", 1, /itself/);
  failsOn("a:\njust words\n", 2, /name: dependencies/);
  failsOn("a:\nB@d:\n", 2, /B@d/);
});

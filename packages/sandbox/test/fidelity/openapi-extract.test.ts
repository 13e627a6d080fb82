import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractOperations, OpenApiExtractionError, serializeOperationsFile } from "../../src/github/fidelity/openapi-extract.ts";
import { extractFromInstalledPackage } from "../../src/github/fidelity/openapi-source.ts";
import { SANDBOX_OPERATION_IDS } from "../../src/github/fidelity/operation-ids.ts";
import { OPERATIONS_FILE_URL } from "../../src/github/fidelity/operations-file.ts";

const source = { package: "@octokit/openapi", version: "0.0.0", file: "api.github.com.deref.json" } as const;

const description = {
  paths: {
    "/repos/{owner}/{repo}/labels": {
      post: {
        operationId: "issues/create-label",
        description: "Creates a label.",
        parameters: [{ name: "owner", in: "path", required: true, description: "Owner.", schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { name: { type: "string", description: "Name." }, description: { type: "string" } },
                required: ["name"],
              },
              examples: { default: { value: { name: "bug" } } },
            },
          },
        },
        responses: { "201": { description: "Created", content: { "application/json": { schema: { type: "object" } } } } },
      },
      get: { operationId: "issues/list-labels-for-repo", responses: { "200": { description: "OK" } } },
    },
  },
};

describe("extractOperations", () => {
  it("lists every operation as a route and details only the listed ones", () => {
    const file = extractOperations(description, ["issues/create-label"], source);

    expect(file.routes).toEqual([
      { method: "GET", path: "/repos/{owner}/{repo}/labels", operationId: "issues/list-labels-for-repo" },
      { method: "POST", path: "/repos/{owner}/{repo}/labels", operationId: "issues/create-label" },
    ]);
    expect(Object.keys(file.operations)).toEqual(["issues/create-label"]);
  });

  it("strips documentation keywords but keeps a property called description", () => {
    const file = extractOperations(description, ["issues/create-label"], source);

    expect(file.operations["issues/create-label"]?.requestBody).toEqual({
      contentType: "application/json",
      required: true,
      schema: {
        type: "object",
        properties: { description: { type: "string" }, name: { type: "string" } },
        required: ["name"],
      },
    });
  });

  it("fails loudly for an operation id the description does not have", () => {
    const extract = (): unknown => extractOperations(description, ["issues/create-lable"], source);

    expect(extract).toThrow(OpenApiExtractionError);
    expect(extract).toThrow(/issues\/create-lable/);
  });

  it("produces the committed openapi-operations.json from the installed @octokit/openapi", () => {
    const committed = readFileSync(OPERATIONS_FILE_URL, "utf8");

    const extracted = extractFromInstalledPackage();

    expect(Object.keys(extracted.operations).sort()).toEqual([...SANDBOX_OPERATION_IDS].sort());
    const isCurrent = serializeOperationsFile(extracted) === committed;
    expect(isCurrent, "openapi-operations.json is stale: run `npm run openapi:extract`").toBe(true);
  });
});

/**
 * Import rules that lint enforces beyond ESLint's: no cycles at all (type-only imports count: a
 * cycle of types is a tangle of responsibilities all the same), and the layer boundaries.
 * Run with `npm run lint:deps`.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment: "Modules form no cycle, of values or of types.",
      from: {},
      to: { circular: true },
    },
    {
      name: "product-imports-no-sandbox",
      severity: "error",
      comment: "The product (src/) never imports the sandbox, the demo, benches or tests.",
      from: { path: "^src/" },
      to: { path: "^(packages/|demo/|bench/|eval/|test/)" },
    },
    {
      name: "sandbox-imports-no-product",
      severity: "error",
      comment: "The sandbox reaches the product only through the options the demo and tests hand it.",
      from: { path: "^packages/sandbox/" },
      to: { path: "^(src/|demo/|bench/|eval/|test/)" },
    },
    {
      name: "pure-core-imports-no-effects",
      severity: "error",
      comment: "engine, policy, plan, render and domain are pure: no adapter, worker, store, handler, reconciler or CLI.",
      from: { path: "^src/(engine|policy|plan|render|domain)/" },
      to: { path: "^src/(adapters|worker|store|handlers|reconcile|cli)/" },
    },
    {
      name: "pure-core-does-no-io",
      severity: "error",
      comment: "The pure core reads no clock, file, network or process of its own.",
      from: { path: "^src/(engine|policy|plan|render|domain)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "pure-core-imports-no-frameworks",
      severity: "error",
      comment: "The pure core knows nothing of Probot or the logger.",
      from: { path: "^src/(engine|policy|plan|render|domain)/" },
      to: { path: "node_modules/(probot|pino)/" },
    },
    {
      name: "only-adapters-import-octokit-and-openai",
      severity: "error",
      comment: "Octokit and openai stay behind the ports.",
      from: { path: "^src/", pathNot: "^src/adapters/" },
      to: { path: "node_modules/(@octokit/|openai/)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(templates|fixtures)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "node", "default"], extensions: [".ts", ".js"] },
  },
};

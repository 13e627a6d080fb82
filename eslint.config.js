// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "coverage/",
      "bench-results/",
      "eval-results/",
      "eval/instances/",
      "node_modules/",
      "packages/sandbox/src/github/fidelity/*.json",
      "demo/templates/",
      "test/**/templates/",
      "test/**/fixtures/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    files: ["demo/**", "packages/sandbox/scripts/**", "src/cli/**", "bench/**", "eval/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["eslint.config.js", ".dependency-cruiser.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [".dependency-cruiser.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable" } },
  },
);

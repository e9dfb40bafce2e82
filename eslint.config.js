import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "out/", "coverage/", "node_modules/", "schemas/*.cjs", "reports/", ".stryker-tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // Matching control characters is the point where XML-illegal text is found.
      "no-control-regex": "off",
      "no-restricted-globals": ["error", { name: "process", message: "Only src/cli.ts touches process." }],
    },
  },
  {
    files: ["src/cli.ts", "test/**", "bin/**", "eslint.config.js", "vitest.config.ts"],
    rules: { "no-restricted-globals": "off" },
  },
);

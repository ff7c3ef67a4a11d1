// Typed documents from the committed SDL dump (schema.graphql): no live server needed.
// tests/unit/gateway/test_console_schema.py fails when the dump is older than the schema.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", JSONString: "string" },
      },
    },
  },
  silent: true,
};
export default config;

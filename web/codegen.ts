// Operation types come from the committed schema.graphql at the repository root: a schema change that breaks the
// client fails `npm run typecheck` (and CI checks that src/gql/ is what `npm run codegen` writes).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string", Date: "string", JSON: "unknown", Upload: "File" },
      },
    },
  },
};

export default config;

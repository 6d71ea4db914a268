// Operation types come from the committed schema.graphql at the repository root: a schema change that breaks the
// client fails `npm run typecheck` (and CI checks that src/gql/ is what `npm run codegen` writes).
//
// Persisted documents: every operation also gets its SHA-256 (`__meta__.hash`, sent by src/lib/persisted.ts in
// production builds) and src/gql/persisted-documents.json, the manifest of hash to document that `npm run build`
// copies to dist/ for the API's GRAPHQL_TRUSTED_DOCUMENTS. `__typename` is added to every selection set, as urql's
// document cache adds it to what it sends as text, so a document run by its hash answers what its text would.
import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string", Date: "string", JSON: "unknown", Upload: "File" },
      },
    },
  },
};

export default config;

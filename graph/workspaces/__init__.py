"""The workspaces room of the GraphQL vocabulary: its types, inputs, payloads, enums and loaders."""

"""The gallery room of the GraphQL vocabulary: its types, inputs, payloads and enums."""

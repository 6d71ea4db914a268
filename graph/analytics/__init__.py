"""The analytics room of the GraphQL vocabulary: its types, inputs and enums."""

"""The GraphQL vocabulary: per-domain types, inputs, payloads and enums, and ``core`` (context, errors, connections,
DataLoaders, how a schema is served). Imports services and models; never the resolvers or ``app``."""

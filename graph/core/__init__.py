"""What every domain's GraphQL room uses: the request context, errors, connections, arguments, DataLoaders and
how a schema is served."""

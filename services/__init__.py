"""Business rules, every write, and the infrastructure adapters (database, queue, bus, providers, storage)."""

"""The account room: a user's own data as a whole (deletion; export is not built yet)."""

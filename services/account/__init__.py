"""The account room: a user's own data as a whole (export, deletion)."""

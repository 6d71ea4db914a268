"""GraphQL types of the account room (a user's data as a whole)."""

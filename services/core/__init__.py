"""What every domain uses: settings, the database, errors, ids, pagination and authentication."""

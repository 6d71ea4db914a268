"""Progress of batches: typed events, channels, snapshots from SQL, the publisher, following a stream."""

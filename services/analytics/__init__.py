"""Usage analytics: recording what every image and provider call came to (``recording``), and reading it back as
totals, time series, groups and a forecast, aggregated in SQL (``reports``)."""

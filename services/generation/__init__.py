"""Generation: from a request to settled images.

``plan`` (validate, preset, size, price, quote) → ``submit`` (references, hold, batch) → the queue →
``runner`` (the batch loop; ``provider`` translates to and from ``services.seedream``, ``backoff`` decides retries)
→ ``settlement`` (each image captured or refunded once) → ``services.progress`` (events). ``cancel`` and ``retry``
act on batches; ``reconcile`` recovers at start; ``reads`` lists them; ``capabilities`` holds the limits and prices
that everything validates with; ``references`` keeps reference images.
"""

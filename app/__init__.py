"""Composition roots, at the top of the layers: the API app (``api``), its schema (``schema``), the runtime wiring
(``runtime``), the worker process (``worker``), the command line (``cli``) and logging (``logs``)."""

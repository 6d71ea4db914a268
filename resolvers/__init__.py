"""Thin field functions and each domain's root types (``ProjectQueries``, ``GenerationMutations``...): convert the
input, call one service, return a graph type."""

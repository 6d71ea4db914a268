"""Outgoing webhooks: endpoints, the events sent to them, signed deliveries (Standard Webhooks) and their retries."""

"""The webhooks vocabulary: endpoints, deliveries and their attempts, inputs and payloads."""

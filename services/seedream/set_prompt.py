"""Sets state their count in the prompt: WaveSpeed bills a set at `max_images` and documents that the count "must
align with the number of images specified in the prompt"; Ark's `auto` mode lets the model decide how many images
(up to `max_images`) from the prompt. A prompt that names the count gets full sets more often, so fewer images are
paid to the provider and refunded to the user. A set may still come back short (then refunded).
"""

from __future__ import annotations


def stating_count(prompt: str, count: int) -> str:
    """`prompt` with the set's size stated at its end, as plain words both services read."""
    return f"{prompt.rstrip()}\n\nGenerate a set of exactly {count} images."

"""The intensity and mixing rule: what presets turn a prompt and a request's references into (deterministic)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, cast

import pytest

from models import GenerationMode
from services.generation.styles import (
    AppliedPreset,
    Level,
    compose_prompt,
    level_of,
    preset_references,
    reference_budget,
    style_text,
)


@dataclass
class Version:
    prompt_template: str
    prompt_suffix: str = ""
    reference_ids: list[str] = field(default_factory=list)


def use(template: str, *, strength: float, suffix: str = "", refs: int = 0, position: int = 0) -> AppliedPreset:
    version = Version(template, suffix, [str(uuid.UUID(int=position * 100 + n + 1)) for n in range(refs)])
    return AppliedPreset(
        preset=cast(Any, None),
        version=cast(Any, version),
        weight=1.0,
        intensity=strength,
        position=position,
        strength=strength,
    )


@pytest.mark.parametrize(
    ("strength", "level"),
    [(0.0, Level.OFF), (0.1, Level.SUBTLE), (0.34, Level.BALANCED), (0.67, Level.FULL), (0.9, Level.STRONG)],
)
def test_strength_picks_a_level(strength: float, level: Level) -> None:
    assert level_of(strength) is level


def test_style_text_drops_the_prompt_and_its_linking_word() -> None:
    assert style_text("studio photograph of {prompt}, softbox lighting") == "studio photograph, softbox lighting"
    assert style_text("{prompt}, watercolor,  soft  washes") == "watercolor, soft washes"
    assert style_text("film noir") == "film noir"


def test_a_single_preset_at_each_level() -> None:
    template, suffix = "{prompt}, watercolor, soft washes", "paper texture"
    prompt = "a fox"
    assert compose_prompt(prompt, [use(template, strength=0.0, suffix=suffix)]) == "a fox"
    assert (
        compose_prompt(prompt, [use(template, strength=0.2, suffix=suffix)])
        == "a fox, with a subtle touch of watercolor, soft washes"
    )
    assert compose_prompt(prompt, [use(template, strength=0.5, suffix=suffix)]) == "a fox, watercolor, soft washes"
    assert (
        compose_prompt(prompt, [use(template, strength=0.75, suffix=suffix)])
        == "a fox, watercolor, soft washes, paper texture"
    )
    assert (
        compose_prompt(prompt, [use(template, strength=1.0, suffix=suffix)])
        == "a fox, watercolor, soft washes, paper texture, with strong emphasis on watercolor, soft washes"
    )


def test_a_template_without_a_slot_is_appended() -> None:
    assert compose_prompt("a fox", [use("film noir", strength=0.5)]) == "a fox, film noir"


def test_mixing_the_lead_wraps_the_prompt_and_the_others_add_clauses_by_level() -> None:
    lead = use("cinematic still of {prompt}, dramatic light", strength=0.8, suffix="graded", position=0)
    hint = use("{prompt}, watercolor", strength=0.2, position=1)
    blend = use("{prompt}, pixel art", strength=0.5, suffix="crisp", position=2)
    assert (
        compose_prompt("a fox", [lead, hint, blend])
        == "cinematic still of a fox, dramatic light, graded, with a hint of watercolor, blended with pixel art"
    )


def test_the_same_inputs_always_give_the_same_prompt() -> None:
    uses = [use("{prompt}, anime", strength=0.9, position=0), use("{prompt}, oil paint", strength=0.4, position=1)]
    assert len({compose_prompt("a fox", uses) for _ in range(20)}) == 1


def test_references_follow_strength_and_the_providers_limit() -> None:
    strong = use("{prompt}", strength=1.0, refs=4, position=0)
    half = use("{prompt}", strength=0.5, refs=4, position=1)
    chosen = preset_references([strong, half], budget=10)
    assert len(chosen) == 4 + 2  # round(1.0 * 4) + round(0.5 * 4)
    assert preset_references([strong, half], budget=5) == chosen[:5]  # later presets lose first
    assert preset_references([use("{prompt}", strength=0.0, refs=4)], budget=10) == []


@pytest.mark.parametrize(
    ("mode", "user_refs", "images", "budget"),
    [
        (GenerationMode.TEXT_TO_IMAGE, 0, 1, 0),  # text modes send no images
        (GenerationMode.SEQUENTIAL, 0, 4, 0),
        (GenerationMode.EDIT, 1, 1, 9),  # 10 images at most
        (GenerationMode.MULTI_REFERENCE, 10, 1, 0),
        (GenerationMode.EDIT_SEQUENTIAL, 2, 10, 3),  # references + images ≤ 15
    ],
)
def test_reference_budget_by_mode(mode: GenerationMode, user_refs: int, images: int, budget: int) -> None:
    assert reference_budget(mode, user_refs, images) == budget

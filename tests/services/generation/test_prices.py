"""The price table: defaults owned by generation, ``PRICES`` laid over them, unknown names refused at start."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.cli import main
from models.enums import GenerationMode, SizeTier
from services.core.config import Settings
from services.generation.capabilities import check_prices, price_per_image, price_table


def test_every_mode_costs_one_credit_and_4k_two_by_default() -> None:
    settings = Settings()
    for mode in GenerationMode:
        assert price_per_image(settings, mode, SizeTier.K1) == 1
        assert price_per_image(settings, mode, SizeTier.K2) == 1
        assert price_per_image(settings, mode, SizeTier.K4) == 2


def test_prices_override_only_what_they_name() -> None:
    settings = Settings(prices={"SEQUENTIAL": {"4K": 3}})
    assert price_per_image(settings, GenerationMode.SEQUENTIAL, SizeTier.K4) == 3
    assert price_per_image(settings, GenerationMode.SEQUENTIAL, SizeTier.K2) == 1
    assert price_per_image(settings, GenerationMode.EDIT, SizeTier.K4) == 2
    assert price_table(settings.prices)["SEQUENTIAL"] == {"1K": 1, "2K": 1, "4K": 3}


@pytest.mark.parametrize(
    ("prices", "message"),
    [({"SKETCH": {"1K": 1}}, "unknown mode 'SKETCH'"), ({"EDIT": {"8K": 1}}, "unknown tier '8K'")],
)
def test_unknown_modes_and_tiers_are_refused(prices: dict[str, dict[str, int]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_prices(Settings(prices=prices))


def test_out_of_range_prices_are_refused_by_the_settings() -> None:
    with pytest.raises(ValidationError, match="between 0 and 10000"):
        Settings(prices={"EDIT": {"1K": 10_001}})


def test_the_cli_refuses_an_unknown_mode_before_doing_anything(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PRICES", '{"SKETCH": {"1K": 1}}')
    assert main(["migrate"]) == 2
    assert "PRICES: unknown mode 'SKETCH'" in capsys.readouterr().err

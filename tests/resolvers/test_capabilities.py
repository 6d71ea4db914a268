"""`capabilities` tells a client the provider facts it cannot see: seeds, tier aspects, reference-image rules."""

from __future__ import annotations

from services.core.config import ProviderKind
from services.generation.capabilities import PROVIDER_FACTS
from tests.conftest import GQL

FACTS = """{ capabilities { provider providerFacts {
  seedSent seedReproducible tierSizesKeepAspect referenceContentTypes referenceMinSide referenceMaxSide
  referenceMaxAspectRatio referenceMaxBytes notes } } }"""


async def test_the_simulator_states_wavespeeds_facts(gql: GQL) -> None:
    body = await gql(FACTS)
    facts = body["data"]["capabilities"]["providerFacts"]
    assert body["data"]["capabilities"]["provider"] == "simulator"
    assert (facts["seedSent"], facts["seedReproducible"], facts["tierSizesKeepAspect"]) == (False, False, True)
    assert facts["referenceMaxBytes"] == 10 * 1024 * 1024
    assert any("seed" in note for note in facts["notes"])


def test_ark_states_its_reference_rules_and_ignored_seed() -> None:
    ark = PROVIDER_FACTS[ProviderKind.ARK]
    assert (ark.seed_sent, ark.seed_reproducible, ark.tier_sizes_keep_aspect) == (True, False, False)
    assert set(ark.reference_content_types) == {"image/jpeg", "image/png"}
    assert (ark.reference_min_side, ark.reference_max_side, ark.reference_max_aspect_ratio) == (15, 6000, 3.0)

// Forking a preset, by id (its page's Fork button) or by share code (the "Fork a shared preset" form and a share
// link): one mutation, and on success the reader lands on their new copy.
import { useNavigate } from "react-router-dom";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { CombinedError } from "@urql/core";
import type { UserErrorLike } from "../lib/errors";

const PresetFork = graphql(`
  mutation StylePresetFork($id: ID, $shareCode: String) {
    stylePresetFork(id: $id, shareCode: $shareCode) {
      stylePreset {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export interface ForkOutcome {
  forked: boolean;
  userErrors: readonly UserErrorLike[];
  error: CombinedError | undefined;
}

/** The fork mutation's state, and `fork` that opens the copy when there is one and otherwise says what went wrong. */
export function usePresetFork() {
  const navigate = useNavigate();
  const [state, run] = useMutation(PresetFork);
  const fork = async (source: { id: string } | { shareCode: string }): Promise<ForkOutcome> => {
    const outcome = await run(source);
    const payload = outcome.data?.stylePresetFork;
    if (payload?.stylePreset) navigate(`/presets/${payload.stylePreset.id}`);
    return { forked: !!payload?.stylePreset, userErrors: payload?.userErrors ?? [], error: outcome.error };
  };
  return [state, fork] as const;
}

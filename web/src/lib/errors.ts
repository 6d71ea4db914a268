// Expected failures, shown where they belong: a mutation's `userErrors` next to the fields they name, a query's
// BAD_USER_INPUT error (extensions.field) likewise, and anything else as one message for the whole form.
import type { CombinedError } from "@urql/core";

export interface UserErrorLike {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/** Errors keyed by field path (`input.prompt`, `document.preset.name`); `""` holds those for the whole request. */
export type FieldErrors = Record<string, string>;

/** The key of a field path, without the leading argument name when it is one of `strip` (e.g. `input`). */
export function fieldKey(field: readonly string[] | null | undefined, strip: readonly string[] = ["input"]): string {
  if (!field || field.length === 0) return "";
  const parts = strip.includes(field[0] ?? "") ? field.slice(1) : field;
  return parts.join(".");
}

export function fieldErrors(errors: readonly UserErrorLike[] | null | undefined, strip?: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors ?? []) {
    const key = fieldKey(error.field, strip);
    out[key] = out[key] ? `${out[key]} ${error.message}` : error.message;
  }
  return out;
}

/** The error for a field, or for any field nested under it (`references` also shows `references.0.uploadId`). */
export function errorFor(errors: FieldErrors, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const nested = Object.keys(errors).filter((k) => k.startsWith(`${key}.`));
  return nested.length ? nested.map((k) => errors[k]).join(" ") : undefined;
}

/** Errors of fields the form does not show, so that none is lost: they go to the form's top. */
export function unplacedErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !shown.some((s) => key === s || key.startsWith(`${s}.`)))
    .map(([, message]) => message);
}

/** One line for an action's outcome: its first userError, else the request's error, else `fallback`. */
export function firstProblem<F extends string | null>(
  userErrors: readonly UserErrorLike[] | null | undefined,
  error: CombinedError | Error | null | undefined,
  fallback: F,
): string | F {
  return userErrors?.[0]?.message ?? error?.message ?? fallback;
}

function extensionCode(error: { extensions?: Record<string, unknown> | null }): string | undefined {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** Whether the request failed because the token is missing, invalid or expired. */
export function isAuthError(error: CombinedError | null | undefined): boolean {
  return !!error && error.graphQLErrors.some((e) => extensionCode(e) === "UNAUTHENTICATED");
}

/** A query's input errors (BAD_USER_INPUT with `extensions.field`), keyed like `fieldErrors`. */
export function inputErrors(error: CombinedError | null | undefined, strip?: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of error?.graphQLErrors ?? []) {
    if (extensionCode(e) !== "BAD_USER_INPUT") continue;
    const field = e.extensions?.field;
    const key = fieldKey(Array.isArray(field) ? (field as string[]) : null, strip);
    out[key] = out[key] ? `${out[key]} ${e.message}` : e.message;
  }
  return out;
}

/** One sentence for people about a failed request. */
export function describeError(error: CombinedError | Error | null | undefined): string {
  if (!error) return "";
  if ("graphQLErrors" in error) {
    if (error.networkError) return "The API cannot be reached. Is the server running?";
    const first = error.graphQLErrors[0];
    if (first) {
      const code = extensionCode(first);
      if (code === "UNAUTHENTICATED") return "Your session has ended. Sign in again.";
      if (code === "FORBIDDEN") return "You are not allowed to do that.";
      if (code === "RATE_LIMITED") {
        const wait = Number(first.extensions?.retryAfter);
        return Number.isFinite(wait) && wait > 0 ? `Too many requests: try again in ${Math.ceil(wait)} s.` : "Too many requests: try again shortly.";
      }
      return first.message;
    }
  }
  return error.message;
}

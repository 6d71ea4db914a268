import { CombinedError } from "@urql/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { describeError, errorFor, fieldErrors, fieldKey, firstProblem, inputErrors, isAuthError, unplacedErrors } from "./errors";

describe("userErrors next to their fields", () => {
  it("keys errors by path without the argument name", () => {
    expect(fieldKey(["input", "name"])).toBe("name");
    expect(fieldKey(["input", "presets", "0", "weight"])).toBe("presets.0.weight");
    expect(fieldKey(["document", "preset", "promptTemplate"], ["document"])).toBe("preset.promptTemplate");
    expect(fieldKey(["shareCode"], [])).toBe("shareCode");
    expect(fieldKey(null)).toBe("");
  });

  it("joins several errors of one field and keeps request-wide ones under ''", () => {
    const errors = fieldErrors([
      { field: ["input", "name"], code: "INVALID", message: "Too long." },
      { field: ["input", "name"], code: "INVALID", message: "Bad characters." },
      { field: null, code: "INSUFFICIENT_CREDITS", message: "Not enough credits." },
    ]);
    expect(errors).toEqual({ name: "Too long. Bad characters.", "": "Not enough credits." });
  });

  it("shows nested errors on their parent field and collects the unplaced ones", () => {
    const errors = { "references.1.uploadId": "Not found.", prompt: "Empty.", "": "Whole request.", metadata: "Odd." };
    expect(errorFor(errors, "references")).toBe("Not found.");
    expect(errorFor(errors, "prompt")).toBe("Empty.");
    expect(errorFor(errors, "size")).toBeUndefined();
    expect(unplacedErrors(errors, ["prompt", "references"])).toEqual(["Whole request.", "Odd."]);
  });

  it("reduces an action's outcome to its first userError, else the request error, else the fallback", () => {
    const userErrors = [
      { field: ["id"], code: "NOT_FOUND", message: "No such preset." },
      { field: null, code: "INVALID", message: "Second." },
    ];
    const failed = new CombinedError({ graphQLErrors: [new GraphQLError("Server broke.")] });
    expect(firstProblem(userErrors, failed, "Fork failed.")).toBe("No such preset.");
    expect(firstProblem([], failed, "Fork failed.")).toBe(failed.message);
    expect(firstProblem(undefined, undefined, "Fork failed.")).toBe("Fork failed.");
    expect(firstProblem([], undefined, null)).toBeNull();
  });

  it("maps a query's BAD_USER_INPUT errors to fields", () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError("Size out of bounds.", { extensions: { code: "BAD_USER_INPUT", field: ["input", "size"] } }),
        new GraphQLError("Unexpected error.", { extensions: {} }),
      ],
    });
    expect(inputErrors(error)).toEqual({ size: "Size out of bounds." });
  });

  it("recognises an expired session and words failures for people", () => {
    const expired = new CombinedError({ graphQLErrors: [new GraphQLError("Token expired.", { extensions: { code: "UNAUTHENTICATED" } })] });
    expect(isAuthError(expired)).toBe(true);
    expect(describeError(expired)).toMatch(/Sign in again/);
    expect(isAuthError(new CombinedError({ graphQLErrors: [new GraphQLError("no")] }))).toBe(false);
    expect(describeError(new CombinedError({ networkError: new Error("ECONNREFUSED") }))).toMatch(/cannot be reached/);
    expect(describeError(new CombinedError({ graphQLErrors: [new GraphQLError("Nope.", { extensions: { code: "FORBIDDEN" } })] }))).toMatch(/not allowed/);
    const limited = new GraphQLError("Slow down.", { extensions: { code: "RATE_LIMITED", retryAfter: 2.2 } });
    expect(describeError(new CombinedError({ graphQLErrors: [limited] }))).toBe("Too many requests: try again in 3 s.");
  });
});

import { describe, expect, it } from "vitest";
import { readClaims, tokenProblem } from "./auth";
import { exportFileName, parseDocument } from "./presetDocument";

const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const token = (claims: object) => `${b64({ alg: "HS256" })}.${b64(claims)}.signature`;

describe("tokens", () => {
  it("reads the claims a client may show", () => {
    expect(readClaims(token({ sub: "alice", name: "Alice", exp: 2_000_000_000 }))).toEqual({ sub: "alice", name: "Alice", expiresAt: 2_000_000_000_000 });
    expect(readClaims("not-a-token")).toBeNull();
    expect(readClaims("a.%%%.c")).toBeNull();
  });

  it("says what is wrong with a pasted token", () => {
    expect(tokenProblem("")).toMatch(/Paste/);
    expect(tokenProblem("abc")).toMatch(/not a JWT/);
    expect(tokenProblem(token({ sub: "a", exp: 10 }), 20_000)).toMatch(/expired/);
    expect(tokenProblem(` ${token({ sub: "a", exp: 10 })} `, 5_000)).toBeNull();
  });
});

describe("preset documents", () => {
  it("parses JSON and reports a syntax error as one message", () => {
    expect(parseDocument('{"format": "x"}')).toEqual({ document: { format: "x" } });
    expect(parseDocument("")).toEqual({ error: "Paste an exported preset or choose a file." });
    expect("error" in parseDocument("{nope")).toBe(true);
  });

  it("names the export file safely", () => {
    expect(exportFileName("Film Noir / Ünïcode!", 3)).toBe("film-noir-unicode-v3.preset.json");
    expect(exportFileName("***", 1)).toBe("preset-v1.preset.json");
  });
});

// Preset export documents on the client: reading a pasted or uploaded one, and the file name to save one under.

/** Parse an export document; a syntax error is reported like a userError for the whole document. */
export function parseDocument(text: string): { document: unknown } | { error: string } {
  if (!text.trim()) return { error: "Paste an exported preset or choose a file." };
  try {
    return { document: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `noir-v3.preset.json`: the name made safe for a file system. */
export function exportFileName(name: string, version: number): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60);
  return `${slug || "preset"}-v${version}.preset.json`;
}

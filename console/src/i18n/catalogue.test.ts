// Every string a person reads comes from the catalogues: both languages hold the same
// keys, and every literal key the screens ask for exists in both.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en1 from "./en.json";
import en2 from "./part2.en.json";
import zh2 from "./part2.zh-CN.json";
import zh1 from "./zh-CN.json";

// The main catalogue and console part 2's, as index.ts merges them.
function merged(base: object, extra: object): object {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const here = out[k];
    out[k] = here && typeof here === "object" && typeof v === "object" ? merged(here as object, v) : v;
  }
  return out;
}
const en = merged(en1, en2);
const zh = merged(zh1, zh2);

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "gql" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("message catalogues", () => {
  it("hold the same keys in Chinese and English, none empty", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const flat = (tree: object): string[] => Object.values(tree).flatMap((v) => (typeof v === "object" ? flat(v) : [v]));
    expect(flat(zh).filter((v) => !v.trim())).toEqual([]);
    expect(flat(en).filter((v) => !v.trim())).toEqual([]);
  });

  it("have every key the screens use", () => {
    const known = new Set(keys(zh));
    const used = sources(join(__dirname, "..")).flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return [...text.matchAll(/\bt\("([a-zA-Z0-9_.]+)"/g), ...text.matchAll(/label: "((?:nav)\.[a-zA-Z]+)"/g)].map((m) => m[1]);
    });
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});

// Every string a person reads comes from the catalogues: both languages hold the same
// keys, and every literal key the screens ask for exists in both.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import zh from "./zh-CN.json";

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

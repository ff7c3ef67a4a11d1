import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { babelOptimizerPlugin } from "@graphql-codegen/client-preset";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

// The gateway serves <file>.gz to clients that accept gzip: compress once, at build time.
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "jointops-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((n) => {
          const p = join(dir, n);
          return statSync(p).isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(outDir)) {
        if (/\.(js|css|html|svg|json)$/.test(file)) {
          writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
        }
      }
    },
  };
}

// `virtual:error-texts/zh-CN`: one language of the error catalogue (infra/error_codes.py keeps
// both in src/i18n/errors.json), so the first route carries Chinese only and English's texts
// come with English.
function errorTexts(): Plugin {
  const PREFIX = "virtual:error-texts/";
  const catalogue = fileURLToPath(new URL("./src/i18n/errors.json", import.meta.url));
  return {
    name: "jointops-error-texts",
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const lang = id.slice(PREFIX.length + 1);
      this.addWatchFile(catalogue);
      const all = JSON.parse(readFileSync(catalogue, "utf8")) as Record<string, Record<string, string>>;
      return `export default ${JSON.stringify(Object.fromEntries(Object.entries(all).map(([code, text]) => [code, text[lang]])))};`;
    },
  };
}

export default defineConfig({
  base: "/console/",
  // graphql(`...`) calls become imports of their own documents, so a screen's chunk holds
  // only its queries, not the generated map of every document (gql.ts) on the first route
  plugins: [
    react({ babel: { plugins: [[babelOptimizerPlugin, { artifactDirectory: "./src/gql", gqlTagName: "graphql" }]] } }),
    errorTexts(),
    precompress(),
  ],
  build: {
    outDir: "dist",
    // Left to Rollup: each lazily loaded screen brings only the antd parts it uses, so
    // the first route's JavaScript stays small (bench/bench_console.py measures it).
    chunkSizeWarningLimit: 1500,
    manifest: true, // bench/bench_console.py sums what the first route loads
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});

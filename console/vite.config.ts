import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

export default defineConfig({
  base: "/console/",
  plugins: [react(), precompress()],
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

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { clearRuntimeCache, RUNTIME_CACHE_DIRS } from "../../scripts/lib/app";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

it("each next start begins without the pages an earlier run cached, and keeps the build", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "techex-cache-"));
  roots.push(root);
  for (const dir of RUNTIME_CACHE_DIRS) {
    fs.mkdirSync(path.join(root, dir, "vi"), { recursive: true });
    fs.writeFileSync(path.join(root, dir, "vi", "technologies.html"), "<p>an earlier database</p>");
  }
  fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "build");
  clearRuntimeCache(root);
  for (const dir of RUNTIME_CACHE_DIRS) expect(fs.existsSync(path.join(root, dir))).toBe(false);
  expect(fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8")).toBe("build");
  clearRuntimeCache(root); // nothing left to remove is fine
});

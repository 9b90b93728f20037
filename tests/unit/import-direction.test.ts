import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Imports point one way: app/ (routes) may use components/, never the reverse. A component that
 * needs a server action gets it as a prop from the page that renders it (see
 * components/matching/match-state-controls.tsx), or lives under its route as `_components/`.
 */
const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");

/** Every module specifier of a source file: static, type-only, re-exports, dynamic `import()` and `require()`. */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The specifiers of `file` (absolute path) that resolve into app/, by the `@/` alias or a relative path. */
function importsIntoApp(file: string, source: string): string[] {
  return specifiers(source).filter((spec) => {
    let target: string;
    if (spec === "@" || spec.startsWith("@/")) target = path.join(root, spec.slice(1));
    else if (spec.startsWith(".")) target = path.resolve(path.dirname(file), spec);
    else return false;
    const rel = path.relative(appDir, target);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  });
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}

describe("import direction", () => {
  it("finds the component sources it scans", () => {
    const files = sourceFiles(path.join(root, "components")).map((f) => path.relative(root, f));
    expect(files).toContain(path.join("components", "matching", "match-state-controls.tsx"));
    expect(files.length).toBeGreaterThan(20);
  });

  it("components/ never imports from app/", () => {
    const offending = sourceFiles(path.join(root, "components")).flatMap((file) =>
      importsIntoApp(file, fs.readFileSync(file, "utf8")).map((spec) => `${path.relative(root, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  describe("the check itself", () => {
    const file = path.join(root, "components", "listings", "example.tsx");
    const check = (source: string) => importsIntoApp(file, source);

    it("flags the @/app alias in every import form", () => {
      expect(check('import { a } from "@/app/[locale]/(auth)/register/actions";')).toHaveLength(1);
      expect(check('import type { T } from "@/app/x/actions";')).toHaveLength(1);
      expect(check('export { a } from "@/app/x/actions";')).toHaveLength(1);
      expect(check('export * from "@/app/x";')).toHaveLength(1);
      expect(check('const m = await import("@/app/x/actions");')).toHaveLength(1);
      expect(check('const m = require("@/app/x/actions");')).toHaveLength(1);
      expect(check('import "@/app/globals.css";')).toHaveLength(1);
      expect(check("import { a } from '@/app/x';")).toHaveLength(1);
    });

    it("flags relative paths that reach into app/", () => {
      expect(check('import { a } from "../../app/[locale]/(account)/account/listing-actions";')).toHaveLength(1);
      expect(check('import { a } from "../../app";')).toHaveLength(1);
      expect(check('import { a } from "../.././app/x";')).toHaveLength(1);
    });

    it("lets everything else through", () => {
      expect(
        check(
          [
            'import { Button } from "@/components/ui/button";',
            'import type { ActionResult } from "@/lib/errors";',
            'import { UploadForm } from "./attachments";',
            'import { AppShell } from "../layout/app-shell";',
            'import { x } from "../../components/app/x";',
            'import { y } from "@/lib/app/y";',
            'import { useState } from "react";',
            'import next from "next/navigation";',
            '// import { a } from "@/app/commented-out";',
          ].join("\n"),
        ),
      ).toEqual([]);
    });
  });
});

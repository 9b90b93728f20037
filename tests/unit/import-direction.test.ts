import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Imports point one way: app/ (routes) may use components/, never the reverse. A component that
 * needs a server action gets it as a prop from the page that renders it (see
 * components/matching/match-state-controls.tsx), or lives under its route as `_components/`.
 *
 * And nothing imports itself round a loop: no cycle between source files, and no cycle between
 * lib modules (a module is a directory directly under lib/, or a single file directly under lib/),
 * so every lib module has a place in one order of layers. Type-only imports count: they tie the
 * modules together just the same, and a type that has to come from above belongs lower down.
 */
const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");
const libDir = path.join(root, "lib");

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

/** Source files under `dir`, skipping the folders given (absolute paths) and dependencies. */
function sourceFiles(dir: string, skip: string[] = []): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === "node_modules" || entry.name.startsWith(".") || skip.includes(full)
        ? []
        : sourceFiles(full, skip);
    }
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];

/** The project file a specifier of `from` names (by the `@/` alias or a relative path), or null for a package. */
function resolveImport(from: string, spec: string, exists: (file: string) => boolean): string | null {
  let base: string;
  if (spec === "@" || spec.startsWith("@/")) base = path.join(root, spec.slice(1));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  return candidates.find(exists) ?? null;
}

type Graph = Map<string, Set<string>>;

/** Every project file's imports of other project files (all import forms, type-only ones included). */
function importGraph(files: string[]): Graph {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const targets = specifiers(fs.readFileSync(file, "utf8"))
        .map((spec) => resolveImport(file, spec, (f) => known.has(f)))
        .filter((target): target is string => target !== null);
      return [file, new Set(targets)];
    }),
  );
}

/**
 * The tangles of `graph`: its strongly connected components that hold a cycle (Tarjan), each sorted,
 * in order of their first node. Every node of a tangle reaches every other one through imports.
 */
function tangles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
}

/** One cycle per tangle, as the path `[a, b, …, a]`: the shortest loop through its first node. */
function findCycles(graph: Graph): string[][] {
  return tangles(graph).map((tangle) => shortestLoop(graph, tangle));
}

/** The shortest path from the component's first node back to itself, inside the component (BFS). */
function shortestLoop(graph: Graph, component: string[]): string[] {
  const inside = new Set(component);
  const start = component[0] ?? "";
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] ?? "";
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const way: string[] = [];
        for (let u = v; u !== start; u = previous.get(u) ?? start) way.unshift(u);
        return [start, ...way, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** The lib module of a file: `lib/<dir>` for a file in a directory under lib/, `lib/<name>` for a file directly in it. */
function libModule(file: string): string | null {
  const rel = path.relative(libDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const [first = "", ...rest] = rel.split(path.sep);
  return `lib/${rest.length ? first : first.replace(/\.(ts|tsx|mts|cts)$/, "")}`;
}

/** The module graph of lib/, each edge with one file import that makes it (for the failure message). */
function moduleGraph(files: Graph): { graph: Graph; because: Map<string, string> } {
  const graph: Graph = new Map();
  const because = new Map<string, string>();
  for (const [file, targets] of files) {
    const from = libModule(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of targets) {
      const to = libModule(target);
      if (!to || to === from) continue;
      graph.get(from)?.add(to);
      const edge = `${from} → ${to}`;
      if (!because.has(edge)) because.set(edge, `${rel(file)} imports ${rel(target)}`);
    }
  }
  return { graph, because };
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

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

  describe("no import cycle", () => {
    const files = importGraph(sourceFiles(root, [path.join(libDir, "generated")]));

    it("reads the project's imports, type-only ones included", () => {
      expect(files.size).toBeGreaterThan(300);
      const sql = files.get(path.join(libDir, "search", "sql.ts"));
      // sql.ts imports rank.ts and re-exports from it; rank.ts imports params.ts for a type only.
      expect(sql).toContain(path.join(libDir, "search", "rank.ts"));
      expect(files.get(path.join(libDir, "search", "rank.ts"))).toContain(path.join(libDir, "search", "params.ts"));
    });

    it("between files", () => {
      expect(findCycles(files).map((cycle) => cycle.map(rel).join(" → "))).toEqual([]);
    });

    it("between lib modules", () => {
      const { graph, because } = moduleGraph(files);
      expect(graph.size).toBeGreaterThan(20);
      const cycles = tangles(graph).map((tangle) => {
        const loop = shortestLoop(graph, tangle);
        const hops = loop.slice(1).map((to, i) => `${loop[i]} → ${to} (${because.get(`${loop[i]} → ${to}`)})`);
        // A tangle of more modules than the loop shows is named whole: each of them has to move.
        const more = tangle.length > loop.length - 1 ? ` [tangle: ${tangle.join(", ")}]` : "";
        return hops.join(", ") + more;
      });
      expect(cycles).toEqual([]);
    });
  });

  describe("the cycle check itself", () => {
    const graph = (edges: Record<string, string[]>): Graph =>
      new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

    it("finds a loop and gives its path", () => {
      expect(findCycles(graph({ a: ["b"], b: ["c"], c: ["a"], d: ["a"] }))).toEqual([["a", "b", "c", "a"]]);
      expect(findCycles(graph({ a: ["a"] }))).toEqual([["a", "a"]]);
    });

    it("names every module of a tangle", () => {
      expect(tangles(graph({ a: ["b"], b: ["a", "c"], c: ["b"], d: ["c"] }))).toEqual([["a", "b", "c"]]);
    });

    it("gives the shortest loop of a tangle, and one per tangle", () => {
      const cycles = findCycles(graph({ a: ["b", "c"], b: ["c"], c: ["a"], x: ["y"], y: ["x", "a"] }));
      expect(cycles).toEqual([
        ["a", "c", "a"],
        ["x", "y", "x"],
      ]);
    });

    it("passes a graph without loops", () => {
      expect(findCycles(graph({ a: ["b", "c"], b: ["c"], c: [], d: ["a", "c"] }))).toEqual([]);
    });

    it("resolves the alias, relative paths, extensions and index files, not packages", () => {
      const from = path.join(libDir, "catalog", "catalog.ts");
      const known = new Set([path.join(libDir, "search", "sql.ts"), path.join(libDir, "jobs", "index.ts")]);
      const resolve = (spec: string) => resolveImport(from, spec, (f) => known.has(f));
      expect(resolve("@/lib/search/sql")).toBe(path.join(libDir, "search", "sql.ts"));
      expect(resolve("../search/sql")).toBe(path.join(libDir, "search", "sql.ts"));
      expect(resolve("../search/sql.ts")).toBe(path.join(libDir, "search", "sql.ts"));
      expect(resolve("@/lib/jobs")).toBe(path.join(libDir, "jobs", "index.ts"));
      expect(resolve("zod")).toBeNull();
      expect(resolve("./missing")).toBeNull();
    });

    it("counts a type-only import as an import", () => {
      expect(specifiers('import type { A } from "./a";\nexport type { B } from "./b";')).toEqual(["./a", "./b"]);
    });

    it("groups lib files into modules and names the import behind each module edge", () => {
      expect(libModule(path.join(libDir, "search", "sql.ts"))).toBe("lib/search");
      expect(libModule(path.join(libDir, "db.ts"))).toBe("lib/db");
      expect(libModule(path.join(root, "components", "catalog", "x.tsx"))).toBeNull();
      const lib = (f: string) => path.join(libDir, ...f.split("/"));
      const { graph, because } = moduleGraph(
        new Map([
          [lib("search/sql.ts"), new Set([lib("search/rank.ts"), lib("catalog/where.ts")])],
          [lib("catalog/paging.ts"), new Set([lib("search/queries.ts"), lib("db.ts")])],
          [path.join(root, "app", "page.tsx"), new Set([lib("search/sql.ts")])],
        ]),
      );
      expect(findCycles(graph)).toEqual([["lib/catalog", "lib/search", "lib/catalog"]]);
      expect(because.get("lib/search → lib/catalog")).toBe("lib/search/sql.ts imports lib/catalog/where.ts");
      expect(graph.get("lib/catalog")).toEqual(new Set(["lib/search", "lib/db"]));
    });
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

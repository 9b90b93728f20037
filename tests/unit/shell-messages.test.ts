import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { Role } from "@/lib/generated/prisma/enums";
import { loadMessages, pickMessages, SHELL_CLIENT_MESSAGES } from "@/lib/i18n/messages";

/**
 * The root layout sends the browser only SHELL_CLIENT_MESSAGES (lib/i18n/messages.ts). A client
 * component of the shell asking for a key outside it would show the key instead of the text, so
 * every key those components ask for is checked here, in both languages: the client modules reached
 * from the header, the footer and the error page are read, and each `useTranslations` call resolved.
 */

const root = path.resolve(import.meta.dirname, "../..");
const ROOTS = ["components/layout/site-header.tsx", "components/layout/site-footer.tsx", "app/[locale]/error.tsx"];

/** The keys behind calls with a computed key, per file and argument; a new one must be added here. */
const COMPUTED: Record<string, Record<string, readonly string[]>> = {
  // AccountArea of lib/auth/account-area.ts
  "components/layout/account-menu.tsx": { area: ["workspace", "admin"], r: Object.values(Role) },
  "components/search/search-box.tsx": {
    "`types.${group.type}`": ["types.offer", "types.demand", "types.field", "types.organization"],
  },
};

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  if (!/^(components|app)\//.test(base)) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, `${base}/index.ts`]) {
    const file = path.join(root, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** Client modules reachable from the roots: marked "use client", or imported by such a module. */
function clientModules(): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const isClient = client || /^\s*["']use client["']/.test(source);
    if (isClient) found.set(file, source);
    for (const match of source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm)) {
      const target = resolveImport(file, match[1]!);
      if (target) walk(target, isClient);
    }
  };
  for (const file of ROOTS) walk(file, false);
  return found;
}

/** Every key the module asks for, as "namespace.key". */
function requestedKeys(file: string, source: string): string[] {
  const keys: string[] = [];
  for (const [, name, namespace] of source.matchAll(/const (\w+) = useTranslations\("([^"]*)"\)/g)) {
    const prefix = namespace ? `${namespace}.` : "";
    for (const [, method, argument] of source.matchAll(new RegExp(`\\b${name}(\\.\\w+)?\\(([^,)]+)`, "g"))) {
      if (method === ".has") continue;
      const literal = /^"([^"]+)"$/.exec(argument!.trim());
      const computed = literal ? [literal[1]!] : COMPUTED[file]?.[argument!.trim()];
      if (!computed) throw new Error(`${file}: add the keys of ${name}(${argument}) to COMPUTED`);
      keys.push(...computed.map((k) => `${prefix}${k}`));
    }
  }
  return keys;
}

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe("messages sent to every page", () => {
  const modules = clientModules();

  it("reaches the shell's client components", () => {
    for (const file of [
      "components/layout/account-menu.tsx",
      "components/layout/language-switcher.tsx",
      "components/notifications/bell.tsx",
      "components/search/search-box.tsx",
      "app/[locale]/error.tsx",
    ]) {
      expect([...modules.keys()], file).toContain(file);
    }
  });

  it.each(["vi", "en"])("hold every key the shell's client components ask for (%s)", async (locale) => {
    const shell = pickMessages(await loadMessages(locale), SHELL_CLIENT_MESSAGES);
    const missing: string[] = [];
    let checked = 0;
    for (const [file, source] of modules) {
      for (const key of requestedKeys(file, source)) {
        checked++;
        if (typeof lookup(shell, key) !== "string") missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });

  it("leave out what no client component of the shell uses", async () => {
    const shell = pickMessages(await loadMessages("vi"), SHELL_CLIENT_MESSAGES);
    // Action errors are translated on the server; the header's links are server-rendered.
    expect(lookup(shell, "errors.forbidden")).toBeUndefined();
    expect(lookup(shell, "errors.notFoundTitle")).toBeUndefined();
    expect(lookup(shell, "nav.technologies")).toBeUndefined();
  });
});

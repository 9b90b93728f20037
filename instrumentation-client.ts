import { z } from "zod";

// Zod 4 probes `new Function("")` on first use to pick its fast path; the site's CSP forbids eval, so
// every browser logged a CSP violation (Lighthouse best practices: inspector-issues). Jitless skips it.
z.config({ jitless: true });

/**
 * Issue 13 item 8: the public statistics API gives the KPI engine's public figures; every open
 * data download parses and holds no personal data of any user (e-mails, phones, names of the users
 * created here, scanned byte by byte) and no confidential demand's organization; CSV is UTF-8 with
 * a BOM and formula-safe; the OpenAPI document is 3.1 in shape and describes every route under
 * app/api/v1 (the folder is walked, so a new route without documentation fails here).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as fileGET } from "@/app/api/v1/open-data/[file]/route";
import { GET as indexGET } from "@/app/api/v1/open-data/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as offersGET } from "@/app/api/v1/offers/route";
import { GET as demandsGET } from "@/app/api/v1/demands/route";
import { GET as statisticsGET } from "@/app/api/v1/statistics/route";
import { GET as auditHeadsGET } from "@/app/api/v1/audit-heads/route";
import { db } from "@/lib/db";
import { KPI_CATALOGUE, PUBLIC_METRICS } from "@/lib/kpi/catalogue";
import { publicKpis } from "@/lib/kpi/compute";
import { parsePeriodKey, periodContaining } from "@/lib/calendar/periods";
import type { KpiValue } from "@/lib/kpi/values";
import { DATASET_FILE_NAMES, DATASET_FILES, type DatasetFile } from "@/lib/open-data/catalog";
import { LISTING_COLUMNS } from "@/lib/open-data/listings";
import { MONTHLY_COLUMNS } from "@/lib/open-data/datasets";
import type { JsonSchema, OpenApiDocument, Operation } from "@/lib/open-data/openapi-types";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { API_BASE, readJson } from "../support/public-api";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TAG = `od${Date.now().toString(36)}`;

/** Personal data of the users created here: none may appear in any download. */
const PEOPLE = [
  { name: "Phạm Quỳnh Xuyến Opendata", email: `xuyen.${TAG}@private-mail.vn`, phone: "+84 987 654 321" },
  { name: "Lò Văn Khẩu Opendata", email: `khau.${TAG}@private-mail.vn`, phone: "0912 000 777" },
  { name: "Hà Thị Bảo Mật Opendata", email: `baomat.${TAG}@private-mail.vn`, phone: "024 3999 8888" },
];
const SECRET_ORG = `Công ty Cơ khí Kín Đáo ${TAG}`;
const SECRET_SLUG = `co-khi-kin-dao-${TAG}`;
const PUBLIC_ORG = `Viện Vật liệu Công khai ${TAG}`;
/** A researcher listing on their own: the "organization" is the person (review of issue #13). */
const INDIVIDUAL = `Nguyễn Văn Cá Nhân ${TAG}`;
const INDIVIDUAL_SLUG = `nguyen-van-ca-nhan-${TAG}`;
const FORMULA_TITLE = `=HYPERLINK("http://evil.example","Công nghệ ${TAG}")`;

let offerId = "";
let confidentialId = "";
let openDemandId = "";

beforeAll(async () => {
  await ensureTaxonomy(db);
  const institute = await createOrganization(db, { name: PUBLIC_ORG, type: "INSTITUTE" });
  const secret = await createOrganization(db, { name: SECRET_ORG, slug: SECRET_SLUG, type: "ENTERPRISE" });
  const [provider, seeker, hidden] = await Promise.all(
    PEOPLE.map((p, i) =>
      createUser(db, {
        roles: [i === 0 ? "PROVIDER" : "SEEKER"],
        organizationId: i === 2 ? secret.id : institute.id,
        name: p.name,
        email: p.email,
      }),
    ),
  );
  await Promise.all(
    [provider!, seeker!, hidden!].map((u, i) =>
      db.user.update({ where: { id: u.id }, data: { phone: PEOPLE[i]!.phone } }),
    ),
  );
  offerId = (
    await db.offer.create({ data: buildOffer(institute.id, provider!.id, { titleVi: FORMULA_TITLE, trl: 7 }) })
  ).id;
  await db.offer.create({ data: buildOffer(institute.id, provider!.id, { titleVi: `Công nghệ nano ${TAG}`, trl: 4 }) });
  // Drafts are never published: not in any download.
  await db.offer.create({
    data: buildOffer(institute.id, provider!.id, { titleVi: `Bản nháp ${TAG}`, status: "DRAFT", publishedAt: null }),
  });
  const individual = await createOrganization(db, { name: INDIVIDUAL, slug: INDIVIDUAL_SLUG, type: "INDIVIDUAL" });
  await db.offer.create({ data: buildOffer(individual.id, provider!.id, { titleVi: `Sáng chế cá nhân ${TAG}` }) });
  confidentialId = (
    await db.demand.create({
      data: buildDemand(secret.id, hidden!.id, { titleVi: `Nhu cầu bảo mật ${TAG}`, confidential: true, trlMin: 5 }),
    })
  ).id;
  openDemandId = (
    await db.demand.create({ data: buildDemand(institute.id, seeker!.id, { titleVi: `Nhu cầu mở ${TAG}`, trlMin: 3 }) })
  ).id;
});

const statistics = (query: string) => statisticsGET(new Request(`${API_BASE}/statistics${query}`));
const download = (file: string) =>
  fileGET(new Request(`${API_BASE}/open-data/${file}`), { params: Promise.resolve({ file }) });

/** RFC 4180: records of fields, quotes doubled inside quoted fields, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== "") throw new Error(`A quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      records.push(record);
      record = [];
      i++;
    } else if (c === "\n" || c === "\r") throw new Error(`A bare line break at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error("An unterminated quoted field");
  if (field !== "" || record.length) throw new Error("The last record does not end with CRLF");
  return records;
}

const files: Partial<Record<DatasetFile, Buffer>> = {};

async function fileBytes(file: DatasetFile): Promise<Buffer> {
  if (!files[file]) {
    const response = await download(file);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${file}"`);
    expect(response.headers.get("content-type")).toContain(
      DATASET_FILES[file].format === "csv" ? "text/csv" : "application/json",
    );
    files[file] = Buffer.from(await response.arrayBuffer());
  }
  return files[file]!;
}

function expectedValue(metric: (typeof PUBLIC_METRICS)[number], v: KpiValue) {
  return KPI_CATALOGUE[metric].unit === "vnd" ? (v.amount ?? 0n).toString() : v.value;
}

describe("GET /api/v1/statistics", () => {
  it("answers the KPI engine's public figures for the period, with each metric's unit", async () => {
    for (const key of [null, "2026-Q1", "2025"]) {
      const period = key ? parsePeriodKey(key)! : periodContaining("month", new Date());
      const body = await readJson(await statistics(key ? `?period=${key}` : ""));
      const report = await publicKpis(period, { byField: true });
      expect(body.period.key).toBe(period.key);
      expect(new Date(body.asOf).getTime()).toBeLessThanOrEqual(period.to.getTime());
      expect(Object.keys(body.metrics)).toEqual(PUBLIC_METRICS);
      const values = report.values as Record<string, KpiValue>;
      for (const metric of PUBLIC_METRICS) {
        expect(body.metrics[metric].unit, metric).toBe(KPI_CATALOGUE[metric].unit);
        expect(body.metrics[metric].value, metric).toEqual(expectedValue(metric, values[metric]!));
      }
    }
  });

  it("counts what was published here, by field and by TRL, adding up to the totals", async () => {
    const body = await readJson(await statistics(""));
    const { offers_published: offers, demands_published: demands } = body.metrics;
    expect(offers.value).toBeGreaterThanOrEqual(2);
    expect(demands.value).toBeGreaterThanOrEqual(2);
    const byTrl = body.byTrl as { trl: number; offers: number; demands: number }[];
    expect(byTrl.map((r) => r.trl)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(byTrl.reduce((sum, r) => sum + r.offers, 0)).toBe(offers.value);
    expect(byTrl.reduce((sum, r) => sum + r.demands, 0)).toBe(demands.value);
    expect(byTrl.find((r) => r.trl === 7)!.offers).toBeGreaterThanOrEqual(1);
    expect(byTrl.find((r) => r.trl === 5)!.demands).toBeGreaterThanOrEqual(1);
    const engineering = body.byField.find((r: { field: { code: string } | null }) => r.field?.code === "2");
    expect(engineering.field.nameEn).toBe("Engineering and technology");
    expect(engineering.metrics.offers_published.value).toBe(offers.value);
    expect(body.funnel.map((s: { metric: string }) => s.metric)[0]).toBe("funnel_listings_published");
  });

  it("refuses a bad period with 400 and a clear message", async () => {
    for (const bad of ["2026-13", "2026-Q5", "abc", "2026-1", "2026-10-01..2026-11-15", "1999", "2099", "2099-01"]) {
      const response = await statistics(`?period=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(400);
      const body = await readJson(response);
      expect(body.error).toBe("invalid_parameters");
      expect(body.issues).toEqual([{ path: "period", message: expect.stringMatching(/^period must /) }]);
    }
  });
});

describe("open data downloads", () => {
  it("are listed in the open data index", async () => {
    const body = await readJson(indexGET());
    const urls = body.datasets.flatMap((d: { files: { url: string }[] }) => d.files.map((f) => f.url));
    for (const file of DATASET_FILE_NAMES) expect(urls).toContain(`/api/v1/open-data/${file}`);
    expect(urls).toContain("/api/v1/audit-heads");
    expect(body.licence.id).toBe("CC-BY-4.0");
  });

  it("CSV files are UTF-8 with a BOM, parse as RFC 4180 and have the documented columns", async () => {
    for (const file of DATASET_FILE_NAMES.filter((f) => DATASET_FILES[f].format === "csv")) {
      const bytes = await fileBytes(file);
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      const records = parseCsv(bytes.toString("utf8").slice(1));
      const { dataset } = DATASET_FILES[file];
      const header =
        dataset === "statistics-monthly" ? [...MONTHLY_COLUMNS] : LISTING_COLUMNS[dataset].map((c) => c.name);
      expect(records[0], file).toEqual(header);
      expect(
        records.every((r) => r.length === header.length),
        file,
      ).toBe(true);
      if (dataset === "statistics-monthly") expect(records.length).toBe(13);
    }
  });

  it("listings hold the published listings only, with public organizations and a formula-safe title", async () => {
    const offers = parseCsv((await fileBytes("offers.csv")).toString("utf8").slice(1));
    const column = (name: string) => offers[0]!.indexOf(name);
    const row = offers.find((r) => r[column("id")] === offerId)!;
    expect(row[column("titleVi")]).toBe(`'${FORMULA_TITLE}`);
    expect(row[column("organizationName")]).toBe(PUBLIC_ORG);
    expect(offers.some((r) => r.join().includes(`Bản nháp ${TAG}`))).toBe(false);

    const json = JSON.parse((await fileBytes("offers.json")).toString("utf8"));
    const item = json.items.find((i: { id: string }) => i.id === offerId);
    expect(item.titleVi).toBe(FORMULA_TITLE);
    expect(item.organizationName).toBe(PUBLIC_ORG);
    expect(Object.keys(item)).toEqual(LISTING_COLUMNS.offers.map((c) => c.name));
  });

  it("a confidential demand comes without its organization; an open one with it", async () => {
    const json = JSON.parse((await fileBytes("demands.json")).toString("utf8"));
    const secret = json.items.find((i: { id: string }) => i.id === confidentialId);
    expect(secret.confidential).toBe(true);
    for (const key of [
      "organizationName",
      "organizationNameEn",
      "organizationSlug",
      "organizationType",
      "organizationVerified",
    ]) {
      expect(secret[key], key).toBeNull();
    }
    const open = json.items.find((i: { id: string }) => i.id === openDemandId);
    expect(open.organizationName).toBe(PUBLIC_ORG);
    const csv = parseCsv((await fileBytes("demands.csv")).toString("utf8").slice(1));
    const row = csv.find((r) => r[0] === confidentialId)!;
    expect(row[csv[0]!.indexOf("organizationName")]).toBe("");
  });

  it("contain no e-mail, phone or name of any user, nor the confidential demand's organization", async () => {
    const users = await db.user.findMany({ select: { email: true, name: true, phone: true } });
    const secrets = [
      ...users.flatMap((u) => [u.email, u.phone].filter((v): v is string => !!v)),
      ...PEOPLE.flatMap((p) => [p.name, p.email, p.phone]),
      SECRET_ORG,
      SECRET_SLUG,
      INDIVIDUAL,
      INDIVIDUAL_SLUG,
    ];
    expect(secrets.length).toBeGreaterThan(9);
    for (const file of DATASET_FILE_NAMES) {
      const text = (await fileBytes(file)).toString("utf8");
      if (DATASET_FILES[file].format === "json") expect(() => JSON.parse(text), file).not.toThrow();
      for (const secret of secrets) expect(text.includes(secret), `${file} contains ${secret}`).toBe(false);
      for (const person of PEOPLE) expect(text.includes(person.name), `${file} names ${person.name}`).toBe(false);
    }
    // The downloads did carry this test's data: the scan is not vacuous.
    expect((await fileBytes("demands.json")).toString("utf8")).toContain(`Nhu cầu bảo mật ${TAG}`);
    expect((await fileBytes("offers.csv")).toString("utf8")).toContain(PUBLIC_ORG);
    expect((await fileBytes("offers.csv")).toString("utf8")).toContain(`Sáng chế cá nhân ${TAG}`);
  });

  it("an unknown file answers 404", async () => {
    for (const file of ["users.csv", "offers.xml", "..%2Fsecrets"]) expect((await download(file)).status).toBe(404);
  });

  it("the monthly statistics equal each month's public statistics", async () => {
    const json = JSON.parse((await fileBytes("statistics-monthly.json")).toString("utf8"));
    expect(json.items).toHaveLength(12);
    const current = json.items.at(-1);
    expect(current.period.key).toBe(periodContaining("month", new Date()).key);
    const report = await publicKpis(periodContaining("month", new Date()));
    const values = report.values as Record<string, KpiValue>;
    for (const metric of PUBLIC_METRICS) {
      expect(current.metrics[metric].value, metric).toEqual(expectedValue(metric, values[metric]!));
    }
  });
});

describe("the OpenAPI document", () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    doc = await readJson(openapiGET());
  });

  it("is OpenAPI 3.1 in shape: every operation has a summary and responses, every reference resolves", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    for (const [route, item] of Object.entries(doc.paths)) {
      expect(route.startsWith("/api/v1/"), route).toBe(true);
      for (const [method, operation] of Object.entries(item) as [string, Operation][]) {
        expect(["get", "post", "put", "patch", "delete"]).toContain(method);
        expect(operation.summary, route).toBeTruthy();
        expect(Object.keys(operation.responses).length, route).toBeGreaterThan(0);
        for (const name of route.match(/\{(\w+)\}/g) ?? []) {
          const param = operation.parameters?.find((p) => p.in === "path" && `{${p.name}}` === name);
          expect(param?.required, `${route} ${name}`).toBe(true);
        }
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it("describes every route under app/api/v1", () => {
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/^route\.(ts|tsx|js)$/.test(entry.name)) routes.push(path.relative(path.join(ROOT, "app"), dir));
      }
    };
    walk(path.join(ROOT, "app/api/v1"));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    const documented = Object.keys(doc.paths);
    for (const route of routes) {
      const openapiPath = `/${route.split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      expect(documented, `${route} is not in the OpenAPI document`).toContain(openapiPath);
    }
  });

  it("its schemas name exactly the keys the routes return", async () => {
    const schema = (name: string) => doc.components.schemas[name] as JsonSchema;
    const keys = (name: string) => [...(schema(name).required ?? [])].sort();
    const offers = await readJson(await offersGET(new Request(`${API_BASE}/offers?pageSize=5`)));
    expect(Object.keys(offers).sort()).toEqual(keys("OfferList"));
    expect(Object.keys(offers.items[0]).sort()).toEqual(keys("OfferListItem"));
    const demands = await readJson(await demandsGET(new Request(`${API_BASE}/demands?pageSize=5`)));
    expect(Object.keys(demands.items[0]).sort()).toEqual(keys("DemandListItem"));
    const organization = offers.items.find((i: { organization: unknown }) => i.organization)?.organization;
    expect(Object.keys(organization).sort()).toEqual(keys("Organization"));
    const stats = await readJson(await statistics(""));
    expect(Object.keys(stats).sort()).toEqual(keys("Statistics"));
    expect(Object.keys(stats.metrics).sort()).toEqual(keys("Metrics"));
    const heads = await readJson(await auditHeadsGET(new Request(`${API_BASE}/audit-heads`)));
    expect(Object.keys(heads).sort()).toEqual(keys("AuditHeads"));
    expect(Object.keys(stats.period).sort()).toEqual(
      [...(schema("Statistics").properties!.period!.required ?? [])].sort(),
    );
  });
});

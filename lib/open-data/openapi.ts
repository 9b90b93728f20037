import { OrgType, IpStatus, TransferForm } from "@/lib/generated/prisma/enums";
import { API_MAX_PAGE_SIZE, API_PAGE_SIZE } from "@/lib/catalog/schemas";
import { DEMAND_SORTS, OFFER_SORTS } from "@/lib/search/filters";
import { DATASET_FILE_NAMES, LICENCE } from "./catalog";
import { EXAMPLES } from "./openapi-examples";
import { SCHEMAS } from "./openapi-schemas";
import type { JsonSchema, OpenApiDocument, Operation, Parameter, ResponseObject } from "./openapi-types";
import { PERIOD_FORMAT_MESSAGE } from "./period";

/**
 * The OpenAPI 3.1 document of the public API (`GET /api/v1/openapi.json`), also the source of the
 * /developers page. Every route under app/api/v1 is described here (tests/integration/open-data
 * walks the folder, so a new route without documentation fails it). Pure: no I/O.
 */

const CACHE_HEADER = {
  "Cache-Control": { description: "public, max-age=60 (30 for suggestions)", schema: { type: "string" } },
};

const json = (schema: string, example: unknown): ResponseObject["content"] => ({
  "application/json": { schema: { $ref: `#/components/schemas/${schema}` }, example },
});

const ok = (description: string, schema: string, example: unknown): ResponseObject => ({
  description,
  headers: CACHE_HEADER,
  content: json(schema, example),
});

const BAD_REQUEST: ResponseObject = {
  description: "Invalid parameters: every issue, with the parameter it concerns.",
  content: json("InvalidParameters", {
    error: "invalid_parameters",
    issues: [{ path: "trlMin", message: "trlMin must be a whole number from 1 to 9" }],
  }),
};

const NOT_FOUND: ResponseObject = {
  description: "No published listing (or file) of that name.",
  content: json("NotFound", { error: "not_found" }),
};

function q(name: string, schema: JsonSchema, en: string, vi: string, example?: string | number): Parameter {
  return {
    name,
    in: "query",
    description: en,
    "x-description-vi": vi,
    schema,
    ...(example !== undefined ? { example } : {}),
  };
}

const enumOf = (values: Record<string, string> | readonly string[]): JsonSchema => ({
  type: "string",
  enum: Array.isArray(values) ? values : Object.values(values),
});
const digits = (pattern: string): JsonSchema => ({ type: "string", pattern });

const ID: Parameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The listing's id (UUID).",
  "x-description-vi": "Mã định danh (UUID) của tin.",
  schema: { type: "string", format: "uuid" },
  example: "5b0c3c1e-8a5e-4b8f-9a43-1f0f7f0b2a11",
};

const LIST_COMMON: Parameter[] = [
  q(
    "q",
    { type: "string" },
    "Full-text search (accents and case ignored; ranked by relevance unless sort is given).",
    "Tìm kiếm toàn văn (không phân biệt dấu, hoa thường; xếp theo mức liên quan nếu không chọn sort).",
    "xử lý nước thải",
  ),
  q(
    "sector",
    digits("^[1-6](\\d{2})?$"),
    "A field (1–6) or a sector such as 207 (Circular 24/2025/TT-BKHCN).",
    "Lĩnh vực (1–6) hoặc chuyên ngành, ví dụ 207 (Thông tư 24/2025/TT-BKHCN).",
    "2",
  ),
  q(
    "trlMin",
    digits("^[1-9]$"),
    "Lowest technology readiness level (1–9).",
    "Mức sẵn sàng công nghệ (TRL) thấp nhất (1–9).",
    "5",
  ),
  q(
    "trlMax",
    digits("^[1-9]$"),
    "Highest technology readiness level (1–9).",
    "Mức sẵn sàng công nghệ (TRL) cao nhất (1–9).",
  ),
  q(
    "form",
    enumOf(TransferForm),
    "Transfer form (Law 07/2017 Art. 5).",
    "Hình thức chuyển giao (Điều 5 Luật 07/2017).",
  ),
  q(
    "orgType",
    enumOf(OrgType),
    "Type of the publishing organization (confidential demands are left out of this filter).",
    "Loại tổ chức đăng tin (nhu cầu bảo mật không được lọc theo tiêu chí này).",
  ),
  q(
    "location",
    { type: "string" },
    "Location code: HN for all of Hanoi, or a district such as HN-CAUGIAY.",
    "Mã địa bàn: HN cho toàn Hà Nội, hoặc quận/huyện như HN-CAUGIAY.",
  ),
  q("verified", enumOf(["1", "0"]), "1: verified organizations only.", "1: chỉ tổ chức đã xác thực."),
];

const PAGING: Parameter[] = [
  q(
    "page",
    digits("^[1-9]\\d*$"),
    "Page number (from 1; a page past the end is empty).",
    "Số trang (từ 1; trang vượt quá cuối danh sách trả về rỗng).",
    "1",
  ),
  q(
    "pageSize",
    digits("^[1-9]\\d{0,2}$"),
    `Items per page, 1–${API_MAX_PAGE_SIZE} (default ${API_PAGE_SIZE}).`,
    `Số mục mỗi trang, 1–${API_MAX_PAGE_SIZE} (mặc định ${API_PAGE_SIZE}).`,
    "20",
  ),
];

const vnd = (name: string, en: string, vi: string) => q(name, digits("^\\d{1,15}$"), en, vi);

const LIMIT = q(
  "limit",
  digits("^[1-9]\\d?$"),
  "How many matches, 1–50 (default 10).",
  "Số kết quả ghép nối, 1–50 (mặc định 10).",
  "5",
);

function op(
  operationId: string,
  tag: string,
  texts: { summary: string; summaryVi: string; description: string; descriptionVi: string },
  example: string,
  parameters: Parameter[],
  responses: Record<string, ResponseObject>,
): Operation {
  return {
    operationId,
    summary: texts.summary,
    "x-summary-vi": texts.summaryVi,
    description: texts.description,
    "x-description-vi": texts.descriptionVi,
    tags: [tag],
    ...(parameters.length ? { parameters } : {}),
    responses,
    "x-example-request": example,
  };
}

export const OPENAPI: OpenApiDocument = {
  openapi: "3.1.1",
  info: {
    title: "Hanoi Technology Exchange — public API",
    version: "1.0.0",
    summary: "Read-only open data: published technology offers and demands, matches, statistics.",
    description:
      "Read-only and anonymous; no personal data (no user, e-mail, phone or contact person; confidential demands without their organization). Answers are JSON and cacheable for 60 seconds.",
    license: { name: LICENCE.name, identifier: LICENCE.id },
  },
  servers: [{ url: "/", description: "This exchange" }],
  tags: [
    { name: "listings", description: "Published technology offers and demands" },
    { name: "matching", description: "Stored offer–demand matches" },
    { name: "search", description: "Suggestions while typing" },
    { name: "statistics", description: "Public KPIs (the Department's figures)" },
    { name: "open-data", description: "Downloads and the audit-chain heads" },
    { name: "meta", description: "This document" },
  ],
  paths: {
    "/api/v1/offers": {
      get: op(
        "listOffers",
        "listings",
        {
          summary: "List published technology offers",
          summaryVi: "Danh sách công nghệ chào bán đã công bố",
          description: "The catalog's filters as query parameters, paged: { items, total, page, pageSize }.",
          descriptionVi:
            "Các bộ lọc của danh mục dưới dạng tham số truy vấn, có phân trang: { items, total, page, pageSize }.",
        },
        "/api/v1/offers?sector=2&trlMin=5&pageSize=1",
        [
          ...LIST_COMMON,
          q("ip", enumOf(IpStatus), "Intellectual property status.", "Tình trạng sở hữu trí tuệ."),
          vnd("priceMin", "Lowest price (VND).", "Giá thấp nhất (VND)."),
          vnd("priceMax", "Highest price (VND).", "Giá cao nhất (VND)."),
          q("sort", enumOf(OFFER_SORTS), "Order (default newest).", "Thứ tự (mặc định mới nhất)."),
          ...PAGING,
        ],
        { "200": ok("A page of offers.", "OfferList", EXAMPLES.offerList), "400": BAD_REQUEST },
      ),
    },
    "/api/v1/offers/{id}": {
      get: op(
        "getOffer",
        "listings",
        {
          summary: "One published offer",
          summaryVi: "Một công nghệ chào bán đã công bố",
          description: "The offer with its description, classification, terms and public attachments.",
          descriptionVi: "Công nghệ với mô tả, phân loại, điều kiện và tệp đính kèm công khai.",
        },
        `/api/v1/offers/${ID.example}`,
        [ID],
        { "200": ok("The offer.", "OfferDetail", EXAMPLES.offerDetail), "400": BAD_REQUEST, "404": NOT_FOUND },
      ),
    },
    "/api/v1/offers/{id}/matches": {
      get: op(
        "offerMatches",
        "matching",
        {
          summary: "Demands matching a published offer",
          summaryVi: "Nhu cầu phù hợp với một công nghệ",
          description: "Stored matches, best first, with the score and its explanation.",
          descriptionVi: "Các kết quả ghép nối đã lưu, tốt nhất trước, kèm điểm và giải thích.",
        },
        `/api/v1/offers/${ID.example}/matches?limit=5`,
        [ID, LIMIT],
        { "200": ok("Matches.", "OfferMatches", EXAMPLES.offerMatches), "400": BAD_REQUEST, "404": NOT_FOUND },
      ),
    },
    "/api/v1/demands": {
      get: op(
        "listDemands",
        "listings",
        {
          summary: "List published technology demands",
          summaryVi: "Danh sách nhu cầu công nghệ đã công bố",
          description:
            "As the offers; confidential demands come without their organization and are left out of the orgType and verified filters.",
          descriptionVi:
            "Như danh sách công nghệ; nhu cầu bảo mật không kèm tổ chức và không được lọc theo orgType, verified.",
        },
        "/api/v1/demands?location=HN&pageSize=1",
        [
          ...LIST_COMMON,
          vnd("budgetMin", "Lowest budget (VND).", "Ngân sách thấp nhất (VND)."),
          vnd("budgetMax", "Highest budget (VND).", "Ngân sách cao nhất (VND)."),
          q("sort", enumOf(DEMAND_SORTS), "Order (default newest).", "Thứ tự (mặc định mới nhất)."),
          ...PAGING,
        ],
        { "200": ok("A page of demands.", "DemandList", EXAMPLES.demandList), "400": BAD_REQUEST },
      ),
    },
    "/api/v1/demands/{id}": {
      get: op(
        "getDemand",
        "listings",
        {
          summary: "One published demand",
          summaryVi: "Một nhu cầu công nghệ đã công bố",
          description: "The demand with its description; a confidential one without its organization.",
          descriptionVi: "Nhu cầu kèm mô tả; nhu cầu bảo mật không kèm tổ chức.",
        },
        `/api/v1/demands/${ID.example}`,
        [ID],
        { "200": ok("The demand.", "DemandDetail", EXAMPLES.demandDetail), "400": BAD_REQUEST, "404": NOT_FOUND },
      ),
    },
    "/api/v1/demands/{id}/matches": {
      get: op(
        "demandMatches",
        "matching",
        {
          summary: "Offers matching a published demand",
          summaryVi: "Công nghệ phù hợp với một nhu cầu",
          description: "Stored matches, best first, with the score and its explanation.",
          descriptionVi: "Các kết quả ghép nối đã lưu, tốt nhất trước, kèm điểm và giải thích.",
        },
        `/api/v1/demands/${ID.example}/matches?limit=5`,
        [ID, LIMIT],
        { "200": ok("Matches.", "DemandMatches", EXAMPLES.demandMatches), "400": BAD_REQUEST, "404": NOT_FOUND },
      ),
    },
    "/api/v1/suggest": {
      get: op(
        "suggest",
        "search",
        {
          summary: "Suggestions while typing",
          summaryVi: "Gợi ý khi gõ",
          description:
            "Published titles, fields and organizations whose words start with what was typed (cached 30 s).",
          descriptionVi: "Tên tin đã công bố, lĩnh vực và tổ chức có từ bắt đầu bằng nội dung đã gõ (lưu đệm 30 giây).",
        },
        "/api/v1/suggest?q=nuoc%20thai",
        [
          {
            ...q(
              "q",
              { type: "string" },
              "What was typed, 1–100 characters.",
              "Nội dung đã gõ, 1–100 ký tự.",
              "nước thải",
            ),
            required: true,
          },
        ],
        { "200": ok("Up to 8 suggestions.", "Suggestions", EXAMPLES.suggestions), "400": BAD_REQUEST },
      ),
    },
    "/api/v1/statistics": {
      get: op(
        "statistics",
        "statistics",
        {
          summary: "Public statistics of a period",
          summaryVi: "Thống kê công khai của một kỳ",
          description:
            "The public KPIs of a month, quarter or year — the same figures as the Department's dashboard — with each metric's unit, the deal funnel, the breakdown by field and the listings by TRL. VND amounts are decimal strings (exact). At most 60 s old.",
          descriptionVi:
            "Các chỉ số công khai của một tháng, quý hoặc năm — cùng số liệu với bảng điều hành của Sở — kèm đơn vị, phễu giao dịch, phân theo lĩnh vực và theo TRL. Số tiền VND là chuỗi số (chính xác). Cập nhật tối đa sau 60 giây.",
        },
        "/api/v1/statistics?period=2026-Q1",
        [
          q(
            "period",
            { type: "string", pattern: "^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$" },
            `${PERIOD_FORMAT_MESSAGE[0]!.toUpperCase()}${PERIOD_FORMAT_MESSAGE.slice(1)}; default: the current month.`,
            "Tháng (2026-11), quý (2026-Q4) hoặc năm (2026); mặc định: tháng hiện tại.",
            "2026-Q1",
          ),
        ],
        { "200": ok("The statistics.", "Statistics", EXAMPLES.statistics), "400": BAD_REQUEST },
      ),
    },
    "/api/v1/open-data": {
      get: op(
        "openDataIndex",
        "open-data",
        {
          summary: "The open data catalogue",
          summaryVi: "Danh mục dữ liệu mở",
          description: "Each dataset with its licence, freshness and download URLs.",
          descriptionVi: "Từng bộ dữ liệu kèm giấy phép, tần suất cập nhật và đường dẫn tải về.",
        },
        "/api/v1/open-data",
        [],
        { "200": ok("The catalogue.", "OpenDataIndex", EXAMPLES.openDataIndex) },
      ),
    },
    "/api/v1/open-data/{file}": {
      get: op(
        "openDataFile",
        "open-data",
        {
          summary: "Download a dataset (CSV or JSON)",
          summaryVi: "Tải một bộ dữ liệu (CSV hoặc JSON)",
          description:
            "Published offers, published demands (confidential ones without their organization) and the public statistics of the last 12 months. CSV: UTF-8 with BOM, RFC 4180, cells starting with = + - @ prefixed with an apostrophe. VND amounts as decimal strings. No personal data.",
          descriptionVi:
            "Công nghệ đã công bố, nhu cầu đã công bố (nhu cầu bảo mật không kèm tổ chức) và thống kê công khai 12 tháng gần nhất. CSV: UTF-8 có BOM, RFC 4180, ô bắt đầu bằng = + - @ được thêm dấu nháy đơn. Số tiền VND là chuỗi số. Không có dữ liệu cá nhân.",
        },
        "/api/v1/open-data/statistics-monthly.csv",
        [
          {
            name: "file",
            in: "path",
            required: true,
            description: "The file name.",
            "x-description-vi": "Tên tệp.",
            schema: { $ref: "#/components/schemas/DatasetFile" },
            example: DATASET_FILE_NAMES[0],
          },
        ],
        {
          "200": {
            description: "The file (an attachment).",
            headers: CACHE_HEADER,
            content: {
              "text/csv": { schema: { type: "string" }, example: EXAMPLES.monthlyCsv },
              "application/json": { schema: { type: "object" }, example: EXAMPLES.monthlyJson },
            },
          },
          "404": NOT_FOUND,
        },
      ),
    },
    "/api/v1/audit-heads": {
      get: op(
        "auditHeads",
        "open-data",
        {
          summary: "Published audit-chain heads",
          summaryVi: "Các đầu chuỗi nhật ký kiểm toán đã công bố",
          description:
            "The head (sequence number and hash) of the audit log's hash chain, published nightly, newest first, paged: { items, total, page, pageSize }. Anyone who keeps one can later detect a rewritten history. format=csv gives every head as CSV (published_at,seq,hash).",
          descriptionVi:
            "Đầu chuỗi băm của nhật ký kiểm toán (số thứ tự và giá trị băm), công bố hằng đêm, mới nhất trước, có phân trang: { items, total, page, pageSize }. Ai lưu lại có thể phát hiện lịch sử bị sửa. format=csv trả về mọi đầu chuỗi dạng CSV (published_at,seq,hash).",
        },
        "/api/v1/audit-heads?page=1",
        [
          q("page", digits("^[1-9]\\d*$"), "Page number (from 1).", "Số trang (từ 1).", "1"),
          q(
            "pageSize",
            digits("^[1-9]\\d{0,2}$"),
            "Heads per page, 1–500 (default 50).",
            "Số mục mỗi trang, 1–500 (mặc định 50).",
            "50",
          ),
          q("format", enumOf(["json", "csv"]), "json (default) or csv.", "json (mặc định) hoặc csv."),
        ],
        { "200": ok("A page of heads.", "AuditHeads", EXAMPLES.auditHeads), "400": BAD_REQUEST },
      ),
    },
    "/api/v1/openapi.json": {
      get: op(
        "openapi",
        "meta",
        {
          summary: "This document (OpenAPI 3.1)",
          summaryVi: "Tài liệu này (OpenAPI 3.1)",
          description: "The description of every public endpoint, rendered on /developers.",
          descriptionVi: "Mô tả mọi điểm truy cập công khai, hiển thị tại /developers.",
        },
        "/api/v1/openapi.json",
        [],
        {
          "200": {
            description: "The OpenAPI document.",
            headers: CACHE_HEADER,
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      ),
    },
  },
  components: { schemas: SCHEMAS },
};

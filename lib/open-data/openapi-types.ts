/**
 * The parts of OpenAPI 3.1 the exchange's document uses, typed so that a misspelt key is a compile
 * error. Schemas are JSON Schema 2020-12 (OpenAPI 3.1's dialect: `type: ["string", "null"]` for
 * nullable values). `x-…-vi` extensions carry the Vietnamese texts of the /developers page.
 * Pure and client-safe.
 */

export type JsonSchema = {
  type?: string | string[];
  enum?: readonly (string | number | null)[];
  const?: string | number | boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: readonly JsonSchema[];
  $ref?: string;
  description?: string;
  default?: unknown;
};

export interface Parameter {
  name: string;
  in: "query" | "path";
  required?: boolean;
  description: string;
  "x-description-vi": string;
  schema: JsonSchema;
  example?: string | number;
}

export interface MediaType {
  schema: JsonSchema;
  example?: unknown;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId: string;
  summary: string;
  "x-summary-vi": string;
  description: string;
  "x-description-vi": string;
  tags: string[];
  parameters?: Parameter[];
  responses: Record<string, ResponseObject>;
  /** The path and query string of an example request (the /developers page shows it). */
  "x-example-request": string;
}

export interface PathItem {
  get: Operation;
}

export interface OpenApiDocument {
  openapi: `3.1.${number}`;
  info: {
    title: string;
    version: string;
    summary: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema> };
}

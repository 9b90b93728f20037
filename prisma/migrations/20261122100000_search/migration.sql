-- Hand-written: Vietnamese-aware full-text search (issue: search and matching).
--
-- Text is folded — lower case, diacritics removed (unaccent also maps đ/Đ to d and strips the
-- combining marks of NFD input) — so "xu ly nuoc thai", "XỬ LÝ NƯỚC THẢI" and "xử lý nước thải"
-- are the same words. unaccent() and array_to_string() are only STABLE, so they are wrapped in
-- IMMUTABLE functions (with the dictionary named explicitly, so the result cannot depend on the
-- search_path) and can be used in generated columns and indexes.

CREATE FUNCTION techex_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE FUNCTION techex_words(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

-- Weights: A title, B keywords, C summary, D description and the other long texts.
ALTER TABLE "offers" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, techex_fold("title_vi" || ' ' || coalesce("title_en", ''))), 'A')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(techex_words("keywords"))), 'B')
 || setweight(to_tsvector('simple'::regconfig, techex_fold("summary_vi" || ' ' || coalesce("summary_en", ''))), 'C')
 || setweight(to_tsvector('simple'::regconfig, techex_fold("description" || ' ' || coalesce("application_areas", '') || ' ' || coalesce("advantages", ''))), 'D')
) STORED;
ALTER TABLE "offers" ADD COLUMN "search_title" text GENERATED ALWAYS AS (
  techex_fold("title_vi" || ' ' || coalesce("title_en", ''))
) STORED;

ALTER TABLE "demands" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, techex_fold("title_vi" || ' ' || coalesce("title_en", ''))), 'A')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(techex_words("keywords"))), 'B')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(coalesce("summary_vi", '') || ' ' || coalesce("summary_en", ''))), 'C')
 || setweight(to_tsvector('simple'::regconfig, techex_fold("description")), 'D')
) STORED;
ALTER TABLE "demands" ADD COLUMN "search_title" text GENERATED ALWAYS AS (
  techex_fold("title_vi" || ' ' || coalesce("title_en", ''))
) STORED;

ALTER TABLE "organizations" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, techex_fold("name" || ' ' || coalesce("name_en", ''))), 'A')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(coalesce("description", '') || ' ' || coalesce("description_en", ''))), 'C')
) STORED;
ALTER TABLE "organizations" ADD COLUMN "search_title" text GENERATED ALWAYS AS (
  techex_fold("name" || ' ' || coalesce("name_en", ''))
) STORED;

ALTER TABLE "experts" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, techex_fold("name")), 'A')
 || setweight(to_tsvector('simple'::regconfig, techex_fold("expertise" || ' ' || coalesce("expertise_en", ''))), 'B')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(coalesce("bio", ''))), 'C')
) STORED;
ALTER TABLE "experts" ADD COLUMN "search_title" text GENERATED ALWAYS AS (techex_fold("name")) STORED;

-- Only published listings are ever searched publicly: partial indexes stay small.
CREATE INDEX "offers_search_vector_idx" ON "offers" USING gin ("search_vector") WHERE "status" = 'PUBLISHED';
CREATE INDEX "offers_search_title_trgm_idx" ON "offers" USING gin ("search_title" gin_trgm_ops) WHERE "status" = 'PUBLISHED';
CREATE INDEX "demands_search_vector_idx" ON "demands" USING gin ("search_vector") WHERE "status" = 'PUBLISHED';
CREATE INDEX "demands_search_title_trgm_idx" ON "demands" USING gin ("search_title" gin_trgm_ops) WHERE "status" = 'PUBLISHED';
CREATE INDEX "organizations_search_vector_idx" ON "organizations" USING gin ("search_vector");
CREATE INDEX "organizations_search_title_trgm_idx" ON "organizations" USING gin ("search_title" gin_trgm_ops);
CREATE INDEX "experts_search_vector_idx" ON "experts" USING gin ("search_vector");
CREATE INDEX "experts_search_title_trgm_idx" ON "experts" USING gin ("search_title" gin_trgm_ops);

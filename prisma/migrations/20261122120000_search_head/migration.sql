-- Hand-written: a small "head" vector (title A, keywords B, summary C) beside the full one. Ranking
-- and suggestions read only this (short, stored inline), never the full vector with the description,
-- which keeps a query's cost proportional to what it shows rather than to the documents' length.
ALTER TABLE "offers" ADD COLUMN "head_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, techex_fold("title_vi" || ' ' || coalesce("title_en", ''))), 'A')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(techex_words("keywords"))), 'B')
 || setweight(to_tsvector('simple'::regconfig, techex_fold("summary_vi" || ' ' || coalesce("summary_en", ''))), 'C')
) STORED;
ALTER TABLE "demands" ADD COLUMN "head_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, techex_fold("title_vi" || ' ' || coalesce("title_en", ''))), 'A')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(techex_words("keywords"))), 'B')
 || setweight(to_tsvector('simple'::regconfig, techex_fold(coalesce("summary_vi", '') || ' ' || coalesce("summary_en", ''))), 'C')
) STORED;
CREATE INDEX "offers_head_vector_idx" ON "offers" USING gin ("head_vector") WHERE "status" = 'PUBLISHED';
CREATE INDEX "demands_head_vector_idx" ON "demands" USING gin ("head_vector") WHERE "status" = 'PUBLISHED';

-- CreateEnum
CREATE TYPE "SynonymKind" AS ENUM ('SYNONYM', 'EXPANSION');

-- CreateTable
CREATE TABLE "search_synonyms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "SynonymKind" NOT NULL,
    "terms" TEXT[],
    "folded" TEXT[],
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "field_code" VARCHAR(8),
    "note" VARCHAR(300),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "search_synonyms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_misses" (
    "query" VARCHAR(200) NOT NULL,
    "sample" VARCHAR(200) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_seen" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handled_at" TIMESTAMPTZ(3),

    CONSTRAINT "search_misses_pkey" PRIMARY KEY ("query")
);

-- CreateIndex
CREATE INDEX "search_synonyms_folded_idx" ON "search_synonyms" USING GIN ("folded");

-- CreateIndex
CREATE INDEX "search_misses_last_seen_idx" ON "search_misses"("last_seen");


-- The vocabulary now holds every word of every published listing (title, keywords, summary,
-- description), not only titles (issue #14 item 3): spelling correction never "corrects" a word
-- some listing uses. `docs` stays the number of titles using the word (the walk heuristics of
-- lib/search/sql.ts read it); `text_docs` counts listings using it anywhere (the correction's
-- frequency weight). Words only in descriptions have docs = 0.
ALTER TABLE "search_words" ADD COLUMN "text_docs" integer NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION techex_refresh_search_words() RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_words;
  INSERT INTO search_words (word, docs, text_docs)
  SELECT word, sum(title_docs)::int, sum(text_docs)::int FROM (
    SELECT word, ndoc AS title_docs, 0 AS text_docs FROM ts_stat('SELECT title_vector FROM offer_search')
    UNION ALL
    SELECT word, ndoc, 0 FROM ts_stat('SELECT title_vector FROM demand_search')
    UNION ALL
    SELECT word, 0, ndoc FROM ts_stat('SELECT search_vector FROM offer_search')
    UNION ALL
    SELECT word, 0, ndoc FROM ts_stat('SELECT search_vector FROM demand_search')) s
  GROUP BY word;
$$;

-- A listing's words reach the vocabulary when it is published, not at the next refresh: a word
-- not known yet is added (counted once); the counts of known words are left to the refresh job,
-- so publishing never waits on a lock of a common word's row.
CREATE FUNCTION techex_learn_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word, docs, text_docs)
  SELECT w, CASE WHEN w = ANY (tsvector_to_array(NEW.title_vector)) THEN 1 ELSE 0 END, 1
    FROM unnest(tsvector_to_array(NEW.search_vector)) AS w
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER offer_search_learn_words AFTER INSERT ON "offer_search"
  FOR EACH ROW EXECUTE FUNCTION techex_learn_words();
CREATE TRIGGER demand_search_learn_words AFTER INSERT ON "demand_search"
  FOR EACH ROW EXECUTE FUNCTION techex_learn_words();

SELECT techex_refresh_search_words();

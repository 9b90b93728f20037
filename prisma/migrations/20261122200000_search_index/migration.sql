-- Hand-written: the search index tables. One narrow row per PUBLISHED offer / demand, holding only
-- what search filters, counts, facets and orders by, with the full-text vector stored out of line.
--
-- Why: a broad query ("công nghệ") matches most of the catalogue. Counting and faceting it on the
-- listing tables reads every matching row in full (~3.4 KB each with description and vectors); here a
-- row is ~200 bytes, so the same work reads ~15x fewer pages. The GIN match on search_vector needs no
-- recheck, so the out-of-line vector is not even read for counts and facets.
--
-- Maintained by triggers in the same transaction as the change, so search can never show a listing
-- that is not published, nor miss one that is. Derived data: rebuildable at any time with
-- SELECT techex_rebuild_search_index();

CREATE TABLE "offer_search" (
    "id" uuid PRIMARY KEY REFERENCES "offers" ("id") ON DELETE CASCADE,
    "organization_id" uuid NOT NULL,
    "sector_code" varchar(8) NOT NULL,
    "field_code" varchar(8),
    "trl" smallint NOT NULL,
    "ip_status" "IpStatus" NOT NULL,
    "org_type" "OrgType" NOT NULL,
    "verified" boolean NOT NULL,
    "location" varchar(40) NOT NULL,
    "city" varchar(40) NOT NULL,
    "forms_mask" integer NOT NULL,
    "price_type" "PriceType" NOT NULL,
    "price_min" bigint,
    "price_max" bigint,
    "published_at" timestamptz(3),
    "updated_at" timestamptz(3) NOT NULL,
    "search_title" text NOT NULL,
    "title_vector" tsvector NOT NULL,
    "search_vector" tsvector NOT NULL
) WITH (toast_tuple_target = 128);

CREATE TABLE "demand_search" (
    "id" uuid PRIMARY KEY REFERENCES "demands" ("id") ON DELETE CASCADE,
    "organization_id" uuid NOT NULL,
    "sector_code" varchar(8) NOT NULL,
    "field_code" varchar(8),
    "trl" smallint NOT NULL,
    "org_type" "OrgType" NOT NULL,
    "verified" boolean NOT NULL,
    "location" varchar(40) NOT NULL,
    "city" varchar(40) NOT NULL,
    "forms_mask" integer NOT NULL,
    "budget_min" bigint,
    "budget_max" bigint,
    "confidential" boolean NOT NULL,
    "published_at" timestamptz(3),
    "updated_at" timestamptz(3) NOT NULL,
    "search_title" text NOT NULL,
    "title_vector" tsvector NOT NULL,
    "search_vector" tsvector NOT NULL
) WITH (toast_tuple_target = 128);

-- Out of line and uncompressed: never read for a count, cheap to read when a plan must.
ALTER TABLE "offer_search" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;
ALTER TABLE "demand_search" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;

CREATE INDEX "offer_search_vector_idx" ON "offer_search" USING gin ("search_vector");
CREATE INDEX "offer_search_title_vector_idx" ON "offer_search" USING gin ("title_vector");
CREATE INDEX "offer_search_title_trgm_idx" ON "offer_search" USING gin ("search_title" gin_trgm_ops);
CREATE INDEX "offer_search_published_idx" ON "offer_search" ("published_at" DESC NULLS LAST, "id");
CREATE INDEX "offer_search_organization_idx" ON "offer_search" ("organization_id");
CREATE INDEX "demand_search_vector_idx" ON "demand_search" USING gin ("search_vector");
CREATE INDEX "demand_search_title_vector_idx" ON "demand_search" USING gin ("title_vector");
CREATE INDEX "demand_search_title_trgm_idx" ON "demand_search" USING gin ("search_title" gin_trgm_ops);
CREATE INDEX "demand_search_published_idx" ON "demand_search" ("published_at" DESC NULLS LAST, "id");
CREATE INDEX "demand_search_organization_idx" ON "demand_search" ("organization_id");

-- Transfer forms as a bit mask (bit n = the enum's n-th value): testing and counting bits is far
-- cheaper than unpacking an enum array per row, which dominated facet counting.
CREATE FUNCTION techex_form_bit(form "TransferForm") RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT 1 << (array_position(enum_range(NULL::"TransferForm"), form) - 1) $$;
CREATE FUNCTION techex_form_mask(forms "TransferForm"[]) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(sum(DISTINCT techex_form_bit(f)), 0)::integer FROM unnest(forms) AS f $$;

-- "HN-BADINH" (a former district) is in the city "HN"; other codes are their own city.
CREATE FUNCTION techex_city(location text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN location LIKE 'HN-%' THEN 'HN' ELSE location END $$;

-- What the index holds for each published listing: the single definition used by the triggers and
-- by a rebuild.
CREATE VIEW "offer_search_source" AS
SELECT o.id, o.organization_id, o.sector_code, s.parent_code AS field_code, o.trl, o.ip_status, g.type AS org_type,
       g.verification_status = 'VERIFIED' AS verified, o.location, techex_city(o.location) AS city,
       techex_form_mask(o.transfer_forms) AS forms_mask, o.price_type, o.price_min, o.price_max, o.published_at, o.updated_at,
       o.search_title, to_tsvector('simple'::regconfig, o.search_title) AS title_vector, o.search_vector
  FROM offers o JOIN organizations g ON g.id = o.organization_id JOIN taxonomy_nodes s ON s.code = o.sector_code
 WHERE o.status = 'PUBLISHED';

CREATE VIEW "demand_search_source" AS
SELECT d.id, d.organization_id, d.sector_code, s.parent_code AS field_code, d.trl_min AS trl, g.type AS org_type,
       g.verification_status = 'VERIFIED' AS verified, d.location, techex_city(d.location) AS city,
       techex_form_mask(d.preferred_forms) AS forms_mask, d.budget_min, d.budget_max, d.confidential, d.published_at,
       d.updated_at, d.search_title, to_tsvector('simple'::regconfig, d.search_title) AS title_vector, d.search_vector
  FROM demands d JOIN organizations g ON g.id = d.organization_id JOIN taxonomy_nodes s ON s.code = d.sector_code
 WHERE d.status = 'PUBLISHED';

CREATE FUNCTION techex_index_offer(offer_id uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM offer_search WHERE id = offer_id;
  INSERT INTO offer_search SELECT * FROM offer_search_source WHERE id = offer_id;
$$;

CREATE FUNCTION techex_index_demand(demand_id uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM demand_search WHERE id = demand_id;
  INSERT INTO demand_search SELECT * FROM demand_search_source WHERE id = demand_id;
$$;

-- Only changes to what the index holds re-index a row: bookkeeping updates (matched_at,
-- reminded_at, moderation notes of a draft) cost nothing here.
CREATE FUNCTION techex_offer_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status <> 'PUBLISHED' AND NEW.status <> 'PUBLISHED' THEN RETURN NULL; END IF;
    IF OLD.status = NEW.status
       AND (OLD.search_vector, OLD.search_title, OLD.organization_id, OLD.sector_code, OLD.trl, OLD.ip_status,
            OLD.location, OLD.transfer_forms, OLD.price_type, OLD.price_min, OLD.price_max, OLD.published_at, OLD.updated_at)
           IS NOT DISTINCT FROM
           (NEW.search_vector, NEW.search_title, NEW.organization_id, NEW.sector_code, NEW.trl, NEW.ip_status,
            NEW.location, NEW.transfer_forms, NEW.price_type, NEW.price_min, NEW.price_max, NEW.published_at, NEW.updated_at)
    THEN RETURN NULL; END IF;
  ELSIF NEW.status <> 'PUBLISHED' THEN
    RETURN NULL;
  END IF;
  PERFORM techex_index_offer(NEW.id);
  RETURN NULL;
END $$;

CREATE FUNCTION techex_demand_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status <> 'PUBLISHED' AND NEW.status <> 'PUBLISHED' THEN RETURN NULL; END IF;
    IF OLD.status = NEW.status
       AND (OLD.search_vector, OLD.search_title, OLD.organization_id, OLD.sector_code, OLD.trl_min, OLD.location,
            OLD.preferred_forms, OLD.budget_min, OLD.budget_max, OLD.confidential, OLD.published_at, OLD.updated_at)
           IS NOT DISTINCT FROM
           (NEW.search_vector, NEW.search_title, NEW.organization_id, NEW.sector_code, NEW.trl_min, NEW.location,
            NEW.preferred_forms, NEW.budget_min, NEW.budget_max, NEW.confidential, NEW.published_at, NEW.updated_at)
    THEN RETURN NULL; END IF;
  ELSIF NEW.status <> 'PUBLISHED' THEN
    RETURN NULL;
  END IF;
  PERFORM techex_index_demand(NEW.id);
  RETURN NULL;
END $$;

-- Deletion is covered by ON DELETE CASCADE.
CREATE TRIGGER "offers_search_sync" AFTER INSERT OR UPDATE ON "offers"
  FOR EACH ROW EXECUTE FUNCTION techex_offer_search_sync();
CREATE TRIGGER "demands_search_sync" AFTER INSERT OR UPDATE ON "demands"
  FOR EACH ROW EXECUTE FUNCTION techex_demand_search_sync();

-- Organization type and verification are filters and facets of its listings.
CREATE FUNCTION techex_organization_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.type, OLD.verification_status) IS DISTINCT FROM (NEW.type, NEW.verification_status) THEN
    UPDATE offer_search SET org_type = NEW.type, verified = NEW.verification_status = 'VERIFIED' WHERE organization_id = NEW.id;
    UPDATE demand_search SET org_type = NEW.type, verified = NEW.verification_status = 'VERIFIED' WHERE organization_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "organizations_search_sync" AFTER UPDATE ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION techex_organization_search_sync();

-- A sector moved to another field changes the field facet of its listings.
CREATE FUNCTION techex_taxonomy_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.parent_code IS DISTINCT FROM NEW.parent_code THEN
    UPDATE offer_search SET field_code = NEW.parent_code WHERE sector_code = NEW.code;
    UPDATE demand_search SET field_code = NEW.parent_code WHERE sector_code = NEW.code;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "taxonomy_nodes_search_sync" AFTER UPDATE ON "taxonomy_nodes"
  FOR EACH ROW EXECUTE FUNCTION techex_taxonomy_search_sync();

-- Rebuilds both index tables from the listings (repair, or after restoring a partial dump).
CREATE FUNCTION techex_rebuild_search_index() RETURNS void LANGUAGE sql AS $$
  DELETE FROM offer_search;
  DELETE FROM demand_search;
  INSERT INTO offer_search SELECT * FROM offer_search_source;
  INSERT INTO demand_search SELECT * FROM demand_search_source;
$$;

SELECT techex_rebuild_search_index();

-- Full-text and trigram search of listings now reads the index tables only.
DROP INDEX "offers_search_vector_idx";
DROP INDEX "offers_search_title_trgm_idx";
DROP INDEX "demands_search_vector_idx";
DROP INDEX "demands_search_title_trgm_idx";

-- A large listing's full vector then lives out of line in the listing table too, and arrives at the
-- index table as a TOAST pointer, which makes PostgreSQL toast the index row down to
-- toast_tuple_target (128 bytes) instead of keeping the ~1.3 KB vector inline.
ALTER TABLE "offers" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;
ALTER TABLE "demands" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;

-- The vocabulary of listing titles, with how many listings use each word: spelling correction for
-- queries whose words find nothing ("nuoc thia" → "nuoc thai"), and the test of whether a word is
-- known at all (then an empty result is genuine, not a typo). Refreshed by a job every few minutes
-- (lib/jobs), by the seed and after a bulk load: SELECT techex_refresh_search_words();
CREATE TABLE "search_words" (
    "word" text COLLATE "C" PRIMARY KEY,
    "docs" integer NOT NULL
);
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);

CREATE FUNCTION techex_refresh_search_words() RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_words;
  INSERT INTO search_words (word, docs)
  SELECT word, sum(ndoc)::int FROM (
    SELECT word, ndoc FROM ts_stat('SELECT title_vector FROM offer_search')
    UNION ALL
    SELECT word, ndoc FROM ts_stat('SELECT title_vector FROM demand_search')) s
  GROUP BY word;
$$;

SELECT techex_refresh_search_words();

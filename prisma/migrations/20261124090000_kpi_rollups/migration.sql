-- Hand-written (lib/kpi/README.md, "Performance and indexes"): what keeps the Department's dashboard
-- within 1 s on the 100,000-listing benchmark.

-- 1. Narrow covering indexes. Deals, contracts, registrations and matches reach their listing's
-- sector and organization (and an offer's state funding) through these, by index-only scans,
-- instead of reading the wide listing rows (~3 KB each with descriptions and search vectors).
CREATE INDEX "offers_kpi_keys_idx" ON "offers" ("id") INCLUDE ("organization_id", "sector_code", "state_funded");
CREATE INDEX "demands_kpi_keys_idx" ON "demands" ("id") INCLUDE ("organization_id", "sector_code");

-- 2. What the planner knows of a field filter. Every figure filtered or broken down by field reads
-- COALESCE(parent_code, code) of the sector; without statistics on that expression the planner
-- takes "= '2'" to match one sector instead of a dozen, and drives nested loops from the taxonomy
-- that read a period's decisions a dozen times over (x10 on the benchmark).
CREATE STATISTICS "taxonomy_nodes_field_stats" ON (COALESCE("parent_code", "code")) FROM "taxonomy_nodes";
ANALYZE "taxonomy_nodes";

-- 3. Monthly rollups of the flow figures that cost the most (matches, contracts, registrations,
-- moderation decisions, registration steps), for months that are over, written by the job
-- `kpi.rollups` (lib/kpi/rollup-job.ts) with the very statements the live computation runs. A
-- month's rollup is used only while it is valid: built with the current definitions (`version`:
-- the holiday calendar and deadlines the working days were judged with) and with no change logged
-- since (`kpi_rollup_dirt`). Any other month, and the running one, is computed live, in the same
-- statement, so the figures are the live computation's at any moment. Derived data: deleting every
-- row of these three tables only makes the dashboard compute everything live until the next run.

-- One row per source and month over: the rollup of that month is in kpi_rollup_rows.
CREATE TABLE "kpi_rollup_months" (
    "source" varchar(40) NOT NULL,
    "month" date NOT NULL,
    "version" varchar(80) NOT NULL,
    "built_at" timestamptz(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("source", "month")
);

-- The month's records counted by the three dimensions (field, district, organization type), by
-- metric and, for the medians and shares, by the measure (working days) and whether it was met.
CREATE TABLE "kpi_rollup_rows" (
    "source" varchar(40) NOT NULL,
    "month" date NOT NULL,
    "field" varchar(8),
    "district" varchar(40),
    "org_type" text,
    "metric" varchar(40) NOT NULL,
    "measure" double precision,
    "met" boolean,
    "n" integer NOT NULL,
    "amount" numeric,
    FOREIGN KEY ("source", "month") REFERENCES "kpi_rollup_months" ("source", "month") ON DELETE CASCADE
);
CREATE INDEX "kpi_rollup_rows_source_month_idx" ON "kpi_rollup_rows" ("source", "month");

-- Append-only log of changes to months that are over: (source, month) may differ from its rollup.
-- Source '*' (month NULL): a change of every month (an organization's district or type, the
-- taxonomy). Inserting never waits on a lock; the job deletes the entries it has seen.
CREATE TABLE "kpi_rollup_dirt" (
    "id" bigserial PRIMARY KEY,
    "source" varchar(40) NOT NULL,
    "month" date,
    "logged_at" timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX "kpi_rollup_dirt_source_month_idx" ON "kpi_rollup_dirt" ("source", "month");

-- The first day of the Vietnamese calendar month of an instant (UTC+7 all year, as lib/calendar).
CREATE FUNCTION techex_vn_month(instant timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT date_trunc('month', (instant AT TIME ZONE 'UTC') + interval '7 hours')::date $$;

-- Logs that `source`'s figures of the month of `instant` may have changed, when that month is over (the
-- running month has no rollup; the job rolls a month up once it has been over for a day, so a
-- change logged as "running month" would have to stay uncommitted for a day to be missed).
CREATE FUNCTION techex_kpi_dirty(source text, instant timestamptz) RETURNS void LANGUAGE sql
AS $$
  INSERT INTO "kpi_rollup_dirt" ("source", "month")
  SELECT $1, techex_vn_month($2) WHERE techex_vn_month($2) < techex_vn_month(clock_timestamp())
$$;

-- Everything a registration counts in: filed, certified, and the Department's steps on it (the
-- steps read their registration's deal for the dimensions).
CREATE FUNCTION techex_kpi_dirty_registration(r "registrations") RETURNS void LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM techex_kpi_dirty('registrations', r."filed_at");
  PERFORM techex_kpi_dirty('registrations', r."decided_at");
  INSERT INTO "kpi_rollup_dirt" ("source", "month")
  SELECT DISTINCT 'registration_steps', techex_vn_month(a."occurred_at") FROM "audit_events" a
   WHERE a."entity_type" = 'registration' AND a."entity_id" = r."id"::text
     AND techex_vn_month(a."occurred_at") < techex_vn_month(clock_timestamp());
END
$$;

-- Everything a contract counts in: signed (count, value, state-funded offer) and its registrations.
CREATE FUNCTION techex_kpi_dirty_contract(c "contracts") RETURNS void LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM techex_kpi_dirty('contracts', c."signed_at");
  PERFORM techex_kpi_dirty_registration(r) FROM "registrations" r WHERE r."contract_id" = c."id";
END
$$;

-- A listing's sector, organization or state funding changed, or it was deleted: the months of
-- every record counted under it (its matches, its deals' contracts and registrations, its decisions).
CREATE FUNCTION techex_kpi_dirty_listing(kind text, listing uuid) RETURNS void LANGUAGE plpgsql
AS $$
BEGIN
  IF kind = 'offer' THEN
    INSERT INTO "kpi_rollup_dirt" ("source", "month")
    SELECT DISTINCT 'matches', techex_vn_month(m."created_at") FROM "matches" m
     WHERE m."offer_id" = listing AND techex_vn_month(m."created_at") < techex_vn_month(clock_timestamp());
  END IF;
  PERFORM techex_kpi_dirty_contract(c) FROM "deals" d JOIN "contracts" c ON c."deal_id" = d."id"
   WHERE (kind = 'offer' AND d."offer_id" = listing) OR (kind = 'demand' AND d."demand_id" = listing);
  INSERT INTO "kpi_rollup_dirt" ("source", "month")
  SELECT DISTINCT 'moderation', techex_vn_month(a."occurred_at") FROM "audit_events" a
   WHERE a."entity_type" = kind AND a."entity_id" = listing::text
     AND techex_vn_month(a."occurred_at") < techex_vn_month(clock_timestamp());
END
$$;

CREATE FUNCTION techex_kpi_dirty_everything() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "kpi_rollup_dirt" ("source", "month") VALUES ('*', NULL);
  RETURN NULL;
END
$$;

-- Matches: a match counts in the month it was created, under its offer.
CREATE FUNCTION techex_kpi_matches_added() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "kpi_rollup_dirt" ("source", "month")
  SELECT DISTINCT 'matches', techex_vn_month(m."created_at") FROM new_rows m
   WHERE techex_vn_month(m."created_at") < techex_vn_month(clock_timestamp());
  RETURN NULL;
END
$$;
CREATE FUNCTION techex_kpi_matches_removed() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "kpi_rollup_dirt" ("source", "month")
  SELECT DISTINCT 'matches', techex_vn_month(m."created_at") FROM old_rows m
   WHERE techex_vn_month(m."created_at") < techex_vn_month(clock_timestamp());
  RETURN NULL;
END
$$;
CREATE FUNCTION techex_kpi_matches_moved() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "kpi_rollup_dirt" ("source", "month")
  SELECT DISTINCT 'matches', techex_vn_month(x.instant)
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
   CROSS JOIN LATERAL (VALUES (o."created_at"), (n."created_at")) x(instant)
   WHERE (o."created_at", o."offer_id") IS DISTINCT FROM (n."created_at", n."offer_id")
     AND techex_vn_month(x.instant) < techex_vn_month(clock_timestamp());
  RETURN NULL;
END
$$;
CREATE TRIGGER "kpi_matches_added" AFTER INSERT ON "matches"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION techex_kpi_matches_added();
CREATE TRIGGER "kpi_matches_removed" AFTER DELETE ON "matches"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION techex_kpi_matches_removed();
-- (A trigger with transition tables cannot name columns: the function compares them.)
CREATE TRIGGER "kpi_matches_moved" AFTER UPDATE ON "matches"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION techex_kpi_matches_moved();

-- Contracts: signed (signed_at, value) under their deal.
CREATE FUNCTION techex_kpi_contracts_changed() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."deal_id" = NEW."deal_id" THEN
    IF (OLD."signed_at", OLD."value") IS DISTINCT FROM (NEW."signed_at", NEW."value") THEN
      PERFORM techex_kpi_dirty('contracts', OLD."signed_at");
      PERFORM techex_kpi_dirty('contracts', NEW."signed_at");
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM techex_kpi_dirty_contract(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM techex_kpi_dirty_contract(NEW); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "kpi_contracts_changed" AFTER INSERT OR DELETE OR UPDATE OF "deal_id", "signed_at", "value" ON "contracts"
  FOR EACH ROW EXECUTE FUNCTION techex_kpi_contracts_changed();

-- Registrations: filed (filed_at, fee) and certified (decided_at) under their contract.
CREATE FUNCTION techex_kpi_registrations_changed() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."contract_id" = NEW."contract_id" THEN
    IF (OLD."filed_at", OLD."fee") IS DISTINCT FROM (NEW."filed_at", NEW."fee") THEN
      PERFORM techex_kpi_dirty('registrations', OLD."filed_at");
      PERFORM techex_kpi_dirty('registrations', NEW."filed_at");
    END IF;
    IF (OLD."state" = 'CERTIFIED', OLD."decided_at") IS DISTINCT FROM (NEW."state" = 'CERTIFIED', NEW."decided_at") THEN
      PERFORM techex_kpi_dirty('registrations', OLD."decided_at");
      PERFORM techex_kpi_dirty('registrations', NEW."decided_at");
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM techex_kpi_dirty_registration(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM techex_kpi_dirty_registration(NEW); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "kpi_registrations_changed"
  AFTER INSERT OR DELETE OR UPDATE OF "contract_id", "filed_at", "fee", "state", "decided_at" ON "registrations"
  FOR EACH ROW EXECUTE FUNCTION techex_kpi_registrations_changed();

-- Deals (computed live) give their contracts and registrations the listing, field and provider.
CREATE FUNCTION techex_kpi_deals_rekeyed() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM techex_kpi_dirty_contract(c) FROM "contracts" c WHERE c."deal_id" = NEW."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "kpi_deals_rekeyed" AFTER UPDATE OF "offer_id", "demand_id", "provider_org_id" ON "deals"
  FOR EACH ROW WHEN ((OLD."offer_id", OLD."demand_id", OLD."provider_org_id") IS DISTINCT FROM (NEW."offer_id", NEW."demand_id", NEW."provider_org_id"))
  EXECUTE FUNCTION techex_kpi_deals_rekeyed();

-- The audit log is append-only, and a decision is timed from the events logged before it: only an
-- event appended with a past month's time (a correction, an import) can change a past month.
CREATE FUNCTION techex_kpi_audit_appended() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "kpi_rollup_dirt" ("source", "month")
  SELECT DISTINCT s.source, techex_vn_month(a."occurred_at")
    FROM new_events a CROSS JOIN (VALUES ('moderation'), ('registration_steps')) s(source)
   WHERE techex_vn_month(a."occurred_at") < techex_vn_month(clock_timestamp());
  RETURN NULL;
END
$$;
CREATE TRIGGER "kpi_audit_appended" AFTER INSERT ON "audit_events"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION techex_kpi_audit_appended();

-- Listings: their sector and organization are the dimensions of what is counted under them.
CREATE FUNCTION techex_kpi_listing_changed() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM techex_kpi_dirty_listing(TG_ARGV[0], OLD."id");
  RETURN NULL;
END
$$;
CREATE TRIGGER "kpi_offers_changed" AFTER UPDATE OF "organization_id", "sector_code", "state_funded" ON "offers"
  FOR EACH ROW WHEN ((OLD."organization_id", OLD."sector_code", OLD."state_funded") IS DISTINCT FROM (NEW."organization_id", NEW."sector_code", NEW."state_funded"))
  EXECUTE FUNCTION techex_kpi_listing_changed('offer');
CREATE TRIGGER "kpi_offers_deleted" AFTER DELETE ON "offers"
  FOR EACH ROW EXECUTE FUNCTION techex_kpi_listing_changed('offer');
CREATE TRIGGER "kpi_demands_changed" AFTER UPDATE OF "organization_id", "sector_code" ON "demands"
  FOR EACH ROW WHEN ((OLD."organization_id", OLD."sector_code") IS DISTINCT FROM (NEW."organization_id", NEW."sector_code"))
  EXECUTE FUNCTION techex_kpi_listing_changed('demand');
CREATE TRIGGER "kpi_demands_deleted" AFTER DELETE ON "demands"
  FOR EACH ROW EXECUTE FUNCTION techex_kpi_listing_changed('demand');

-- An organization's district or type, or the taxonomy's tree, is a dimension of every month.
CREATE TRIGGER "kpi_organizations_changed" AFTER UPDATE OF "location", "type" ON "organizations"
  FOR EACH ROW WHEN ((OLD."location", OLD."type") IS DISTINCT FROM (NEW."location", NEW."type"))
  EXECUTE FUNCTION techex_kpi_dirty_everything();
CREATE TRIGGER "kpi_organizations_deleted" AFTER DELETE ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION techex_kpi_dirty_everything();
CREATE TRIGGER "kpi_taxonomy_changed" AFTER UPDATE OF "code", "parent_code" ON "taxonomy_nodes"
  FOR EACH ROW WHEN ((OLD."code", OLD."parent_code") IS DISTINCT FROM (NEW."code", NEW."parent_code"))
  EXECUTE FUNCTION techex_kpi_dirty_everything();
CREATE TRIGGER "kpi_taxonomy_deleted" AFTER DELETE ON "taxonomy_nodes"
  FOR EACH ROW EXECUTE FUNCTION techex_kpi_dirty_everything();

-- Titles stay in the index row (issue #14, benchmark). With toast_tuple_target = 128, the ~200-byte
-- title vector and the folded title were moved out of line like the full vector, so every test of a
-- phrase on titles (relaxed searches, "xử <-> lý") and every ranked title (word_similarity) read two
-- or three TOAST pages: ~3 buffer reads a row, 50,000 for 15,000 title matches. MAIN storage keeps
-- them in the row (compressed if need be; out of line only if a row could not fit a page), while
-- the full vector stays EXTERNAL, so a row is ~350 bytes instead of ~130: walks read twice the pages
-- and recheck none.
ALTER TABLE "offer_search" ALTER COLUMN "title_vector" SET STORAGE MAIN, ALTER COLUMN "search_title" SET STORAGE MAIN;
ALTER TABLE "demand_search" ALTER COLUMN "title_vector" SET STORAGE MAIN, ALTER COLUMN "search_title" SET STORAGE MAIN;

-- Storage applies to values written from now on: rewrite the rows there are (fresh values, so they
-- are stored anew; no trigger reads these tables).
UPDATE "offer_search" SET "title_vector" = to_tsvector('simple'::regconfig, "search_title"), "search_title" = "search_title" || '';
UPDATE "demand_search" SET "title_vector" = to_tsvector('simple'::regconfig, "search_title"), "search_title" = "search_title" || '';

-- A counter row's exponential arrival time from its cell key (reports/stats/CellKeyPerturbation.Key#arrival,
-- README "Disclosure control"), stored so that a report reads it instead of computing a logarithm per row:
-- a published count of 1..4 rounds to 5 when the least ta / records over its rows is early enough.
ALTER TABLE report_funnel ADD COLUMN ta DOUBLE AS (-LN(1 - (tk + 0.5) / 4294967296)) STORED;
ALTER TABLE report_funnel_delta ADD COLUMN ta DOUBLE AS (-LN(1 - (tk + 0.5) / 4294967296)) STORED;

-- The monitor's calendar year (monitor/CalendarYearFigures) counts the aangiften made in a year by the
-- day they happened: without an index that read scans every aangifte event. With victim_id in it the
-- index covers the join to the victims' facts.
CREATE INDEX ix_aangifte_type_day ON aangifte_event (type, occurred_on, victim_id);

-- Maintained counters for measure 4 (victims), kept equal to report_victim_fact inside the writer's
-- transaction (reports/aggregates/VictimCounts), so the report sums a few counter rows instead of
-- grouping one fact row per victim. One row per cut cell: region, period, origin, team, forms and
-- age group. Every victim counts in two rows: its regional row (municipality '') for the police-unit,
-- court-district and prosecution-office levels, and its municipality's row for the municipality level.
-- The breakdowns are columns, one per hearing and per code of the code lists of V1_1_1, so a row
-- holds all of a cell's figures: a code added to RECRUITMENT_CHANNEL, VULNERABILITY or
-- NON_REPORTING_REASON needs its column here (the report names the columns from the code lists and
-- fails without one). Multi-valued facts count once per value: marker_none counts victims without
-- markers, channel_unknown those without a (known) channel. Rows that fall to zero stay.
CREATE TABLE report_victim_count (
  municipality        CHAR(6)      NOT NULL,
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  age_group           VARCHAR(12)  NOT NULL,
  victims INT NOT NULL, aangifte_made INT NOT NULL, declined INT NOT NULL, heard_none INT NOT NULL,
  heard_before INT NOT NULL, heard_during INT NOT NULL, heard_before_and_during INT NOT NULL,
  heard_made_none INT NOT NULL, heard_made_before INT NOT NULL, heard_made_during INT NOT NULL,
  heard_made_before_and_during INT NOT NULL, channel_snapchat INT NOT NULL, channel_instagram INT NOT NULL,
  channel_tiktok INT NOT NULL, channel_dating_app INT NOT NULL, channel_pro_ana INT NOT NULL,
  channel_gaming INT NOT NULL, channel_escort_site INT NOT NULL, channel_messaging INT NOT NULL,
  channel_peer INT NOT NULL, channel_family INT NOT NULL, channel_institution INT NOT NULL,
  channel_other INT NOT NULL, channel_unknown INT NOT NULL, marker_lvb INT NOT NULL, marker_ggz INT NOT NULL,
  marker_eating_disorder INT NOT NULL, marker_residential_youth_care INT NOT NULL,
  marker_earlier_runaway INT NOT NULL, marker_addiction INT NOT NULL, marker_homeless INT NOT NULL,
  marker_debts INT NOT NULL, marker_undocumented INT NOT NULL, marker_earlier_victim INT NOT NULL,
  marker_none INT NOT NULL, reason_fear_suspect INT NOT NULL, reason_loyalty INT NOT NULL,
  reason_shame INT NOT NULL, reason_no_trust INT NOT NULL, reason_not_a_victim INT NOT NULL,
  reason_trauma INT NOT NULL, reason_family_pressure INT NOT NULL, reason_consequences INT NOT NULL,
  reason_other INT NOT NULL,
  PRIMARY KEY (municipality, year, quarter, police_unit, court_district, prosecution_office, origin, team_type, forms, age_group)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The counters of the facts already there (AggregateRebuild generates the same sums): every fact
-- twice, under municipality '' and under its own.
INSERT INTO report_victim_count
SELECT cell, year, quarter, police_unit, court_district, prosecution_office, origin, team_type, forms, age_group,
       COUNT(*), SUM(aangifte_made), SUM(declined), SUM(hearing = 'NONE'), SUM(hearing = 'BEFORE'),
       SUM(hearing = 'DURING'), SUM(hearing = 'BEFORE_AND_DURING'), SUM(hearing = 'NONE' AND aangifte_made),
       SUM(hearing = 'BEFORE' AND aangifte_made), SUM(hearing = 'DURING' AND aangifte_made),
       SUM(hearing = 'BEFORE_AND_DURING' AND aangifte_made), SUM(channel = 'SNAPCHAT'),
       SUM(channel = 'INSTAGRAM'), SUM(channel = 'TIKTOK'), SUM(channel = 'DATING_APP'),
       SUM(channel = 'PRO_ANA'), SUM(channel = 'GAMING'), SUM(channel = 'ESCORT_SITE'),
       SUM(channel = 'MESSAGING'), SUM(channel = 'PEER'), SUM(channel = 'FAMILY'), SUM(channel = 'INSTITUTION'),
       SUM(channel = 'OTHER'), SUM(channel NOT IN ('SNAPCHAT', 'INSTAGRAM', 'TIKTOK', 'DATING_APP', 'PRO_ANA', 'GAMING',
       'ESCORT_SITE', 'MESSAGING', 'PEER', 'FAMILY', 'INSTITUTION', 'OTHER')),
       SUM(FIND_IN_SET('LVB', vulnerabilities) > 0), SUM(FIND_IN_SET('GGZ', vulnerabilities) > 0),
       SUM(FIND_IN_SET('EATING_DISORDER', vulnerabilities) > 0),
       SUM(FIND_IN_SET('RESIDENTIAL_YOUTH_CARE', vulnerabilities) > 0),
       SUM(FIND_IN_SET('EARLIER_RUNAWAY', vulnerabilities) > 0),
       SUM(FIND_IN_SET('ADDICTION', vulnerabilities) > 0), SUM(FIND_IN_SET('HOMELESS', vulnerabilities) > 0),
       SUM(FIND_IN_SET('DEBTS', vulnerabilities) > 0), SUM(FIND_IN_SET('UNDOCUMENTED', vulnerabilities) > 0),
       SUM(FIND_IN_SET('EARLIER_VICTIM', vulnerabilities) > 0), SUM(vulnerabilities = ''),
       SUM(FIND_IN_SET('FEAR_SUSPECT', reasons) > 0), SUM(FIND_IN_SET('LOYALTY', reasons) > 0),
       SUM(FIND_IN_SET('SHAME', reasons) > 0), SUM(FIND_IN_SET('NO_TRUST', reasons) > 0),
       SUM(FIND_IN_SET('NOT_A_VICTIM', reasons) > 0), SUM(FIND_IN_SET('TRAUMA', reasons) > 0),
       SUM(FIND_IN_SET('FAMILY_PRESSURE', reasons) > 0), SUM(FIND_IN_SET('CONSEQUENCES', reasons) > 0),
       SUM(FIND_IN_SET('OTHER', reasons) > 0)
FROM (SELECT '' AS cell, f.* FROM report_victim_fact f UNION ALL SELECT f.municipality, f.* FROM report_victim_fact f) x
GROUP BY cell, year, quarter, police_unit, court_district, prosecution_office, origin, team_type, forms, age_group;

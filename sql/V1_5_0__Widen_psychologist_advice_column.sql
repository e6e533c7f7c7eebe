-- BEFORE_AND_DURING did not fit in the column of V1_2_0.
ALTER TABLE aangifte_event MODIFY psychologist_advised VARCHAR(20) NOT NULL;

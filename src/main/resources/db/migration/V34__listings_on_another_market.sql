-- An application for a listing on another overseas market, started from a case already listed abroad (Trial
-- Measures Art. 16: a listing on another market goes the way of a first listing), names the listed case it
-- follows. Read and written by cn.ola.filing.ListingsElsewhere only.
ALTER TABLE applications ADD COLUMN follows_application_id BIGINT NULL;
ALTER TABLE applications ADD CONSTRAINT fk_applications_follows FOREIGN KEY (follows_application_id)
    REFERENCES applications (id);
CREATE INDEX ix_applications_follows ON applications (follows_application_id);

-- Whether the issuer itself is a PRC joint-stock company (direct listing) or an offshore entity.
ALTER TABLE applications ADD COLUMN issuer_type VARCHAR(24);

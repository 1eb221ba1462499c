-- The signers' list the municipality gets names each signer with their year of birth (never an
-- identity number). It is kept on the signature row, so the job that forgets signers six months
-- after closing removes it with the rest of the identity.
alter table participation_signatures add column birth_year smallint check (birth_year between 1850 and 2100);

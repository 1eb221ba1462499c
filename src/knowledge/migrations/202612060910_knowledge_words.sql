-- The bank's vocabulary: every word of every case (unstemmed), with a trigram index. A query word
-- with a typo or a part of a compound ("kvardagsrehabilitering", "rehabilitering") is matched
-- against these words first and searched as the similar words it found, through the full-text
-- index, instead of comparing it with the whole text of every case (which grows with the bank).
create table knowledge_words (word text primary key);
create index knowledge_words_trgm on knowledge_words using gin (word gin_trgm_ops);
insert into knowledge_words (word)
  select distinct unnest(tsvector_to_array(to_tsvector('simple'::regconfig, search_text))) from knowledge_cases
  on conflict do nothing;
-- The search no longer compares query words with the whole text.
drop index if exists knowledge_cases_search_trgm;

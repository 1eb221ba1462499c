-- The competence centre's answers link actors and schemes of the directory (by slug), and the
-- published questions and answers are found by the bank's search beside the cases: their words,
-- stemmed in the asker's language and unstemmed, never the asker's or the organisation's name.
alter table knowledge_questions add column directory_slugs jsonb not null default '[]';
alter table knowledge_questions add column search_vector tsvector generated always as (
  setweight(to_tsvector(case locale when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, title), 'A')
  || setweight(to_tsvector(case locale when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, question || ' ' || answer), 'B')
  || setweight(to_tsvector('simple'::regconfig, title || ' ' || question || ' ' || answer), 'D')
) stored;
create index knowledge_questions_search_vector on knowledge_questions using gin (search_vector);
insert into knowledge_words (word)
  select distinct unnest(tsvector_to_array(to_tsvector('simple'::regconfig, title || ' ' || question || ' ' || answer)))
  from knowledge_questions where state = 'published'
  on conflict do nothing;

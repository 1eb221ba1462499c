-- A case may also be made from a benchmarking network's completed improvement action (forbedringstiltak), once per action.
alter table knowledge_cases drop constraint knowledge_cases_origin_kind_check;
alter table knowledge_cases add constraint knowledge_cases_origin_kind_check check (origin_kind in ('project', 'network-action'));

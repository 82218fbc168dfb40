-- Usage rating needs the resource: tariffs are per resource, provider default or agreement on either (ADR 0021,
-- ADR 0023). The summary key gains resource_id; the rows are rebuilt from the current, attributed records, which is
-- what replaying the batch and assignment events yields (ADR 0017).
alter table usage_summary add column resource_id uuid;

delete from usage_summary;
insert into usage_summary (month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count,
                           jobs, wall_seconds, cpu_seconds, normalised_wall, normalised_cpu, earliest_end, latest_end)
select month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count,
       count(*), sum(wall_seconds), sum(cpu_seconds), sum(normalised_wall), sum(normalised_cpu),
       min(end_time), max(end_time)
from usage_record
where superseded_by is null and community_id is not null
group by month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count;

alter table usage_summary alter column resource_id set not null;
alter table usage_summary drop constraint usage_summary_pk;
alter table usage_summary add constraint usage_summary_pk
    primary key (month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count);

-- Splitting a resource's month at a price change reads its current, attributed records by UTC day of their end, of
-- one community (billing) or of all (provider settlement).
create index usage_record_resource_month_idx on usage_record (resource_id, month, community_id)
    where superseded_by is null and community_id is not null;

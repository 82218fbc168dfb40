-- Set-based rule (ADR 0006): an APEL site name belongs to one provider. Usage records name their site, so two
-- providers with resources under one site name could not be told apart. Claimed when a provider registers its first
-- resource at the site, in the command's transaction; never released (a site keeps its provider when its resources
-- retire). An existing site goes to the provider with a resource in service there (the earliest registered, then the
-- lowest resource id), else to the one that registered a resource there first.
create table accounting_site_claim (
    site_name    varchar(200)  not null,
    provider_id  uuid          not null,
    constraint accounting_site_claim_pk primary key (site_name)
);
insert into accounting_site_claim (site_name, provider_id)
select distinct on (site_name) site_name, provider_id from accounting_resource
order by site_name, retired_at is not null, registered_at, resource_id;

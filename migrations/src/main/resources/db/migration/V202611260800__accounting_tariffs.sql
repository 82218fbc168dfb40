-- Tariffs: effective-dated prices per unit for a provider's default, a resource, or a community's agreement on
-- either. The read model (projection of Tariff events) and the command side's key lookup.

create table tariff (
    tariff_id     uuid         not null,
    kind          varchar(20)  not null,
    provider_id   uuid         not null,
    resource_id   uuid,
    community_id  uuid,
    unit          varchar(20)  not null,
    currency      char(3)      not null,
    defined_on    date         not null,
    constraint tariff_pk primary key (tariff_id),
    constraint tariff_kind_chk check (kind in ('AGREEMENT', 'RESOURCE', 'PROVIDER_DEFAULT'))
);
create index tariff_provider_idx on tariff (provider_id, unit);
create index tariff_resource_idx on tariff (resource_id, unit);

-- Price versions: in force from effective_from (00:00 UTC) until effective_until (agreements) or the next version.
create table tariff_price (
    tariff_id        uuid           not null references tariff (tariff_id),
    effective_from   date           not null,
    effective_until  date,
    price            numeric(19,9)  not null,
    recorded_on      date           not null,
    constraint tariff_price_pk primary key (tariff_id, effective_from),
    constraint tariff_price_chk check (price >= 0 and (effective_until is null or effective_until > effective_from))
);

-- Set rule: one tariff per provider × resource × community × unit (ADR 0006, ADR 0021). Written only by the command
-- side; a projection rebuild leaves it alone.
create table tariff_key_lookup (
    tariff_key  varchar(200)  not null,
    tariff_id   uuid          not null,
    constraint tariff_key_lookup_pk primary key (tariff_key)
);

-- Accounts of people and API tokens of machine clients. Passwords are stored only as bcrypt hashes; tokens only as
-- SHA-256 hashes of their high-entropy secret.

create table account (
    username         varchar(64)   not null,
    password_hash    varchar(255)  not null,
    display_name     varchar(255),
    enabled          boolean       not null default true,
    created_at       timestamptz   not null,
    created_by       varchar(64)   not null,
    constraint account_pk primary key (username),
    constraint account_username_chk check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);

create table account_role (
    username  varchar(64) not null references account (username),
    role      varchar(32) not null,
    constraint account_role_pk primary key (username, role),
    constraint account_role_chk check (role in ('STAFF','FINANCE','COMMUNITY_ADMIN','PROVIDER','RA_OPERATOR','MEMBER'))
);

-- Provider scope of PROVIDER accounts (the provider ids the account acts for).
create table account_provider_scope (
    username     varchar(64) not null references account (username),
    provider_id  varchar(64) not null,
    constraint account_provider_scope_pk primary key (username, provider_id)
);

create table api_token (
    token_id      uuid          not null,
    username      varchar(64)   not null references account (username),
    name          varchar(128)  not null,
    secret_hash   bytea         not null,
    roles         varchar(255)  not null,
    provider_id   varchar(64),
    community_id  varchar(64),
    created_at    timestamptz   not null,
    created_by    varchar(64)   not null,
    expires_at    timestamptz   not null,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    constraint api_token_pk primary key (token_id)
);
create index api_token_username_idx on api_token (username);

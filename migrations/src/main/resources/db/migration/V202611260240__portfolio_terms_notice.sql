-- The cancellation notice of a terms version, in days; versions recorded before it existed have none.
alter table support_package_terms
    add column cancellation_notice_days integer not null default 0,
    add constraint support_package_terms_notice_chk check (cancellation_notice_days between 0 and 365);

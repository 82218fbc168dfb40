-- The VAT rate a community's invoices carry when it differs from the default (gridledger.billing.default-vat-rate):
-- a reduced rate or an exemption (rate 0, with its legal reason). Every invoice line keeps the rate it was billed
-- with, so a change here affects later billing runs only.

create table billing_vat_rate (
    community_id      uuid           not null,
    vat_rate          numeric(7,6)   not null,
    exemption_reason  text,
    changed_by        varchar(100)   not null,
    changed_at        timestamptz    not null,
    constraint billing_vat_rate_pk primary key (community_id),
    constraint billing_vat_rate_range_chk check (vat_rate >= 0 and vat_rate < 1),
    constraint billing_vat_rate_exemption_chk check (vat_rate > 0 or exemption_reason is not null)
);

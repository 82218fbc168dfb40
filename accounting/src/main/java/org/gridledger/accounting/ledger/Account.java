package org.gridledger.accounting.ledger;

/**
 * The chart of accounts. Codes group by type (1 assets, 2 liabilities, 4 revenue, 5 expenses). Some accounts are kept
 * per sub-account: receivables per community, subscription revenue per package category, payables and provider
 * costs per provider, deferred grant income per grant.
 */
public enum Account {
    BANK("1000", "Bank", Type.ASSET, Subledger.NONE),
    RECEIVABLES("1200", "Receivables from communities", Type.ASSET, Subledger.COMMUNITY),
    VAT_PAYABLE("2100", "VAT payable", Type.LIABILITY, Subledger.NONE),
    PROVIDER_PAYABLES("2200", "Payables to providers", Type.LIABILITY, Subledger.PROVIDER),
    DEFERRED_GRANT_INCOME("2500", "Deferred grant income", Type.LIABILITY, Subledger.GRANT),
    SUBSCRIPTION_REVENUE("4100", "Subscription revenue", Type.REVENUE, Subledger.PACKAGE_CATEGORY),
    USAGE_REVENUE("4200", "Usage revenue", Type.REVENUE, Subledger.NONE),
    ADJUSTMENT_REVENUE("4300", "Adjustments and credits on invoices", Type.REVENUE, Subledger.NONE),
    GRANT_INCOME("4800", "Grant income", Type.REVENUE, Subledger.NONE),
    CREDIT_NOTES("4900", "Credit notes (revenue reductions)", Type.REVENUE, Subledger.NONE),
    PROVIDER_COSTS("5000", "Services bought from providers", Type.EXPENSE, Subledger.PROVIDER);

    public enum Type { ASSET, LIABILITY, REVENUE, EXPENSE }

    /** What the sub-accounts of an account are. */
    public enum Subledger { NONE, COMMUNITY, PROVIDER, PACKAGE_CATEGORY, GRANT }

    private final String code;
    private final String title;
    private final Type type;
    private final Subledger subledger;

    Account(String code, String title, Type type, Subledger subledger) {
        this.code = code;
        this.title = title;
        this.type = type;
        this.subledger = subledger;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Type type() {
        return type;
    }

    public Subledger subledger() {
        return subledger;
    }

    public static Account byCode(String code) {
        for (Account account : values()) {
            if (account.code.equals(code)) {
                return account;
            }
        }
        throw new IllegalArgumentException("no account " + code);
    }
}

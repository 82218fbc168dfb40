package org.gridledger.domain.accounting;

/**
 * The CPU benchmark a usage record's service level is expressed in. Normalisation works in HEP-SPEC06 per core;
 * a SpecInt2000 figure converts with {@code HS06 = Si2k / 250}.
 */
public enum BenchmarkType {
    HEPSPEC,
    SI2K
}

/**
 * Government grants: the Grant aggregate (funder, amount, the months it funds, the day it was received) with its
 * monthly recognition schedule, and the {@code funding_grant} read model. The ledger books the receipt as deferred
 * income and releases one instalment per month into grant income.
 */
package org.gridledger.accounting.grant;

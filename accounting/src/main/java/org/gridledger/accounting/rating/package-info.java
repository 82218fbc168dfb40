/**
 * Rating: turning what a community had and used in a billing month into priced charges. Pure calculation over the
 * published language, exact decimals throughout; amounts are rounded to cents once, per charge.
 */
package org.gridledger.accounting.rating;

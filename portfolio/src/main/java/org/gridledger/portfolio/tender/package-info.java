/**
 * Tenders: the Tender aggregate (staff open a tender for a published package and lot with weighted criteria, required
 * certifications and a deadline; eligible providers offer until then; staff close it, evaluate the offers and award
 * one or several providers a contract, which can later be terminated), the port through which the command side reads
 * packages and providers, the scoring of offers, and the {@code tender} projection with its queries, among them the
 * providers delivering a package on a day.
 */
package org.gridledger.portfolio.tender;

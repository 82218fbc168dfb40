/**
 * Support packages: the SupportPackage aggregate (Draft → Published → Retired, terms as effective-dated versions that
 * never change the past), the {@code support_package} projection, and the catalogue queries (as of any date, price
 * history).
 */
package org.gridledger.portfolio.supportpackage;

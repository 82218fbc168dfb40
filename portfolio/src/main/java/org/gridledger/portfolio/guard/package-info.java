/** Guards every portfolio aggregate applies to its commands alike: required fields and reasons. */
package org.gridledger.portfolio.guard;

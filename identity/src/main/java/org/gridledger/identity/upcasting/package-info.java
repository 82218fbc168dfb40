/**
 * Upcasting stored identity events to their current revision: {@link
 * org.gridledger.identity.upcasting.FieldAddingUpcaster}, the shape every revision step of the identity events has
 * taken so far (one field added, with the value its absence meant).
 */
package org.gridledger.identity.upcasting;

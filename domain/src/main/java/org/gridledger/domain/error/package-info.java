/** Error codes and the exception that carries them: the error contract shared by every context and adapter. */
package org.gridledger.domain.error;

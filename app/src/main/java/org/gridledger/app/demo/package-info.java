/** The D-Grid demo scenario, loaded through the same commands the API sends. */
package org.gridledger.app.demo;

/**
 * Logging helpers for the host and its modules: unexpected failures logged without letting one
 * repeated failure flood the log.
 */
@Version("1.0.0")
package org.billinghost.api.log;

import org.osgi.annotation.versioning.Version;

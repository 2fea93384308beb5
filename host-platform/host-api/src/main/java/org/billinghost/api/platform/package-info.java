/**
 * Services the host offers modules (OSGi services registered by the host): the catalog, the
 * activity and module logs, the host's database for the module's own tables (with a transaction
 * helper; the tables come from migration scripts in the module's bundle), the templates of the
 * module's pages, and the hook topics.
 */
@Version("2.4.0")
package org.billinghost.api.platform;

import org.osgi.annotation.versioning.Version;

/**
 * What a module bundle implements: {@link org.billinghost.api.module.AddonModule} and
 * {@link org.billinghost.api.module.ServerModule}, registered as OSGi services with the
 * {@value org.billinghost.api.module.ModuleProperties#MODULE_NAME} property naming the module.
 */
@Version("1.3.0")
package org.billinghost.api.module;

import org.osgi.annotation.versioning.Version;

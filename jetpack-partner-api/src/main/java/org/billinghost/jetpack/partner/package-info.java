/**
 * The Jetpack Partner API as an OSGi service ({@link org.billinghost.jetpack.partner.PartnerApi}),
 * shared by the Jetpack server module and the Jetpack addon. Every message it returns starts
 * with {@value org.billinghost.jetpack.partner.PartnerApi#PREFIX}. Since 1.3 the Jetpack Licensing API too
 * ({@link org.billinghost.jetpack.partner.LicensingApi}): license keys for standalone Jetpack products.
 */
@Version("1.3.0")
package org.billinghost.jetpack.partner;

import org.osgi.annotation.versioning.Version;
